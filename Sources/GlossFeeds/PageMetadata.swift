#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A web page's title, byline, date, canonical URL and site name, from its meta tags and markup.
struct PageMetadata {
    var title: String?
    var byline: String?
    var published: Date?
    var canonicalURL: String?
    var siteName: String?

    private static let dateKeys = [
        "article:published_time", "og:published_time", "datepublished", "date", "pubdate", "publishdate",
        "dc.date", "dc.date.issued", "dcterms.created", "dcterms.date", "sailthru.date", "parsely-pub-date",
    ]

    /// Meta titles in the order they are trusted, as written.
    private static let titleKeys = [
        "dc:title", "dcterm:title", "og:title", "weibo:article:title", "weibo:webpage:title", "title", "twitter:title",
        "parsely-title",
    ]
    private static let authorKeys = ["dc:creator", "dcterm:creator", "author", "parsely-author", "article:author"]

    /// Reads the metadata of a whole document (before any of it is removed).
    static func read(from root: XMLNode) -> PageMetadata {
        var meta: [String: String] = [:]
        var named: [String: String] = [:]
        var canonical: String?
        var documentTitle: String?
        var firstHeading: String?
        var headings: [String] = []
        var h1s: [String] = []
        var linkedDataScripts: [String] = []
        var authorLink: String?
        var bylineElement: String?
        var firstTime: Date?
        NodeWalk.elements(below: root) { node in
            switch node.name {
            case "meta":
                readMeta(node, properties: &meta, names: &named)
            case "script":
                if node.attribute("type")?.lowercased() == "application/ld+json", linkedDataScripts.count < 20 {
                    linkedDataScripts.append(node.text)
                }
                return false
            case "link":
                let relations = (node.attribute("rel") ?? "").lowercased().split(separator: " ")
                if relations.contains("canonical"), canonical == nil, let href = node.attribute("href") {
                    canonical = node.resolve(href)
                }
            case "title":
                if documentTitle == nil { documentTitle = XMLText.collapsed(node.text) }
            case "h1", "h2":
                let heading = HTMLText.visibleText(of: node)
                if headings.count < 50 { headings.append(heading) }
                if node.name == "h1" {
                    if h1s.count < 50 { h1s.append(heading) }
                    if firstHeading == nil { firstHeading = heading }
                }
            case "time":
                if firstTime == nil { firstTime = node.attribute("datetime").flatMap(FeedDate.parse) }
            case "a" where (node.attribute("rel") ?? "").lowercased().split(separator: " ").contains("author"):
                if authorLink == nil { authorLink = XMLText.collapsed(node.text) }
            default:
                if bylineElement == nil, isBylineElement(node) {
                    let text = HTMLText.visibleText(of: bylineName(in: node) ?? node)
                    if !text.isEmpty, text.count < 100 { bylineElement = text }
                }
            }
            return true
        }

        // RDFa `property` is where Open Graph and Dublin Core are meant to be: it wins over `name`.
        meta.merge(named) { property, _ in property }
        var metadata = PageMetadata()
        metadata.siteName = meta["og:site_name"]
        let cleanedTitle = documentTitle.map { TitleChooser.cleaned(documentTitle: $0, headings: headings, h1s: h1s) }
        let linked = LinkedData.read(scripts: linkedDataScripts, documentTitle: cleanedTitle)
        // Titles written for machines are taken as written; the document's own `<title>` more
        // often carries the site's name and section.
        let metaTitle = titleKeys.lazy.compactMap { meta[$0] }.first
        metadata.title = nonEmpty(linked?.title ?? metaTitle) ?? nonEmpty(cleanedTitle) ?? nonEmpty(firstHeading)
        let linkedAuthors = linked.flatMap { $0.authors.isEmpty ? nil : $0.authors.joined(separator: ", ") }
        let metaAuthor = authorKeys.compactMap { meta[$0] }.first { URLResolver.scheme(of: $0) == nil }
        metadata.byline = (nonEmpty(linkedAuthors) ?? nonEmpty(metaAuthor) ?? nonEmpty(authorLink) ?? nonEmpty(bylineElement))
            .map(withoutBy)
        metadata.published = dateKeys.lazy.compactMap { meta[$0].flatMap(FeedDate.parse) }.first ?? firstTime
        let ogURL = meta["og:url"].map { root.resolve($0) }
        metadata.canonicalURL = [canonical, ogURL].compactMap { $0 }.first(where: URLResolver.isSafeLink)
        return metadata
    }

    /// Records a `<meta>`'s content under its key, lower-cased: every name of a `property` list
    /// (`property="x:title dc:title"`), a `name` with dots read as colons (`DC.title`), an `itemprop`.
    /// The first value of a key wins.
    private static func readMeta(_ node: XMLNode, properties: inout [String: String], names: inout [String: String]) {
        guard let content = node.attribute("content").map(XMLText.collapsed), !content.isEmpty else { return }
        if let property = node.attribute("property")?.lowercased() {
            for key in property.split(whereSeparator: \.isWhitespace).map(String.init) where properties[key] == nil {
                properties[key] = content
            }
        }
        var keys: [String] = []
        if let name = node.attribute("name")?.lowercased() {
            let key = XMLText.collapsed(name)
            keys.append(key)
            if key.contains(".") { keys.append(String(key.map { $0 == "." ? ":" : $0 })) }
        }
        if let itemprop = node.attribute("itemprop")?.lowercased() { keys.append(XMLText.collapsed(itemprop)) }
        for key in keys where names[key] == nil {
            names[key] = content
        }
    }

    /// An element whose class, id, `rel` or `itemprop` marks it as the article's byline; a dateline
    /// holds a date, not a name.
    private static func isBylineElement(_ node: XMLNode) -> Bool {
        if node.attribute("itemprop")?.lowercased().contains("author") == true { return true }
        let hints = ClassHints.hintText(of: node)
        guard !hints.contains("dateline") else { return false }
        return hints.contains("byline") || hints.contains("writtenby") || hints.contains("p-author")
            || hints.split(separator: " ").contains { $0 == "author" || $0.hasSuffix("-author") || $0.hasSuffix("_author") }
    }

    /// The part of a byline that holds just the name (`itemprop="name"`, or an element marked as the
    /// author inside a byline that also holds the date).
    private static func bylineName(in node: XMLNode) -> XMLNode? {
        var found: XMLNode?
        NodeWalk.elements(below: node) { element in
            guard found == nil else { return false }
            if element.attribute("itemprop")?.lowercased().contains("name") == true || isBylineElement(element) {
                found = element
            }
            return found == nil
        }
        return found.map { bylineName(inNested: $0) }
    }

    /// The innermost name-holding element below an author element, a few levels at most.
    private static func bylineName(inNested node: XMLNode) -> XMLNode {
        var current = node
        for _ in 0..<4 {
            guard let inner = current.elements.first(where: { $0.attribute("itemprop")?.lowercased().contains("name") == true }) else { break }
            current = inner
        }
        return current
    }

    private static func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text
    }

    /// `By Jo Doe` → `Jo Doe`.
    private static func withoutBy(_ byline: String) -> String {
        let lower = byline.lowercased()
        guard lower.hasPrefix("by ") else { return byline }
        return XMLText.trimmed(String(byline.dropFirst(3)))
    }
}
