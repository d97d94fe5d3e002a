import GlossCore

/// One article file of the library, with what the library list shows about it.
public struct LibraryEntry: Sendable, Hashable {
    /// The path relative to the articles directory, with `/` separators.
    public var relativePath: String
    public var absolutePath: String
    public var title: String
    public var author: String?
    public var source: String?
    public var date: String?
    public var tags: [String] = []
    public var wordCount: Int
    /// Estimated reading time.
    public var minutes: Int
    /// Why the article cannot be shown ("permission denied", "empty article", …); nil when fine.
    public var problem: String?
    public var sizeBytes: Int
    public var modified: Timestamp?
    /// The first 16 hex digits of the SHA-256 of the file's bytes: the same article under
    /// another name (renamed or moved) has the same hash, so its marks can follow it.
    public var contentHash: String?

    /// The `contentHash` of a file holding `bytes`.
    public static func contentHash(of bytes: [UInt8]) -> String {
        String(ArticleFingerprint.sha256(ofBytes: bytes).prefix(16))
    }

    public init(
        relativePath: String, absolutePath: String, title: String, author: String? = nil,
        source: String? = nil, date: String? = nil, wordCount: Int = 0, minutes: Int = 0,
        problem: String? = nil, sizeBytes: Int = 0, modified: Timestamp? = nil
    ) {
        self.relativePath = relativePath
        self.absolutePath = absolutePath
        self.title = title
        self.author = author
        self.source = source
        self.date = date
        self.wordCount = wordCount
        self.minutes = minutes
        self.problem = problem
        self.sizeBytes = sizeBytes
        self.modified = modified
    }
}
