import ArgumentParser
import GlossCore

/// `gloss delete FILE...`: moves articles to the trash, keeping their notes.
struct DeleteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete", abstract: "Move articles to the trash (their notes are kept).",
        discussion: """
            The file moves to <data>/trash/ with its relative path; `gloss trash restore FILE` brings \
            it back with its notes. Exits 1 when an article is unknown or can't be moved.
            """)

    @Argument(help: "Articles: paths as given, or relative to the articles directory.")
    var files: [String]

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError("name at least one article") }
    }

    func run() throws {
        var missing = false
        try reportingFailures { () throws(CLIError) in
            let workspace = try Workspace.make(global)
            let located = ArticleArguments.locate(files, in: workspace)
            var failure: CLIError?
            for key in located.keys {
                do throws(CLIError) {
                    try workspace.trashArticle(key)
                    let notes = workspace.liveAnnotationCount(of: key)
                    Console.out("moved \(key) to the trash" + (notes > 0 ? " (\(notes) note\(notes == 1 ? "" : "s") kept)" : "") + "\n")
                } catch {
                    Console.message(error.description)
                    failure = failure ?? error
                }
            }
            missing = !located.missing.isEmpty
            if failure != nil { throw .failed("not every article was moved to the trash") }
        }
        if missing { throw ExitCode(1) }
    }
}
