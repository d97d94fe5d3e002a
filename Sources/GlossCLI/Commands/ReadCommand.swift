import ArgumentParser
import GlossTUI

/// `gloss read FILE`: one article; leaving it quits.
struct ReadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read", abstract: "Open one article in the reader.")

    @Argument(help: "The article: a path, or a path relative to the articles directory.")
    var file: String

    @Option(help: "Start at paragraph N (the ¶ number shown in the reader).")
    var paragraph: Int?

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if let paragraph, paragraph < 1 { throw ValidationError("--paragraph starts at 1") }
    }

    func run() throws {
        try reportingFailures { () throws(CLIError) in
            let workspace = try Workspace.make(global)
            let located = try workspace.locate(file)
            try TerminalSession.run(
                workspace: workspace, screen: .reader,
                startup: [.openArticle(relativePath: located.key)],
                paragraph: paragraph)
        }
    }
}
