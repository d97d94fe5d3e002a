import Foundation
import GlossCore
import GlossTUI

/// `gloss notes` output: a readable listing for people, JSON for scripts.
enum NotesReport {
    /// How wide a quote may be on its one line.
    static let quoteWidth = 64
    static let indent = "       "

    static func text(_ articles: [NotesArticle]) -> String {
        let shown = articles.filter { !$0.annotations.isEmpty || $0.problem != nil }
        let count = shown.reduce(0) { $0 + $1.annotations.count }
        guard count > 0 || !shown.isEmpty else { return "No annotations.\n" }
        var out = ""
        for article in shown {
            if !out.isEmpty { out += "\n" }
            out += header(article) + "\n"
            for annotation in article.annotations {
                out += lines(annotation)
            }
        }
        out += "\n" + summary(shown)
        return out
    }

    static func header(_ article: NotesArticle) -> String {
        let title = article.title.isEmpty ? article.path : article.title
        var line = TerminalSafe.visible(title)
        if title != article.path { line += " (" + TerminalSafe.visible(article.path) + ")" }
        if let problem = article.problem { line += " [" + TerminalSafe.visible(problem) + "]" }
        return line
    }

    static func lines(_ annotation: Annotation) -> String {
        let anchor = annotation.anchor
        let status = anchor.status == .exact ? "exact" : "[\(anchor.status.rawValue)]"
        var out = "  " + paragraphs(anchor) + "  " + status + "  " + TerminalSafe.visible(annotation.color)
        out += "  “" + oneLine(anchor.quote.exact, width: quoteWidth) + "”\n"
        let note = annotation.note.trimmingCharacters(in: .whitespacesAndNewlines)
        if !note.isEmpty {
            for line in note.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
                out += indent + TerminalSafe.visible(line.replacingOccurrences(of: "\t", with: "    ")) + "\n"
            }
        }
        var details: [String] = []
        if !annotation.tags.isEmpty {
            details.append("tags: " + annotation.tags.map { "#" + TerminalSafe.visible($0) }.joined(separator: " "))
        }
        details.append("created " + readable(annotation.created))
        out += indent + details.joined(separator: " · ") + "\n"
        return out
    }

    /// `¶ 3`, or `¶ 3–4` for a highlight across blocks.
    static func paragraphs(_ anchor: AnnotationAnchor) -> String {
        anchor.blockEnd > anchor.blockIndex ? "¶ \(anchor.blockIndex + 1)–\(anchor.blockEnd + 1)" : "¶ \(anchor.blockIndex + 1)"
    }

    /// The text on one line (runs of white space become one space), made safe and cut to `width` columns.
    static func oneLine(_ text: String, width: Int) -> String {
        let words = text.split(whereSeparator: { $0.isWhitespace || $0.isNewline })
        return Truncate.toWidth(TerminalSafe.visible(words.joined(separator: " ")), width)
    }

    /// `2024-05-01 12:34 UTC`.
    static func readable(_ time: Timestamp) -> String {
        let iso = time.description
        return String(iso.prefix(10)) + " " + String(iso.dropFirst(11).prefix(5)) + " UTC"
    }

    static func summary(_ articles: [NotesArticle]) -> String {
        let all = articles.flatMap(\.annotations)
        var line = "\(all.count) \(all.count == 1 ? "annotation" : "annotations") in \(articles.count) "
            + (articles.count == 1 ? "article" : "articles")
        let unsure = AnchorStatus.allCases.filter { $0 != .exact }.compactMap { status -> String? in
            let count = all.filter { $0.anchor.status == status }.count
            return count == 0 ? nil : "\(count) \(status.rawValue)"
        }
        if !unsure.isEmpty { line += " (" + unsure.joined(separator: ", ") + ")" }
        let missing = articles.filter { $0.problem != nil }.count
        if missing > 0 { line += "; \(missing) \(missing == 1 ? "article" : "articles") could not be opened" }
        return line + ".\n"
    }

    /// One annotation in `gloss notes --json`; the shape is documented in docs/EXPORT.md.
    struct Row: Encodable {
        struct ArticleInfo: Encodable {
            var path: String
            var title: String
            var fingerprint: String
            var problem: String?

            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(path, forKey: .path)
                try container.encode(title, forKey: .title)
                try container.encode(fingerprint, forKey: .fingerprint)
                // Always present, null when the article was opened, so the shape never changes.
                try container.encode(problem, forKey: .problem)
            }

            private enum CodingKeys: String, CodingKey { case path, title, fingerprint, problem }
        }

        var article: ArticleInfo
        var id: String
        var paragraph: Int
        var paragraphEnd: Int
        var status: String
        var color: String
        var quote: String
        var prefix: String
        var suffix: String
        var note: String
        var tags: [String]
        var created: String
        var modified: String
    }

    static func json(_ articles: [NotesArticle]) -> String {
        let rows = articles.flatMap { article in
            article.annotations.map { annotation in
                let anchor = annotation.anchor
                return Row(
                    article: Row.ArticleInfo(
                        path: article.path, title: article.title, fingerprint: article.fingerprint,
                        problem: article.problem),
                    id: annotation.id, paragraph: anchor.blockIndex + 1, paragraphEnd: anchor.blockEnd + 1,
                    status: anchor.status.rawValue, color: annotation.color, quote: anchor.quote.exact,
                    prefix: anchor.quote.prefix, suffix: anchor.quote.suffix, note: annotation.note,
                    tags: annotation.tags, created: annotation.created.description,
                    modified: annotation.modified.description)
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(rows) else { return "[]\n" }
        return JSONOutput.terminalSafe(String(decoding: data, as: UTF8.self)) + "\n"
    }
}
