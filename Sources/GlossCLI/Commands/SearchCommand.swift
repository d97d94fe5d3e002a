import ArgumentParser
import Foundation
import GlossCore
import GlossSearch

/// `gloss search QUERY`: the best matches across the library's articles, notes and tags.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search", abstract: "Search every article, note and tag of the library.",
        discussion: """
            Words match in any order within one article; "an exact phrase"; -word leaves out \
            articles with it; #tag finds note and article tags; in:notes and in:titles narrow \
            the search. Case and accents are ignored. Exits 0 with results, 1 with none. \
            See docs/SEARCH.md.
            """)

    @Argument(help: "The query (quote it for the shell).")
    var query: [String]

    @Flag(help: "Print JSON instead of text.")
    var json = false

    @Option(help: "Show at most N matches.")
    var limit = 20

    @Option(help: "Which articles to search: only `all` for now.")
    var view = "all"

    @Flag(help: "Rebuild the search index from the files before searching.")
    var reindex = false

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
        guard view == "all" else {
            throw ValidationError("--view \(view) is not available: only --view all is supported")
        }
        guard !LibraryQuery.parse(query.joined(separator: " ")).isEmpty else {
            throw ValidationError("the query has nothing to look for")
        }
    }

    func run() throws {
        var found = 0
        try reportingFailures { () throws(CLIError) in
            let workspace = try Workspace.make(global)
            let outcome = try LibrarySearch(workspace: workspace)
                .run(query.joined(separator: " "), limit: limit, reindex: reindex)
            for notice in outcome.notices {
                FileHandle.standardError.write(Data("gloss: \(TerminalSafe.visible(notice))\n".utf8))
            }
            found = outcome.hits.count
            print(json ? SearchReport.json(outcome.hits) : SearchReport.text(outcome.hits), terminator: "")
        }
        if found == 0 { throw ExitCode(1) }
    }
}
