import Foundation
import GlossStorage
import GlossTUI

/// `R` in the library: the same fetch as `gloss fetch`, on a background thread, its progress
/// handed to the run loop through a locked queue.
extension LiveServices {
    func startFeedFetch() -> ServiceFailure? {
        let file: FeedsFile
        do {
            file = try FeedsLocation.load(FeedsLocation.resolve(explicit: nil, environment: workspace.environment))
        } catch {
            return ServiceFailure(error.description)
        }
        guard !file.feeds.isEmpty else { return ServiceFailure(FeedsFileError.noFeeds(file: file.path).description) }
        feedNames = Self.feedNames(file)
        let fetcher = FeedFetcher(
            articlesDirectory: workspace.paths.articles, dataDirectory: workspace.paths.data,
            followsLinks: workspace.config.library.followSymlinks)
        let updates = fetchUpdates
        let feeds = file.feeds
        let workspace = self.workspace
        updates.append(.progress(done: 0, total: feeds.count, current: feeds.first?.displayName))
        let thread = Thread {
            let summary = fetcher.fetch(feeds) { progress in
                switch progress {
                case .started(let feed, _, let done, let total):
                    updates.append(.progress(done: done, total: total, current: feed.displayName))
                case .finished(_, let done, let total):
                    updates.append(.progress(done: done, total: total, current: nil))
                }
            }
            let trashed = FeedRetention(workspace: workspace).apply(to: feeds, now: SystemClock.now())
            updates.append(.finished(summary: "fetched " + summary.line + FeedRetention.report(trashed), failures: summary.failures.map { FeedFailure(name: $0.feed.displayName, message: $0.failure ?? "failed") }))
        }
        thread.start()
        return nil
    }

    func takeFeedFetchUpdates() -> [FeedFetchUpdate] {
        fetchUpdates.takeAll()
    }

    /// Feed names by folder, so groups are headed by the name the user gave each feed.
    static func feedNames(_ file: FeedsFile) -> [String: String] {
        var names: [String: String] = [:]
        for feed in file.feeds { names[feed.slug] = feed.displayName }
        return names
    }

    /// The names from feeds.toml, or none when it is missing or broken (groups are then headed by folder).
    func loadFeedNames() -> [String: String] {
        guard let file = try? FeedsLocation.load(FeedsLocation.resolve(explicit: nil, environment: workspace.environment))
        else { return [:] }
        return Self.feedNames(file)
    }
}
