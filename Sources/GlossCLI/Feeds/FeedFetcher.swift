import Dispatch
import Foundation
import GlossCore
import GlossStorage

/// Progress of a fetch over many feeds, reported from worker threads.
enum FetchProgress: Sendable {
    case started(FeedSubscription, running: Int, done: Int, total: Int)
    case finished(FeedReport, done: Int, total: Int)
}

/// Fetches many feeds, a bounded number at a time; one failing feed never stops the others.
struct FeedFetcher: Sendable {
    var articlesDirectory: String
    var dataDirectory: String
    /// `[library] follow-symlinks`, for the articles written.
    var followsLinks = false
    var limits: HTTPLimits = .standard
    /// Feeds downloaded at the same time.
    var concurrency = 4
    var clock: @Sendable () -> Timestamp = SystemClock.now

    /// Fetches every feed and returns the reports in the order of `feeds`. Blocks until all are
    /// done; `progress` is called from worker threads.
    func fetch(_ feeds: [FeedSubscription], progress: @escaping @Sendable (FetchProgress) -> Void = { _ in }) -> FetchSummary {
        let sync = FeedSync(
            articlesDirectory: articlesDirectory, followsLinks: followsLinks, states: FeedStateStore(dataDirectory: dataDirectory, clock: clock),
            client: HTTPClient(limits: limits), clock: clock)
        let queue = WorkQueue(count: feeds.count)
        let workers = max(1, min(concurrency, feeds.count))
        BlockingWorkers.run(workers) { _ in
            while let index = queue.next() {
                guard feeds.indices.contains(index) else { return }
                let feed = feeds[index]
                let (running, done) = queue.counts()
                progress(.started(feed, running: running, done: done, total: feeds.count))
                let report = sync.run(feed)
                let finished = queue.finish(index, report)
                progress(.finished(report, done: finished, total: feeds.count))
            }
        }
        return FetchSummary(reports: queue.reports(for: feeds))
    }
}

/// Hands out feed indices to workers and collects their reports.
private final class WorkQueue: @unchecked Sendable {
    private let lock = NSLock()
    private let count: Int
    private var nextIndex = 0
    private var done = 0
    private var results: [Int: FeedReport] = [:]

    init(count: Int) { self.count = count }

    func next() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard nextIndex < count else { return nil }
        nextIndex += 1
        return nextIndex - 1
    }

    func counts() -> (running: Int, done: Int) {
        lock.lock()
        defer { lock.unlock() }
        return (nextIndex - done, done)
    }

    func finish(_ index: Int, _ report: FeedReport) -> Int {
        lock.lock()
        defer { lock.unlock() }
        results[index] = report
        done += 1
        return done
    }

    func reports(for feeds: [FeedSubscription]) -> [FeedReport] {
        lock.lock()
        defer { lock.unlock() }
        return feeds.indices.map { results[$0] ?? FeedReport(feed: feeds[$0], failure: "not fetched") }
    }
}
