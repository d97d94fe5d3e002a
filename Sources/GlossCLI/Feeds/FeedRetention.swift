import Foundation
import GlossCore
import GlossStorage

/// Retention for feeds (`[feeds] keep-days`, or a feed's own `keep-days`): after a fetch, feed
/// articles older than that which are read, not starred, not archived and without notes move
/// to the trash. An article with a note or a star is never moved.
struct FeedRetention {
    let workspace: Workspace

    /// Moves the old articles of `feeds` to the trash; returns how many moved.
    func apply(to feeds: [FeedSubscription], now: Timestamp) -> Int {
        let policies = feeds.compactMap { feed -> (folder: String, days: Int)? in
            let days = feed.keepDays ?? workspace.config.feeds.keepDays
            return days > 0 ? (feed.slug + "/", days) : nil
        }
        guard !policies.isEmpty,
              let entries = try? workspace.scanner.scan(cache: LibraryCache(dataDirectory: workspace.paths.data))
        else { return 0 }
        let state = (try? StateStore(dataDirectory: workspace.paths.data).loadReadingState()) ?? ReadingState()
        var moved = 0
        for entry in entries where entry.problem == nil {
            guard let policy = policies.first(where: { entry.relativePath.hasPrefix($0.folder) }),
                  let age = Self.age(of: entry), now.millisecondsSince1970 - age.millisecondsSince1970 > Int64(policy.days) * 86_400_000
            else { continue }
            let marks = state.marks[entry.relativePath]
            guard state.isRead(entry.relativePath), marks?.starred != true, marks?.archived != true,
                  workspace.liveAnnotationCount(of: entry.relativePath) == 0
            else { continue }
            if (try? workspace.trashArticle(entry.relativePath)) != nil { moved += 1 }
        }
        return moved
    }

    /// What a fetch adds to its summary line: `; 3 old articles moved to the trash`.
    static func report(_ moved: Int) -> String {
        moved == 0 ? "" : "; \(moved) old article\(moved == 1 ? "" : "s") moved to the trash"
    }

    /// The article's date (front matter `date`, a whole ISO time or a day), else when the file
    /// last changed.
    static func age(of entry: LibraryEntry) -> Timestamp? {
        if let date = entry.date?.trimmingCharacters(in: .whitespaces) {
            if let time = Timestamp(iso8601: date) { return time }
            if date.utf8.count >= 10, let day = Timestamp(iso8601: String(date.prefix(10)) + "T00:00:00Z") { return day }
        }
        return entry.modified
    }
}
