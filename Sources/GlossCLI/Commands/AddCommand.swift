import ArgumentParser
import Foundation

/// `gloss add URL|FILE.html`: saves one web page as an article.
struct AddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Save a web page (URL or .html file) as an article.",
        discussion: """
            The page's main content is kept (headings, paragraphs, lists, quotes, code, links, images \
            as ![alt](src)); navigation, ads, scripts and comments are dropped. The article is \
            written to <articles>/saved/<date>-<title>.md with front matter (title, author, source, \
            date, url, tags). Saving the same page twice keeps one copy.
            """)

    @Argument(help: ArgumentHelp("An http or https URL, or the path of a saved .html file.", valueName: "url-or-file"))
    var source: String

    @Option(name: .customLong("tag"), help: "A tag for the article (repeatable).")
    var tags: [String] = []

    @OptionGroup var download: DownloadOptions
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if source.contains("://") {
            do {
                _ = try HTTPClient.validated(source)
            } catch {
                throw ValidationError(error.description)
            }
        }
    }

    func run() throws {
        try reportingFailures { () throws(CLIError) in
            let workspace = try Workspace.make(global)
            let saver = PageSaver(
                articlesDirectory: workspace.paths.articles, client: HTTPClient(limits: download.limits),
                followsLinks: workspace.config.library.followSymlinks)
            let (file, existed, _) = try saver.save(source, tags: tags)
            Console.out(existed ? "already saved: \(file)\n" : "saved \(file)\n")
        }
    }
}
