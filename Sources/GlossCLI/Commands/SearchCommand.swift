import ArgumentParser
import Foundation
import GlossCore
import GlossSearch
import GlossStorage

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

    @Option(help: "Which articles to search: inbox (not archived), unread, starred, archive or all.")
    var view: LibraryView = .all

    @Flag(help: "Rebuild the search index from the files before searching.")
    var reindex = false

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
        guard !LibraryQuery.parse(query.joined(separator: " ")).isEmpty else {
            throw ValidationError("the query has nothing to look for")
        }
    }

    func run() throws {
        var found = 0
        try reportingFailures { () throws(CLIError) in
            let workspace = try Workspace.make(global)
            // A view keeps only some articles: ask for more hits, then keep those in the view.
            let outcome = try LibrarySearch(workspace: workspace)
                .run(query.joined(separator: " "), limit: view == .all ? limit : max(limit * 10, 500), reindex: reindex)
            for notice in outcome.notices { Console.message(notice) }
            let state = (try? StateStore(dataDirectory: workspace.paths.data).loadReadingState()) ?? ReadingState()
            let hits = Array(outcome.hits.filter { hit in
                let marks = state.marks[hit.path]
                return view.includes(
                    read: state.isRead(hit.path), starred: marks?.starred ?? false, archived: marks?.archived ?? false)
            }.prefix(limit))
            found = hits.count
            Console.out(json ? SearchReport.json(hits) : SearchReport.text(hits))
        }
        if found == 0 { throw ExitCode(1) }
    }
}
