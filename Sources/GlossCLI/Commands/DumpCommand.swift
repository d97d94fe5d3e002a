import ArgumentParser
import Foundation
import GlossCore
import GlossTUI

/// `gloss dump FILE`: the rendered article as plain text, for scripts and golden tests.
struct DumpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dump", abstract: "Print the rendered article as plain text (like w3m -dump).")

    @Argument(help: "The article: a path, or a path relative to the articles directory.")
    var file: String

    @Option(help: "Wrap at N columns (default: the configured measure).")
    var width: Int?

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if let width, width < 10 || width > 10_000 { throw ValidationError("--width must be between 10 and 10000") }
    }

    func run() throws {
        try reportingFailures { () throws(CLIError) in
            let workspace = try Workspace.make(global)
            let located = try workspace.locate(file)
            let article = try workspace.loadArticle(absolute: located.absolute, key: located.key)
            for warning in article.warnings {
                Console.message("\(located.key): \(warning)")
            }
            let lines = PlainTextRenderer.lines(of: article, width: width ?? workspace.config.reader.measure)
            var out = ""
            for line in lines { out += line + "\n" }
            Console.out(out)
        }
    }
}
