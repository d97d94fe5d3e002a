import Foundation
import Mustache
import PropertyBased
import Testing

@testable import GlossCore

@Suite("Export templates (Mustache)")
struct ExportTemplateTests {
    typealias F = ExportFixture

    static func defaultTemplate() throws -> ExportTemplate {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Config/export.md.mustache")
        return try ExportTemplate(source: String(decoding: try Data(contentsOf: url), as: UTF8.self))
    }

    static func documents() throws -> [(String, ExportDocument)] {
        [
            ("issue example", ExportMarkdownTests.harborDocument()),
            ("no highlights", F.document(title: "Empty", file: "e.txt")),
            ("only orphans", F.document(orphans: [F.highlight(id: F.id(1), quote: "gone", note: "n", status: .orphan)])),
            ("sections, multi-paragraph, fuzzy", F.document(
                title: "T", author: "A", date: "2026-01-02", tags: ["x", "y z"],
                highlights: [
                    F.highlight(id: F.id(1), quote: "lead", paragraph: 1),
                    F.highlight(id: F.id(2), quote: "p1\n\np2", note: "n1\nn2\n\nn3", paragraph: 3, paragraphEnd: 4, section: "S1"),
                    F.highlight(id: F.id(3), quote: "fuzzy", paragraph: 5, section: "S1", status: .fuzzy),
                    F.highlight(id: F.id(4), quote: "next", note: "#tag", paragraph: 8, section: "S2"),
                ],
                orphans: [F.highlight(id: F.id(5), quote: "o", note: "on", status: .orphan)])),
            ("adversarial", ExportMarkdownRoundTripTests.adversarialDocument()),
            ("binance sample", try ExportMarkdownGoldenTests.binanceDocument()),
            ("harbor sample", try ExportMarkdownGoldenTests.harborDocument()),
        ]
    }

    @Test("The default template renders byte for byte what the built-in export renders")
    func defaultTemplateMatchesBuiltIn() throws {
        let template = try Self.defaultTemplate()
        for (name, document) in try Self.documents() {
            let rendered = template.render(document)
            let builtIn = MarkdownExport.render(document)
            expectSameBytes(rendered, builtIn, "\(name): the template's output")
        }
    }

    @Test("The default template matches the built-in export on random text too")
    func defaultTemplateMatchesOnRandomText() async throws {
        let template = try Self.defaultTemplate()
        await propertyCheck(count: 150, input: ExportMarkdownPropertyTests.text, ExportMarkdownPropertyTests.text) { a, b in
            let document = F.document(
                title: a, author: b.isEmpty ? nil : b, tags: b.isEmpty ? [] : [b],
                highlights: [F.highlight(id: F.id(1), quote: a, note: b, section: b, status: .fuzzy)],
                orphans: [F.highlight(id: F.id(2), quote: b, note: a, status: .orphan)])
            expectSameBytes(template.render(document), MarkdownExport.render(document), "the template's output")
        }
    }

    @Test("Rendering a template twice gives the same bytes")
    func deterministic() throws {
        let template = try Self.defaultTemplate()
        let document = ExportMarkdownRoundTripTests.adversarialDocument()
        let first = template.render(document)
        #expect(first.utf8.count > 1000)
        expectSameBytes(template.render(document), first, "a second rendering")
    }

    @Test("Every documented variable reaches the template with its value")
    func variables() throws {
        let source = """
            {{article.title}}|{{article.author}}|{{article.source}}|{{article.url}}|{{article.date}}|{{article.file}}|\
            {{article.fingerprint}}|{{#article.tags}}{{.}},{{/article.tags}}|{{article.updated}}|\
            {{article.highlightCount}}|{{article.noteCount}}|{{{article.yaml.title}}}|{{{article.yaml.tags}}}|\
            {{{article.yaml.date}}}|{{{article.yaml.updated}}}|{{{article.markdown.title}}}|{{hasHighlights}}|{{hasOrphans}}
            {{#highlights}}
            {{id}}|{{{quote}}}|{{{note}}}|{{#tags}}{{.}},{{/tags}}|{{color}}|{{paragraph}}|{{paragraphEnd}}|\
            {{paragraphs}}|{{section}}|{{created}}|{{createdDate}}|{{modified}}|{{status}}|{{isFuzzy}}|{{blockID}}|\
            {{{quoteMarkdown}}}|{{{noteMarkdown}}}|{{{meta}}}|{{{sectionMarkdown}}}|{{{sectionHeading}}}|{{isFirstInSection}}
            {{/highlights}}
            {{#orphans}}
            orphan {{id}} {{status}} {{^note}}no note{{/note}}
            {{/orphans}}
            """
        let document = F.document(
            title: "T*", author: "Au", source: "So", url: "https://u", date: "2026-01-02", file: "f.md",
            tags: ["a", "b c"],
            highlights: [
                F.highlight(
                    id: "abcdef99", quote: "Q_1 *x*", note: "N #t1 #t2", color: "red", paragraph: 2, paragraphEnd: 3,
                    section: "Sec [1]", status: .fuzzy,
                    modified: Timestamp(millisecondsSince1970: F.created.millisecondsSince1970 + 1)),
                F.highlight(id: "12345678", quote: "Q2", paragraph: 4, section: "Sec [1]"),
            ],
            orphans: [F.highlight(id: "o1", quote: "gone", status: .orphan)])
        let rendered = try ExportTemplate(source: source).render(document)
        let expected = """
            T*|Au|So|https://u|2026-01-02|f.md|0000|a,b c,|2026-11-24T10:00:00.001Z|3|1|"T*"|[a, "b c"]|\
            2026-01-02|2026-11-24T10:00:00.001Z|T\\*|true|true
            abcdef99|Q_1 *x*|N #t1 #t2|t1,t2,|red|2|3|2–3|Sec [1]|2026-11-24T10:00:00Z|2026-11-24|\
            2026-11-24T10:00:00.001Z|fuzzy|true|gloss-abcdef|> Q_1 \\*x\\* ^gloss-abcdef|N #t1 #t2|\
            ¶ 2–3 · red · 2026-11-24 · (re-anchored, check)|Sec \\[1\\]|Sec \\[1\\]|true
            12345678|Q2|||yellow|4|4|4|Sec [1]|2026-11-24T10:00:00Z|2026-11-24|2026-11-24T10:00:00Z|exact|false|\
            gloss-123456|> Q2 ^gloss-123456||¶ 4 · yellow · 2026-11-24|Sec \\[1\\]||false
            orphan o1 orphan no note

            """
        expectSameBytes(rendered, expected, "the rendering")
    }

    @Test("Double braces HTML-escape, as Mustache does; triple braces keep the text")
    func escaping() throws {
        let document = F.document(highlights: [F.highlight(id: F.id(1), quote: "a < b & \"c\"")])
        let template = try ExportTemplate(source: "{{#highlights}}{{quote}}|{{{quote}}}{{/highlights}}")
        #expect(template.render(document) == "a &lt; b &amp; &quot;c&quot;|a < b & \"c\"")
    }

    @Test("A malformed template is refused with the line and column of the problem", arguments: [
        ("{{#highlights}}\nquote\n", 3),
        ("header\n{{#highlights}}\n{{/orphans}}\n", 3),
        ("one\ntwo {{unclosed\n", 2),
        ("{{=<% %>\n", 1),
    ])
    func malformed(source: String, line: Int) {
        #expect {
            _ = try ExportTemplate(source: source)
        } throws: { error in
            guard let error = error as? ExportTemplateError, case let .malformed(reported?, column?, reason) = error
            else { return false }
            return reported == line && column >= 1 && !reason.isEmpty
                && error.description.hasPrefix("export template: line \(line), column ")
        }
    }

    @Test("The error names the problem")
    func errorReasons() throws {
        let error = try #require(throws: ExportTemplateError.self) {
            try ExportTemplate(source: "{{#a}}\n{{/b}}")
        }
        #expect(error.description.contains("closed with a different name"))
    }
}

@Suite("Export templates: context")
struct ExportTemplateContextTests {
    /// Each property of `value` (by reflection) against what the template looks up by its name.
    static func mismatches(_ value: some MustacheParent) -> [String] {
        Mirror(reflecting: value).children.compactMap { child in
            guard let label = child.label else { return nil }
            let byName = value.child(named: label).map { String(describing: $0) }
            let reflected = (child.value as Any?).flatMap(Self.unwrapped).map { String(describing: $0) }
            return byName == reflected ? nil : label
        }
    }

    static func unwrapped(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first?.value
    }

    @Test("Every context property reaches templates under its own name")
    func propertiesByName() throws {
        let context = TemplateContext(ExportMarkdownRoundTripTests.adversarialDocument())
        #expect(Self.mismatches(context).isEmpty)
        #expect(Self.mismatches(context.article).isEmpty)
        #expect(Self.mismatches(context.article.yaml).isEmpty)
        #expect(Self.mismatches(context.article.markdown).isEmpty)
        let highlight = try #require(context.highlights.first)
        #expect(Self.mismatches(highlight).isEmpty)
        let empty = TemplateContext(ExportFixture.document(highlights: [ExportFixture.highlight(id: "1", quote: "q")]))
        #expect(Self.mismatches(empty.article).isEmpty)
        #expect(Self.mismatches(empty.article.yaml).isEmpty)
        #expect(Self.mismatches(try #require(empty.highlights.first)).isEmpty)
    }
}
