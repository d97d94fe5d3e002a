import Foundation
import GlossCore
import GlossFeeds

/// One `[[feed]]` of `feeds.toml`: where the feed is, what to call it, and tags for its articles.
struct FeedSubscription: Sendable, Hashable {
    var url: String
    var name: String?
    var tags: [String] = []
    /// Days after which read, unstarred, unarchived articles without notes go to the trash;
    /// nil: `[feeds] keep-days` of config.toml.
    var keepDays: Int?

    /// The name shown in output and written as `source`: the configured name, else the URL's host.
    var displayName: String {
        if let name, !name.isEmpty { return name }
        return URL(string: url)?.host ?? url
    }

    /// The folder under the articles directory and the name of the state file: a safe,
    /// ASCII slug of the display name (`Ars Technica` → `ars-technica`).
    var slug: String {
        let made = Slug.make(from: displayName)
        return made.isEmpty ? "feed-" + String(ArticleFingerprint.sha256(ofBytes: Array(url.utf8)).prefix(8)) : made
    }
}
