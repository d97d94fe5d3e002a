/// The pieces of a Markdown export, normalized to NFC, escaped and laid out once. The built-in
/// renderer and the template context both read them, so the default template can reproduce the
/// built-in output byte for byte.
struct MarkdownExportParts: Sendable {
    /// Front matter values, each already in its YAML form (quoted where needed); nil when absent.
    struct FrontMatter: Sendable {
        var title: String
        var author: String?
        var source: String?
        var url: String?
        var date: String?
        var file: String
        var highlights: Int
        var notes: Int
        var tags: String?
        var updated: String?
    }

    /// One highlight's Markdown.
    struct Highlight: Sendable {
        /// The highlight with its texts in NFC.
        var highlight: ExportHighlight
        /// The escaped quote as a block quote ending with the block id.
        var quote: String
        /// The meta line: `¶ 5 · yellow · 2026-11-24`, plus the fuzzy marker.
        var meta: String
        /// The note's Markdown as written (see ``MarkdownNote``); nil when there is no note.
        var note: String?
        /// `5`, or `4–6` for a highlight spanning paragraphs.
        var paragraphs: String
        /// The `created` day, `YYYY-MM-DD` in UTC.
        var createdDate: String
        /// The escaped text of the section heading it falls under; nil before any heading.
        var section: String?
        /// Whether a `## section` heading goes before it: it is the first highlight of its section.
        var isFirstInSection: Bool
    }

    static let orphansHeading = "Orphaned highlights"
    static let fuzzyMarker = "(re-anchored, check)"

    var frontMatter: FrontMatter
    /// The escaped article title, for the `#` heading.
    var title: String
    var highlights: [Highlight]
    var orphans: [Highlight]

    init(_ document: ExportDocument) {
        let article = document.article
        let title = nfc(article.title)
        frontMatter = FrontMatter(
            title: YAMLScalar.quoted(title),
            author: article.author.map { YAMLScalar.quoted(nfc($0)) },
            source: article.source.map { YAMLScalar.quoted(nfc($0)) },
            url: article.url.map { YAMLScalar.quoted(nfc($0)) },
            date: article.date.map { YAMLScalar.date(nfc($0)) },
            file: YAMLScalar.quoted(nfc(article.file)),
            highlights: document.highlightCount,
            notes: document.noteCount,
            tags: article.tags.isEmpty ? nil : YAMLScalar.flowList(article.tags.map(nfc)),
            updated: article.updated.map(YAMLScalar.timestamp))
        self.title = MarkdownEscaper.heading(title)

        var highlights: [Highlight] = []
        highlights.reserveCapacity(document.highlights.count)
        var previousSection: String?
        // Articles often open with their title as a heading; what falls under it goes directly
        // under the export's title instead of under a repeated heading. Once a highlight came
        // before that heading, or under another, the heading is a section like any other.
        var underTitleHeading = true
        for exported in document.highlights {
            var section = exported.section.map(nfc)
            if section?.isEmpty == true { section = nil }
            if underTitleHeading, let name = section, name == title {
                section = nil
            } else {
                underTitleHeading = false
            }
            let isFirst = section != nil && section != previousSection
            previousSection = section
            highlights.append(Self.highlight(exported, section: section, isFirstInSection: isFirst))
        }
        self.highlights = highlights
        self.orphans = document.orphans.map { Self.highlight($0, section: nil, isFirstInSection: false) }
    }

    private static func highlight(_ exported: ExportHighlight, section: String?, isFirstInSection: Bool) -> Highlight {
        var highlight = exported
        highlight.quote = nfc(exported.quote)
        // Link offsets count the quote as stored; a quote that normalizes differently loses them.
        if highlight.quote != exported.quote { highlight.links = [] }
        highlight.note = nfc(exported.note)
        highlight.color = nfc(exported.color)
        highlight.section = section

        let paragraphs = highlight.paragraphEnd > highlight.paragraph
            ? "\(highlight.paragraph)–\(highlight.paragraphEnd)" : "\(highlight.paragraph)"
        let createdDate = String(highlight.created.description.prefix { $0 != "T" })
        var meta = ["¶ " + paragraphs]
        if !highlight.color.isEmpty { meta.append(MarkdownEscaper.inline(highlight.color)) }
        meta.append(createdDate)
        if highlight.status == .fuzzy { meta.append(fuzzyMarker) }

        return Highlight(
            highlight: highlight,
            quote: MarkdownParagraphs.markdown(
                of: highlight.quote, layout: .blockQuote, trailer: "^" + highlight.blockID,
                links: MarkdownQuoteLinks.byteRanges(of: highlight.links, in: highlight.quote)) ?? "",
            meta: meta.joined(separator: " · "),
            note: MarkdownNote.markdown(of: highlight.note),
            paragraphs: paragraphs,
            createdDate: createdDate,
            section: section.map(MarkdownEscaper.heading),
            isFirstInSection: isFirstInSection)
    }
}

private func nfc(_ text: String) -> String {
    ArticleText.nfc(text)
}
