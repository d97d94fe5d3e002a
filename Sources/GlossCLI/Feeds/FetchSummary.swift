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
