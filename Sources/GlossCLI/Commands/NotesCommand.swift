import ArgumentParser
import Foundation
import GlossCore
import GlossStorage

/// `gloss notes [FILE]`: highlights and notes, re-anchored against the articles as they are now.
struct NotesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notes", abstract: "List highlights and notes of one article or of the whole library.",
        discussion: """
            Each article is opened as the reader opens it: its annotations are found again in the current \
            text (exact, mapped, fuzzy or orphan) and moved anchors are saved. Annotations whose article \
            file is gone are listed as "article missing".
            """)

    @Argument(help: "The article: a path, or a path relative to the articles directory (default: every article).")
    var file: String?

    @Flag(help: "Print JSON instead of text (format in docs/EXPORT.md).")
    var json = false

    @Option(help: "Only highlights with this tag (repeatable: all of them).")
    var tag: [String] = []

    @Option(help: "Only highlights of this colour (yellow, green, blue, red, …).")
    var color: String?

    @Option(help: "Only highlights made on or after DATE (YYYY-MM-DD, or an ISO 8601 time).")
    var since: String?

    @Option(help: "Only highlights whose quote, note or tags hold every word (#tag and :colour work too).")
    var search: String?

    func validate() throws {
        if let since, HighlightFilter.date(since) == nil {
            throw ValidationError("--since: not a date: \(since) (use YYYY-MM-DD)")
        }
        if tag.contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            throw ValidationError("--tag needs a tag name")
        }
    }

    var filter: HighlightFilter {
        HighlightFilter(
            tags: tag.map { $0.hasPrefix("#") ? String($0.dropFirst()) : $0 }, color: color,
            since: since.flatMap(HighlightFilter.date), search: search)
    }

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try printingOutput(global) { (workspace, inform) throws(CLIError) in try output(in: workspace, inform: inform) }
    }

    /// What goes to stdout; storage and re-anchoring messages go to `inform`.
    func output(in workspace: Workspace, inform: (String) -> Void) throws(CLIError) -> String {
        let collector = NotesCollector(workspace: workspace)
        var articles: [NotesArticle]
        if let file {
            articles = [try collector.article(file)]
        } else {
            articles = try collector.library()
        }
        for article in articles {
            for message in article.messages { inform("\(article.path): \(message)") }
        }
        let filter = self.filter
        if !filter.isEmpty {
            articles = articles.compactMap { article in
                var kept = article
                kept.annotations = article.annotations.filter(filter.matches)
                return kept.annotations.isEmpty ? nil : kept
            }
        }
        // Damaged files set aside are listed every time until the user repairs or deletes them.
        let setAside = collector.store.setAsideFiles()
        let recovery = RecoveryStore.pending(environment: workspace.environment, thorough: true)
        if json {
            for path in setAside { inform("set aside as damaged (not read): \(path)") }
            for path in recovery { inform("unsaved changes kept for recovery: \(path)") }
            return NotesReport.json(articles)
        }
        return NotesReport.text(articles) + NotesReport.files(setAside, heading: NotesReport.setAsideHeading)
            + NotesReport.files(recovery, heading: NotesReport.recoveryHeading)
    }
}
