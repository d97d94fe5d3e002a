import ArgumentParser
import Foundation
import GlossStorage

/// `gloss fetch`: downloads every feed and writes new and updated entries as articles.
struct FetchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch", abstract: "Download every feed and save new entries as articles.",
        discussion: """
            Feeds come from feeds.toml (see `gloss feeds --help`). Each new entry is written as a \
            Markdown article under <articles>/<feed-name>/; an entry that changed rewrites its file \
            in place, and its notes are re-anchored the next time it is opened. Entries already \
            fetched are recognised by their GUID/id (else their link), so fetching twice adds nothing. \
            Unchanged feeds are not downloaded again (ETag / If-Modified-Since). One line per feed \
            reports new, updated and unchanged entries or the error; the exit status is 1 when any \
            feed failed, after all the others were fetched.
            """)

    @OptionGroup var feedOptions: FeedOptions
    @OptionGroup var download: DownloadOptions

    @Option(name: .customLong("jobs"), help: ArgumentHelp("Feeds downloaded at the same time.", valueName: "n"))
    var jobs: Int = 4

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard (1...16).contains(jobs) else { throw ValidationError("--jobs must be between 1 and 16") }
    }

    func run() throws {
        var failed = false
        try reportingFailures { () throws(CLIError) in
            let workspace = try Workspace.make(global)
            let file = try FeedsLocation.load(feedOptions.path(workspace.environment))
            guard !file.feeds.isEmpty else { throw .failed(FeedsFileError.noFeeds(file: file.path).description) }
            let fetcher = FeedFetcher(
                articlesDirectory: workspace.paths.articles, dataDirectory: workspace.paths.data,
                followsLinks: workspace.config.library.followSymlinks, limits: download.limits, concurrency: jobs)
            let display = FetchProgressDisplay()
            let summary = fetcher.fetch(file.feeds) { display.show($0) }
            let trashed = FeedRetention(workspace: workspace).apply(to: file.feeds, now: SystemClock.now())
            display.finish(summary.line + FeedRetention.report(trashed))
            failed = !summary.failures.isEmpty
        }
        if failed { throw ExitCode(1) }
    }
}
