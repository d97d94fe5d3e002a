import GlossCore

/// Stable hashes for keys and file names (Swift's `hashValue` changes from run to run).
enum ContentHash {
    /// Lower-case hex SHA-256 of the UTF-8 bytes of `text`.
    static func hex(of text: String) -> String {
        ArticleFingerprint.sha256(ofBytes: Array(text.utf8))
    }
}
