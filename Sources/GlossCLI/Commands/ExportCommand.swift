import ArgumentParser
import Foundation
import GlossCore
import GlossStorage

/// `gloss export`: highlights and notes as Markdown (or W3C JSON-LD), for Obsidian, a wiki or git.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export highlights and notes as Markdown or W3C Web Annotation JSON-LD.",
        discussion: """
            Annotations are re-anchored against each article's current text first, exactly as opening \
            it does. Output goes to stdout unless --output names a file, or a directory (one file per \
            article, named after the article: <slug>.md or <slug>.jsonld). Files are replaced atomically. \
            The Markdown shape can be replaced with a Mustache template ([export] template in the config). \
            Exit status: 0 done, 1 an article or path that can't be used, 2 a config or template error, 64 bad usage.
            """)

    @Argument(help: "Articles to export: paths, or paths relative to the articles directory.")
    var files: [String] = []

    @Flag(help: "Export every article that has annotations.")
    var all = false

    @Option(help: "markdown (default) or json (W3C Web Annotation JSON-LD).")
    var format: ExportFormat = .markdown

    @Option(name: .shortAndLong, help: "Where to write: - for stdout (default), a file, or a directory.")
    var output: String = "-"

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if all && !files.isEmpty { throw ValidationError("give article files or --all, not both") }
        if !all && files.isEmpty { throw ValidationError("name the articles to export, or use --all") }
        if output.isEmpty { throw ValidationError("--output must not be empty (use - for stdout)") }
    }

    /// Whether a FILE that names no article was probably meant as the output (`gloss export
    /// /tmp/out.md`): a JSON file, a directory, or a Markdown file outside the articles directory.
    static func looksLikeOutputPath(_ file: String, articles: String) -> Bool {
        let lowered = file.lowercased()
        if file.hasSuffix("/") || lowered.hasSuffix(".json") || lowered.hasSuffix(".jsonld") { return true }
        guard ArticleLoader.isMarkdown(fileName: file) else { return false }
        let root = articles.hasSuffix("/") ? articles : articles + "/"
        let absolute = file.hasPrefix("/") || file.hasPrefix("./") || file.hasPrefix("../") || file.hasPrefix("~")
        return absolute && !Paths.standardized(file).hasPrefix(root)
    }

    func run() throws {
        try printingOutput(global) { (workspace, inform) throws(CLIError) in try output(in: workspace, inform: inform) }
    }

    /// What goes to stdout (the export itself, or nothing when writing files); notes about what
    /// was written, and storage messages, go to `inform`.
    func output(in workspace: Workspace, inform: (String) -> Void) throws(CLIError) -> String {
        let exporter = try NotesExporter(format: format, templatePath: workspace.paths.exportTemplate)
        let collector = NotesCollector(workspace: workspace)
        var articles: [NotesArticle] = []
        if all {
            articles = try collector.library()
        } else {
            for file in files {
                do {
                    articles.append(try collector.article(file))
                } catch .notFound(let missing) where Self.looksLikeOutputPath(missing, articles: workspace.paths.articles) {
                    throw .failed("no such article: \(missing) (to write to a file, use --output)")
                }
            }
        }
        for article in articles {
            for message in article.messages { inform("\(article.path): \(message)") }
            if let problem = article.problem { inform("\(article.path): \(problem); exported as stored") }
        }
        let documents = articles.map(\.exportDocument)
        if documents.isEmpty {
            inform("no annotated articles to export")
            return ""
        }
        if output == "-" { return exporter.stream(documents) }
        let target = Paths.standardized(output.hasPrefix("/") ? output : FileManager.default.currentDirectoryPath + "/" + output)
        let kind = ExportFile.target(of: target)
        switch kind {
        case .refused(let reason):
            throw .failed("export not written: \(reason)")
        case .stream:
            // A pipe, a terminal or /dev/stdout: written into like stdout, never replaced by a file.
            do {
                try ExportFile.stream(exporter.stream(documents), to: target)
            } catch {
                throw .failed("export not written: \(error.description)")
            }
            inform("wrote \(target)")
            return ""
        case .directory, .file:
            break
        }
        if documents.count > 1 || all || kind == .directory || output.hasSuffix("/") {
            for path in try exporter.write(documents, toDirectory: target) { inform("wrote \(path)") }
        } else {
            try exporter.write(exporter.render(documents), to: target)
            inform("wrote \(target)")
        }
        return ""
    }
}
