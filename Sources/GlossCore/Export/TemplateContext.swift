import Mustache

/// What an export template sees: every property is a template variable of the same name, and an
/// optional is absent (a false section) when nil. Empty text is nil too, because Mustache would
/// take an empty string for a true section. Lookups go through `MustacheParent` rather than
/// reflection, which is several times faster.
struct TemplateContext {
    struct Article {
        var title: String
        var author: String?
        var source: String?
        var url: String?
        var date: String?
        var file: String
        var fingerprint: String
        var tags: [String]
        var updated: String?
        var highlightCount: Int
        var noteCount: Int
        /// Values in their YAML form, quoted where needed, for front matter.
        var yaml: YAML
        /// Values escaped for Markdown.
        var markdown: Markdown
    }

    struct YAML {
        var title: String
        var author: String?
        var source: String?
        var url: String?
        var date: String?
        var file: String
        var tags: String?
        var updated: String?
    }

    struct Markdown {
        var title: String
    }

    struct Highlight {
        var id: String
        var quote: String
        var note: String?
        var tags: [String]
        var color: String
        var paragraph: Int
        var paragraphEnd: Int
        var paragraphs: String
        var section: String?
        var created: String
        var createdDate: String
        var modified: String
        var status: String
        var isFuzzy: Bool
        var blockID: String
        var quoteMarkdown: String
        var noteMarkdown: String?
        var meta: String
        var sectionMarkdown: String?
        var sectionHeading: String?
        var isFirstInSection: Bool
    }

    var article: Article
    var highlights: [Highlight]
    var orphans: [Highlight]
    var hasHighlights: Bool
    var hasOrphans: Bool

    init(_ document: ExportDocument) {
        let parts = MarkdownExportParts(document)
        let source = document.article
        let yaml = parts.frontMatter
        article = Article(
            title: ArticleText.nfc(source.title),
            author: source.author.map(ArticleText.nfc),
            source: source.source.map(ArticleText.nfc),
            url: source.url.map(ArticleText.nfc),
            date: source.date.map(ArticleText.nfc),
            file: ArticleText.nfc(source.file),
            fingerprint: source.fingerprint,
            tags: source.tags.map(ArticleText.nfc),
            updated: source.updated.map(YAMLScalar.isoText),
            highlightCount: document.highlightCount,
            noteCount: document.noteCount,
            yaml: YAML(
                title: yaml.title, author: yaml.author, source: yaml.source, url: yaml.url, date: yaml.date,
                file: yaml.file, tags: yaml.tags, updated: yaml.updated),
            markdown: Markdown(title: parts.title))
        highlights = parts.highlights.map(Self.highlight)
        orphans = parts.orphans.map(Self.highlight)
        hasHighlights = !highlights.isEmpty
        hasOrphans = !orphans.isEmpty
    }

    private static func highlight(_ part: MarkdownExportParts.Highlight) -> Highlight {
        let highlight = part.highlight
        return Highlight(
            id: highlight.id,
            quote: highlight.quote,
            note: highlight.note.isEmpty ? nil : highlight.note,
            tags: highlight.tags.map(ArticleText.nfc),
            color: highlight.color,
            paragraph: highlight.paragraph,
            paragraphEnd: highlight.paragraphEnd,
            paragraphs: part.paragraphs,
            section: highlight.section,
            created: YAMLScalar.isoText(highlight.created),
            createdDate: part.createdDate,
            modified: YAMLScalar.isoText(highlight.modified),
            status: highlight.status.rawValue,
            isFuzzy: highlight.status == .fuzzy,
            blockID: highlight.blockID,
            quoteMarkdown: part.quote,
            noteMarkdown: part.note,
            meta: part.meta,
            sectionMarkdown: part.section,
            sectionHeading: part.isFirstInSection ? part.section : nil,
            isFirstInSection: part.isFirstInSection)
    }
}

extension TemplateContext: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "article": article
        case "highlights": highlights
        case "orphans": orphans
        case "hasHighlights": hasHighlights
        case "hasOrphans": hasOrphans
        default: nil
        }
    }
}

extension TemplateContext.Article: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "author": author
        case "source": source
        case "url": url
        case "date": date
        case "file": file
        case "fingerprint": fingerprint
        case "tags": tags
        case "updated": updated
        case "highlightCount": highlightCount
        case "noteCount": noteCount
        case "yaml": yaml
        case "markdown": markdown
        default: nil
        }
    }
}

extension TemplateContext.YAML: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "author": author
        case "source": source
        case "url": url
        case "date": date
        case "file": file
        case "tags": tags
        case "updated": updated
        default: nil
        }
    }
}

extension TemplateContext.Markdown: MustacheParent {
    func child(named name: String) -> Any? {
        name == "title" ? title : nil
    }
}

extension TemplateContext.Highlight: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "quote": quote
        case "note": note
        case "tags": tags
        case "color": color
        case "paragraph": paragraph
        case "paragraphEnd": paragraphEnd
        case "paragraphs": paragraphs
        case "section": section
        case "created": created
        case "createdDate": createdDate
        case "modified": modified
        case "status": status
        case "isFuzzy": isFuzzy
        case "blockID": blockID
        case "quoteMarkdown": quoteMarkdown
        case "noteMarkdown": noteMarkdown
        case "meta": meta
        case "sectionMarkdown": sectionMarkdown
        case "sectionHeading": sectionHeading
        case "isFirstInSection": isFirstInSection
        default: nil
        }
    }
}
