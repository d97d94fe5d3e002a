#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import GlossCore

/// One item of a feed (an RSS `<item>` or an Atom `<entry>`).
public struct FeedEntry: Sendable, Hashable, Codable {
    /// The RSS `guid` or Atom `id`, trimmed; nil when the entry has none.
    public var id: String?
    /// The entry's web page, resolved against the feed's base URL (and Atom `xml:base`).
    public var link: String?
    /// The title as plain text (HTML in a title is reduced to its text).
    public var title: String?
    public var author: String?
    /// When the entry was first published; nil when missing or unreadable.
    public var published: Date?
    /// When the entry was last changed; nil when missing or unreadable.
    public var updated: Date?
    /// The richest content the entry carries, as HTML: `content:encoded`, else Atom `content`,
    /// else the RSS `description` or Atom `summary`. Plain-text content is escaped into HTML.
    public var contentHTML: String?
    /// The base URL relative links in `contentHTML` resolve against.
    public var contentBaseURL: String?
    /// Media files attached to the entry (podcast episodes, videos), resolved.
    public var enclosures: [Enclosure] = []

    public init(
        id: String? = nil, link: String? = nil, title: String? = nil, author: String? = nil,
        published: Date? = nil, updated: Date? = nil, contentHTML: String? = nil, contentBaseURL: String? = nil
    ) {
        self.id = id
        self.link = link
        self.title = title
        self.author = author
        self.published = published
        self.updated = updated
        self.contentHTML = contentHTML
        self.contentBaseURL = contentBaseURL
    }

    /// What identifies the entry across fetches: the id, else the link, else a hash of the title and
    /// content (`sha256:<hex>`), so fetching the same entry twice maps to the same key.
    public var dedupKey: String {
        if let id, !id.isEmpty { return id }
        if let link, !link.isEmpty { return link }
        return "sha256:" + ContentHash.hex(of: (title ?? "") + "\u{0}" + (contentHTML ?? ""))
    }

    /// The date to show and sort by: the publication date, else the last update.
    public var date: Date? { published ?? updated }
}
