import Foundation
import Testing

@testable import GlossCore

/// Parses the export back with Foundation and checks it against the W3C Web Annotation Data
/// Model: collection, page, annotations, bodies, targets and selectors, and that each selector
/// really selects the highlighted text.
@Suite("W3C export: structure of the Web Annotation model")
struct ExportW3CStructureTests {
    typealias Object = [String: Any]

    static func parse(_ output: String) throws -> Object {
        try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? Object)
    }

    @Test("The collection: context, id, type, label, total, the article, one page with every annotation")
    func collection() throws {
        let doc = try W3CFixture.binance()
        let json = try Self.parse(W3CExport.render(doc))
        let context = try #require(json["@context"] as? [Any])
        #expect(context.count == 2)
        #expect(context.first as? String == "http://www.w3.org/ns/anno.jsonld")
        let prefixes = try #require(context.last as? [String: String])
        #expect(prefixes == ["gloss": "urn:gloss:ns:"])

        let collectionID = try #require(json["id"] as? String)
        #expect(collectionID == "urn:gloss:article:\(doc.article.fingerprint):annotations")
        #expect(json["type"] as? String == "AnnotationCollection")
        #expect(json["label"] as? String == doc.article.title)
        #expect(json["modified"] as? String == doc.article.updated?.description)
        #expect(json["total"] as? Int == doc.highlightCount)
        #expect(doc.orphans.count == 1 && doc.highlights.count == 5)

        let article = try #require(json["gloss:article"] as? Object)
        #expect(article["id"] as? String == "urn:gloss:article:\(doc.article.fingerprint)")
        #expect(article["type"] as? String == "Text")
        #expect(article["format"] as? String == "text/plain")
        #expect(article["dc:title"] as? String == doc.article.title)
        #expect(article["gloss:file"] as? String == W3CFixture.binanceFile)
        #expect(article["dc:subject"] as? [String] == doc.article.tags)

        let page = try #require(json["first"] as? Object)
        #expect(page["type"] as? String == "AnnotationPage")
        let pageID = try #require(page["id"] as? String)
        #expect(pageID.hasPrefix(collectionID))
        #expect(json["last"] as? String == pageID)
        #expect(page["partOf"] as? String == collectionID)
        #expect(page["startIndex"] as? Int == 0)
        let items = try #require(page["items"] as? [Object])
        #expect(items.count == doc.highlightCount)
        // Reading order, orphans last: the items are the document's highlights in its order.
        let expectedIDs = (doc.highlights + doc.orphans).map { "urn:uuid:" + $0.id.lowercased() }
        #expect(items.compactMap { $0["id"] as? String } == expectedIDs)
    }

    @Test("Every annotation: id, type, motivation, times, bodies and extension properties agree with the highlight")
    func annotations() throws {
        let doc = try W3CFixture.binance()
        let items = try Self.items(of: W3CExport.render(doc))
        for (item, highlight) in zip(items, doc.highlights + doc.orphans) {
            let id = try #require(item["id"] as? String)
            #expect(id == "urn:uuid:" + highlight.id.lowercased())
            #expect(item["type"] as? String == "Annotation")
            let hasNote = !highlight.note.isEmpty
            #expect(item["motivation"] as? String == (hasNote ? "commenting" : "highlighting"), "\(id)")
            let created = try #require((item["created"] as? String).flatMap { Timestamp(iso8601: $0) })
            let modified = try #require((item["modified"] as? String).flatMap { Timestamp(iso8601: $0) })
            #expect(created == highlight.created && modified == highlight.modified)
            #expect((item["created"] as? String)?.hasSuffix("Z") == true)

            let bodies = item["body"] as? [Object] ?? []
            #expect((item["body"] == nil) == (!hasNote && highlight.tags.isEmpty), "\(id)")
            #expect(bodies.allSatisfy { $0["type"] as? String == "TextualBody" && $0["value"] is String })
            let comments = bodies.filter { $0["purpose"] as? String == "commenting" }
            let tags = bodies.filter { $0["purpose"] as? String == "tagging" }
            #expect(comments.count + tags.count == bodies.count, "every body has a known purpose")
            #expect(comments.count == (hasNote ? 1 : 0))
            if let comment = comments.first {
                #expect(comment["value"] as? String == ArticleText.nfc(highlight.note))
                #expect(comment["format"] as? String == "text/markdown")
            }
            #expect(tags.compactMap { $0["value"] as? String } == highlight.tags.map(ArticleText.nfc))
            #expect(tags.allSatisfy { $0["format"] == nil })

            #expect(item["gloss:color"] as? String == highlight.color)
            #expect(item["gloss:status"] as? String == highlight.status.rawValue)
            #expect(item["gloss:section"] as? String == highlight.section)
        }
        // The fixture exercises both motivations and every anchor status.
        #expect(Set(items.compactMap { $0["motivation"] as? String }) == ["commenting", "highlighting"])
        #expect(Set(items.compactMap { $0["gloss:status"] as? String }) == Set(AnchorStatus.allCases.map(\.rawValue)))
    }

    @Test("Anchored targets: both selectors, and each selects the highlighted text of the article")
    func anchoredTargets() throws {
        let doc = try W3CFixture.binance()
        let json = try Self.parse(W3CExport.render(doc))
        let articleID = try #require((json["gloss:article"] as? Object)?["id"] as? String)
        let text = ArticleText(try W3CFixture.binanceArticle())
        #expect(articleID == "urn:gloss:article:" + ArticleFingerprint.sha256(of: text.text))
        let scalars = Array(text.text.unicodeScalars)
        func slice(_ range: Range<Int>) -> String {
            String(String.UnicodeScalarView(scalars[range]))
        }
        let items = try Self.items(of: W3CExport.render(doc))
        for (item, highlight) in zip(items, doc.highlights) {
            let target = try #require(item["target"] as? Object)
            #expect(target["type"] as? String == "SpecificResource")
            #expect(target["source"] as? String == articleID)
            let selectors = try #require(target["selector"] as? [Object])
            #expect(selectors.compactMap { $0["type"] as? String } == ["TextQuoteSelector", "TextPositionSelector"])
            let quote = selectors[0]
            let position = selectors[1]
            let start = try #require(position["start"] as? Int)
            let end = try #require(position["end"] as? Int)
            #expect(0 <= start && start < end && end <= scalars.count)
            let exact = try #require(quote["exact"] as? String)
            #expect(exact == highlight.quote)
            #expect(exact == slice(start..<end))
            let prefix = quote["prefix"] as? String ?? ""
            let suffix = quote["suffix"] as? String ?? ""
            #expect(!prefix.isEmpty && !suffix.isEmpty)
            #expect(prefix == slice((start - prefix.unicodeScalars.count)..<start))
            #expect(suffix == slice(end..<(end + suffix.unicodeScalars.count)))
            // ¶ numbers are the blocks the position starts and ends in, counted from 1.
            let first = try #require(text.location(ofArticleOffset: start))
            let last = try #require(text.location(ofArticleOffset: end - 1))
            #expect(item["gloss:paragraph"] as? Int == first.block + 1)
            #expect(item["gloss:paragraphEnd"] as? Int == last.block + 1)
        }
        // The multi-paragraph highlight keeps its blank line and spans two ¶.
        let spanning = try #require(items.first { ($0["gloss:paragraphEnd"] as? Int) != ($0["gloss:paragraph"] as? Int) })
        let spanningQuote = try #require(((spanning["target"] as? Object)?["selector"] as? [Object])?.first)
        #expect((spanningQuote["exact"] as? String)?.contains("\n\n") == true)
    }

    @Test("An orphan is exported with its quote and context only, marked as an orphan")
    func orphans() throws {
        let doc = try W3CFixture.binance()
        let orphan = try #require(doc.orphans.first)
        let items = try Self.items(of: W3CExport.render(doc))
        let item = try #require(items.last)
        #expect(item["id"] as? String == "urn:uuid:" + orphan.id)
        #expect(item["gloss:status"] as? String == "orphan")
        #expect(item["gloss:paragraph"] == nil && item["gloss:paragraphEnd"] == nil && item["gloss:section"] == nil)
        let target = try #require(item["target"] as? Object)
        let selectors = try #require(target["selector"] as? [Object])
        #expect(selectors.count == 1)
        #expect(selectors[0]["type"] as? String == "TextQuoteSelector")
        #expect(selectors[0]["exact"] as? String == orphan.anchor.quote.exact)
        #expect(selectors[0]["prefix"] as? String == orphan.anchor.quote.prefix)
        #expect(selectors[0]["suffix"] as? String == orphan.anchor.quote.suffix)
        #expect(item["motivation"] as? String == "commenting")
        #expect((item["body"] as? [Object])?.last?["value"] as? String == "orphaned")
    }

    @Test("A document made only of orphans still exports them all")
    func onlyOrphans() throws {
        var doc = try W3CFixture.binance()
        doc.orphans = doc.highlights.map { highlight in
            var orphan = highlight
            orphan.status = .orphan
            orphan.anchor.status = .orphan
            return orphan
        } + doc.orphans
        doc.highlights = []
        let json = try Self.parse(W3CExport.render(doc))
        let items = try Self.items(of: W3CExport.render(doc))
        #expect(json["total"] as? Int == 6 && items.count == 6)
        #expect(items.allSatisfy { $0["gloss:status"] as? String == "orphan" })
        #expect(items.allSatisfy { (($0["target"] as? Object)?["selector"] as? [Object])?.count == 1 })
    }

    @Test("An article without annotations: total 0 and no page, since a page needs an annotation")
    func emptyCollection() throws {
        let doc = try #require(try W3CFixture.library().last)
        #expect(doc.highlightCount == 0)
        let json = try Self.parse(W3CExport.render(doc))
        #expect(json["type"] as? String == "AnnotationCollection")
        #expect(json["total"] as? Int == 0)
        #expect(json["first"] == nil && json["last"] == nil && json["modified"] == nil)
        #expect((json["gloss:article"] as? Object)?["gloss:file"] as? String == "millbrook-library-levy.txt")
    }

    @Test("Front matter becomes Dublin Core properties of the article")
    func articleMetadata() throws {
        let docs = try W3CFixture.library()
        let list = try #require(try JSONSerialization.jsonObject(with: Data(W3CExport.render(docs).utf8)) as? [Object])
        #expect(list.count == 3)
        #expect(list.compactMap { $0["type"] as? String } == Array(repeating: "AnnotationCollection", count: 3))
        #expect(list.allSatisfy { ($0["@context"] as? [Any])?.count == 2 })
        let harbor = try #require(list[1]["gloss:article"] as? Object)
        #expect(harbor["dc:title"] as? String == "Harbor City switches on the region's largest grid battery")
        #expect(harbor["dc:creator"] as? String == "Maren Okafor")
        #expect(harbor["dc:publisher"] as? String == "The Coastal Ledger")
        #expect(harbor["dc:date"] as? String == "2025-03-14")
        #expect(harbor["dc:source"] as? String == "https://example.com/coastal-ledger/harbor-city-grid-battery")
        #expect(harbor["dc:subject"] as? [String] == ["energy", "local government", "batteries"])
        // The Binance sample has no front matter: only what is known is written.
        let binance = try #require(list[0]["gloss:article"] as? Object)
        #expect(binance["dc:creator"] == nil && binance["dc:source"] == nil && binance["dc:date"] == nil)
    }

    /// Terms of the W3C context (http://www.w3.org/ns/anno.jsonld) the export may use. A JSON-LD
    /// processor silently drops a key that is neither such a term nor a prefixed name.
    static let annotationTerms: Set<String> = [
        "@context", "id", "type", "label", "total", "first", "last", "partOf", "startIndex", "items",
        "motivation", "created", "modified", "body", "target", "value", "format", "purpose",
        "source", "selector", "exact", "prefix", "suffix", "start", "end",
    ]

    @Test("Every key is a W3C term or a name with a declared prefix (dc: from the W3C context, gloss: our own)")
    func onlyKnownTerms() throws {
        var keys: Set<String> = []
        func collect(_ value: Any) {
            if let object = value as? Object {
                for (key, member) in object where key != "@context" {
                    keys.insert(key)
                    collect(member)
                }
            } else if let array = value as? [Any] {
                array.forEach(collect)
            }
        }
        collect(try JSONSerialization.jsonObject(with: Data(W3CExport.render(try W3CFixture.library()).utf8)))
        let unknown = keys.filter { !Self.annotationTerms.contains($0) && !$0.hasPrefix("dc:") && !$0.hasPrefix("gloss:") }
        #expect(unknown.isEmpty, "\(unknown.sorted())")
        #expect(keys.contains("gloss:status") && keys.contains("dc:creator"))
    }

    static func items(of output: String) throws -> [Object] {
        let json = try parse(output)
        return try #require((json["first"] as? Object)?["items"] as? [Object])
    }
}
