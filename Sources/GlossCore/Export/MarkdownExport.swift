/// The built-in Markdown export of an article's highlights and notes.
///
/// The shape: YAML front matter (the article's metadata, counts, the union of tags, and `updated`,
/// the newest annotation's `modified` time; no export time, so unchanged data exports to the same
/// bytes), the title as `#`, then each highlight in reading order under the `##` heading it falls
/// in: the quote as a block quote ending with an Obsidian block id (`^gloss-3f9a2c`), a meta line
/// (`¶ 5 · yellow · 2026-11-24`, plus `(re-anchored, check)` for a fuzzy match) and the note.
/// Orphaned highlights come last under `## Orphaned highlights`.
///
/// The output is CommonMark that renders back to exactly the highlighted text (see
/// ``MarkdownEscaper`` and ``MarkdownParagraphs``), with each note as the Markdown its author
/// wrote (see ``MarkdownNote``); all text is NFC.
public enum MarkdownExport {
    public static func render(_ document: ExportDocument) -> String {
        let parts = MarkdownExportParts(document)
        var out = ""
        out.reserveCapacity(1024 + (document.highlights + document.orphans).reduce(0) {
            $0 + $1.quote.utf8.count + $1.note.utf8.count + 64
        })
        appendFrontMatter(parts.frontMatter, to: &out)
        out += "\n# " + parts.title + "\n"
        for highlight in parts.highlights {
            if highlight.isFirstInSection, let section = highlight.section {
                out += "\n## " + section + "\n"
            }
            append(highlight, to: &out)
        }
        if !parts.orphans.isEmpty {
            out += "\n## " + MarkdownExportParts.orphansHeading + "\n"
            for orphan in parts.orphans { append(orphan, to: &out) }
        }
        return out
    }

    private static func appendFrontMatter(_ yaml: MarkdownExportParts.FrontMatter, to out: inout String) {
        out += "---\n"
        out += "title: " + yaml.title + "\n"
        if let author = yaml.author { out += "author: " + author + "\n" }
        if let source = yaml.source { out += "source: " + source + "\n" }
        if let url = yaml.url { out += "url: " + url + "\n" }
        if let date = yaml.date { out += "date: " + date + "\n" }
        out += "file: " + yaml.file + "\n"
        out += "highlights: \(yaml.highlights)\n"
        out += "notes: \(yaml.notes)\n"
        if let tags = yaml.tags { out += "tags: " + tags + "\n" }
        if let updated = yaml.updated { out += "updated: " + updated + "\n" }
        out += "---\n"
    }

    private static func append(_ highlight: MarkdownExportParts.Highlight, to out: inout String) {
        out += "\n" + highlight.quote + "\n\n" + highlight.meta + "\n"
        if let note = highlight.note { out += "\n" + note + "\n" }
    }
}
