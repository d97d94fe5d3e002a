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
