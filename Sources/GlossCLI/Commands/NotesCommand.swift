import ArgumentParser
import Foundation

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

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try printingOutput(global) { (workspace, inform) throws(CLIError) in try output(in: workspace, inform: inform) }
    }

    /// What goes to stdout; storage and re-anchoring messages go to `inform`.
    func output(in workspace: Workspace, inform: (String) -> Void) throws(CLIError) -> String {
        let collector = NotesCollector(workspace: workspace)
        let articles: [NotesArticle]
        if let file {
            articles = [try collector.article(file)]
        } else {
            articles = try collector.library()
        }
        for article in articles {
            for message in article.messages { inform("\(article.path): \(message)") }
        }
        return json ? NotesReport.json(articles) : NotesReport.text(articles)
    }
}
