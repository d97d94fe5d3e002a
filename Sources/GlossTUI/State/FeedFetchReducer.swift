/// How far the background feed fetch is, for the status line.
public struct FeedFetchProgress: Hashable, Sendable {
    public var done: Int
    public var total: Int
    /// The feed being fetched, when known.
    public var current: String?

    public init(done: Int = 0, total: Int = 0, current: String? = nil) {
        self.done = done
        self.total = total
        self.current = current
    }

    /// `fetching feeds 2/5 · Ars Technica…`
    var statusText: String {
        var text = "fetching feeds"
        if total > 0 { text += " \(min(done + 1, total))/\(total)" }
        if let current { text += " · \(current)" }
        return text + "…"
    }
}

/// A feed the background fetch could not fetch, by the name its group is headed with.
public struct FeedFailure: Hashable, Sendable {
    public var name: String
    public var message: String

    public init(name: String, message: String) {
        self.name = name
        self.message = message
    }
}

/// News from the background fetch that the run loop turns into `.feedFetch` events.
public enum FeedFetchUpdate: Hashable, Sendable {
    /// A feed started (`current`) or finished; `done` of `total` are finished.
    case progress(done: Int, total: Int, current: String?)
    /// Every feed was tried: a one-line summary and the feeds that failed.
    case finished(summary: String, failures: [FeedFailure])
    /// The fetch could not start (no feeds configured, an unreadable feeds.toml).
    case unavailable(String)
}

extension AppState {
    /// `R`: starts a fetch unless one is running.
    mutating func startFeedFetch() -> [Effect] {
        guard feedFetch == nil else {
            message = StatusMessage("feeds are already being fetched")
            return []
        }
        feedFetch = FeedFetchProgress()
        return [.fetchFeeds]
    }

    mutating func applyFeedFetch(_ update: FeedFetchUpdate) -> [Effect] {
        switch update {
        case .progress(let done, let total, let current):
            guard feedFetch != nil else { return [] }
            feedFetch = FeedFetchProgress(done: done, total: total, current: current)
            return []
        case .finished(let summary, let failures):
            feedFetch = nil
            // The headings keep showing which feeds failed after the message is gone.
            library.feedErrors = Dictionary(failures.map { ($0.name, $0.message) }) { first, _ in first }
            if failures.isEmpty {
                message = StatusMessage(summary)
            } else {
                let lines = failures.map { "\($0.name): \($0.message)" }
                message = StatusMessage(([summary] + lines).joined(separator: " · "), isError: true, needsWholeLine: true)
            }
            return [.reloadLibrary]
        case .unavailable(let reason):
            feedFetch = nil
            message = StatusMessage(reason, isError: true, needsWholeLine: true)
            return []
        }
    }
}
