import GlossCore

/// What Gloss remembers about one feed between fetches: when it was fetched, how that went,
/// the validators for a conditional request, and which article file each entry became.
public struct FeedState: Sendable, Hashable {
    /// The feed's URL when this state was written (the state follows the feed's name).
    public var url: String
    public var lastFetch: Timestamp?
    /// The last fetch's error; nil when it succeeded.
    public var lastError: String?
    public var etag: String?
    public var lastModified: String?
    /// Every entry written so far, by its dedup key (GUID/id, else link).
    public var entries: [String: FeedEntryRecord]

    public init(
        url: String, lastFetch: Timestamp? = nil, lastError: String? = nil, etag: String? = nil,
        lastModified: String? = nil, entries: [String: FeedEntryRecord] = [:]
    ) {
        self.url = url
        self.lastFetch = lastFetch
        self.lastError = lastError
        self.etag = etag
        self.lastModified = lastModified
        self.entries = entries
    }
}

/// The article file a feed entry was written to, and a hash of the text written, so that an
/// updated entry is recognised and rewritten in place.
public struct FeedEntryRecord: Sendable, Hashable {
    /// Relative to the articles directory.
    public var file: String
    public var contentHash: String
    public var updated: Timestamp

    public init(file: String, contentHash: String, updated: Timestamp) {
        self.file = file
        self.contentHash = contentHash
        self.updated = updated
    }
}
