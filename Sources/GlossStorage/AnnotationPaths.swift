import GlossCore

/// The names of one article's files in the annotations directory.
///
/// The base name is a slug of the article's path plus a hash of it, e.g.
/// `world-climate-md-3fa9c2d1e0b4`: readable, unique, and made only of `[a-z0-9-]`, so no
/// article path, however strange, can lead outside the directory.
struct AnnotationPaths: Sendable {
    static let slugLength = 48
    static let hashLength = 12
    static let fingerprintLength = 16
    static let snapshotSuffix = ".snapshot.txt"

    let directory: String
    let base: String

    init(directory: String, articlePath: String) {
        self.directory = directory
        self.base = Self.baseName(for: articlePath)
    }

    init(directory: String, base: String) {
        self.directory = directory
        self.base = base
    }

    var json: String { directory + "/" + base + ".json" }
    var backup: String { json + ".bak" }
    var lock: String { json + ".lock" }
    /// Saves since the JSON file was last rewritten, one line each (see `AnnotationJournal`).
    var journal: String { json + ".journal" }
    /// The journal as it was when the JSON file was last rewritten: with `backup`, it gives back
    /// everything the current file holds.
    var journalBackup: String { journal + ".bak" }

    /// The snapshot file for a text with fingerprint `fingerprint`.
    func snapshotName(fingerprint: String) -> String {
        base + "." + String(fingerprint.prefix(Self.fingerprintLength)) + Self.snapshotSuffix
    }

    func path(of name: String) -> String { directory + "/" + name }

    /// Whether `name` is one of this article's snapshot files.
    func isSnapshot(_ name: String) -> Bool {
        name.hasPrefix(base + ".") && name.hasSuffix(Self.snapshotSuffix)
            && name.utf8.count == base.utf8.count + 1 + Self.fingerprintLength + Self.snapshotSuffix.utf8.count
    }

    /// The base name of the article whose snapshot file is `name`, and the fingerprint prefix in it.
    static func parseSnapshotName(_ name: String) -> (base: String, fingerprintPrefix: String)? {
        guard name.hasSuffix(snapshotSuffix) else { return nil }
        let stem = name.dropLast(snapshotSuffix.count)
        guard let dot = stem.lastIndex(of: ".") else { return nil }
        let prefix = stem[stem.index(after: dot)...]
        guard prefix.count == fingerprintLength else { return nil }
        return (String(stem[..<dot]), String(prefix))
    }

    /// `path` with empty and `.` components removed, so "./a//b.md" and "a/b.md" are one article.
    static func normalizedArticlePath(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: true)
            .filter { $0 != "." }
            .joined(separator: "/")
    }

    static func baseName(for articlePath: String) -> String {
        let normalized = normalizedArticlePath(articlePath)
        var slug = ""
        var lastWasDash = true
        for scalar in normalized.lowercased().unicodeScalars {
            if scalar.isASCII && (("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)) {
                slug.unicodeScalars.append(scalar)
                lastWasDash = false
            } else if !lastWasDash {
                slug += "-"
                lastWasDash = true
            }
            if slug.utf8.count >= slugLength { break }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        if slug.isEmpty { slug = "article" }
        let hash = ArticleFingerprint.sha256(of: normalized).prefix(hashLength)
        return slug + "-" + hash
    }
}
