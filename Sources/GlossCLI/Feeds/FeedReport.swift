/// What fetching one feed did, for the per-feed output line and the library's status line.
struct FeedReport: Sendable, Equatable {
    var feed: FeedSubscription
    var newCount = 0
    var updatedCount = 0
    var unchangedCount = 0
    /// The server answered 304: nothing was downloaded.
    var notModified = false
    /// Why the feed could not be fetched; nil on success.
    var failure: String?
    /// Things to know that did not stop the fetch (a damaged state file set aside, an entry not written).
    var warnings: [String] = []

    var failed: Bool { failure != nil }

    /// `Name: 3 new, 1 updated, 10 unchanged`, `Name: not modified`, or `Name: error: …`.
    var line: String {
        let name = feed.displayName
        if let failure { return "\(name): error: \(failure)" }
        var line = notModified
            ? "\(name): not modified"
            : "\(name): \(newCount) new, \(updatedCount) updated, \(unchangedCount) unchanged"
        if !warnings.isEmpty { line += " (" + warnings.joined(separator: "; ") + ")" }
        return line
    }
}

/// The totals of a whole fetch: `3 feeds: 12 new, 1 updated; 1 failed`.
struct FetchSummary: Sendable, Equatable {
    var reports: [FeedReport]

    var failures: [FeedReport] { reports.filter(\.failed) }
    var newCount: Int { reports.reduce(0) { $0 + $1.newCount } }
    var updatedCount: Int { reports.reduce(0) { $0 + $1.updatedCount } }

    var line: String {
        let feeds = "\(reports.count) feed\(reports.count == 1 ? "" : "s")"
        var line = "\(feeds): \(newCount) new, \(updatedCount) updated"
        if !failures.isEmpty { line += "; \(failures.count) failed" }
        return line
    }
}
