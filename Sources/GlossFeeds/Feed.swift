#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The syndication format a feed was written in.
public enum FeedFormat: String, Sendable, Hashable, Codable {
    /// RSS 0.9x and 2.0 (`<rss>`).
    case rss
    /// RSS 1.0 (`<rdf:RDF>`).
    case rdf
    /// Atom 1.0 (`<feed>`).
    case atom
}

/// A parsed feed: its own title and site link, and its entries in document order.
public struct Feed: Sendable, Hashable, Codable {
    public var title: String?
    /// The web site the feed belongs to, resolved to an absolute URL when a base is known.
    public var siteLink: String?
    public var format: FeedFormat
    public var entries: [FeedEntry]
    /// What did not stop the feed from being read but changed how it was read (an encoding fallback).
    public var warnings: [String]

    public init(title: String?, siteLink: String?, format: FeedFormat, entries: [FeedEntry], warnings: [String] = []) {
        self.title = title
        self.siteLink = siteLink
        self.format = format
        self.entries = entries
        self.warnings = warnings
    }
}
