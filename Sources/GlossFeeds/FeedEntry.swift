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
    /// When the entry was created (Atom 0.3 `created`, `dcterms:created`); nil when missing or unreadable.
    public var created: Date?
    /// The richest content the entry carries, as HTML: `content:encoded`, else Atom `content`,
    /// else the RSS `description` or Atom `summary`. Plain-text content is escaped into HTML.
    public var contentHTML: String?
    /// The base URL relative links in `contentHTML` resolve against.
    public var contentBaseURL: String?
    /// Set when another entry of the same feed has the same id (or link): what tells this one
    /// apart, added to its ``dedupKey``.
    public var distinction: String?
    /// Media files attached to the entry (podcast episodes, videos), resolved.
    public var enclosures: [Enclosure] = []

    public init(
        id: String? = nil, link: String? = nil, title: String? = nil, author: String? = nil,
        published: Date? = nil, updated: Date? = nil, created: Date? = nil, contentHTML: String? = nil,
        contentBaseURL: String? = nil
    ) {
        self.id = id
        self.link = link
        self.title = title
        self.author = author
        self.published = published
        self.updated = updated
        self.created = created
        self.contentHTML = contentHTML
        self.contentBaseURL = contentBaseURL
    }

    /// What identifies the entry across fetches: the id, else the link, else a hash of the title and
    /// content (`sha256:<hex>`), so fetching the same entry twice maps to the same key. An entry
    /// sharing its id with another of the feed has its ``distinction`` added (`id#…`).
    public var dedupKey: String {
        let key = baseKey
        guard let distinction else { return key }
        return key + "#" + distinction
    }

    var baseKey: String {
        if let id, !id.isEmpty { return id }
        if let link, !link.isEmpty { return link }
        return contentKey
    }

    /// A hash of the title and content, `sha256:<hex>`.
    var contentKey: String {
        "sha256:" + ContentHash.hex(of: (title ?? "") + "\u{0}" + (contentHTML ?? ""))
    }

    /// The date to show and sort by: the publication date, else the last update, else the creation.
    public var date: Date? { published ?? updated ?? created }
}
