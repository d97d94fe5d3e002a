import Foundation
import GlossCore
import GlossTUI

/// `gloss list` output: an aligned table for people, JSON for scripts.
enum LibraryListing {
    static func table(_ items: [LibraryItem]) -> String {
        let header = ["TITLE", "SOURCE", "DATE", "WORDS", "MIN", "READ", "MARKS", "NOTES", "FILE"]
        let rows = items.map { item in
            [
                item.title, item.source ?? "", item.date ?? "", item.problem == nil ? String(item.words) : "",
                item.problem == nil ? String(item.minutes) : "", item.progress.map { "\($0)%" } ?? "-",
                marks(item), item.annotationCountText, item.relativePath + (item.problem.map { " (\($0))" } ?? ""),
            ].map(TerminalSafe.visible)
        }
        let all = [header] + rows
        let widths = header.indices.map { column in
            min(column == 0 ? 48 : 32, all.map { DisplayWidth.of($0[column]) }.max() ?? 0)
        }
        var out = ""
        for row in all {
            var line = ""
            for (column, cell) in row.enumerated() {
                let isLast = column == row.count - 1
                let shown = isLast ? cell : Truncate.toWidth(cell, widths[column])
                line += shown
                if !isLast { line += String(repeating: " ", count: widths[column] - DisplayWidth.of(shown) + 2) }
            }
            out += line + "\n"
        }
        return out
    }

    /// `unread`, `★` (starred), `archived`, as the item has them; `-` for none.
    static func marks(_ item: LibraryItem) -> String {
        var marks: [String] = []
        if item.isUnread { marks.append("unread") }
        if item.isStarred { marks.append("★") }
        if item.isArchived { marks.append("archived") }
        return marks.isEmpty ? "-" : marks.joined(separator: " ")
    }

    struct Row: Encodable {
        var file: String
        var title: String
        var author: String?
        var source: String?
        var date: String?
        var tags: [String]
        var words: Int
        var minutes: Int
        var progress: Int?
        var annotations: Int
        /// Set when the annotations could not be read (`annotations` is then 0 but unknown).
        var annotationProblem: String?
        var problem: String?
        var read: Bool
        var starred: Bool
        var archived: Bool
    }

    static func json(_ items: [LibraryItem]) -> String {
        let rows = items.map {
            Row(
                file: $0.relativePath, title: $0.title, author: $0.author, source: $0.source, date: $0.date,
                tags: $0.tags, words: $0.words, minutes: $0.minutes, progress: $0.progress,
                annotations: $0.annotationCount,
                annotationProblem: $0.annotationsUnreadable ? "annotations could not be read (set aside; see gloss notes)" : nil,
                problem: $0.problem, read: $0.isRead, starred: $0.isStarred, archived: $0.isArchived)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(rows) else { return "[]\n" }
        return JSONOutput.terminalSafe(String(decoding: data, as: UTF8.self)) + "\n"
    }
}
