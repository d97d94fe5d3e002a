import Foundation
import Glibc
import GlossCore
import GlossSearch
import GlossStorage
import Testing

/// A throw-away library (articles + data directory) with helpers to index and search it.
final class SearchLibrary {
    let root: String
    var articles: String { root + "/articles" }
    var data: String { root + "/data" }

    init() throws {
        var bytes = Array((NSTemporaryDirectory() + "gloss-search-tests-XXXXXX").utf8CString)
        let made = bytes.withUnsafeMutableBufferPointer { buffer -> String? in
            guard let base = buffer.baseAddress, mkdtemp(base) != nil else { return nil }
            return String(cString: base)
        }
        root = try #require(made)
        try FileManager.default.createDirectory(atPath: root + "/articles", withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: root)
    }

    /// Writes an article; `modified` sets its modification time (seconds since 1970).
    func write(_ path: String, title: String? = nil, tags: [String] = [], _ paragraphs: [String], modified: Int? = nil) throws {
        var text = ""
        if title != nil || !tags.isEmpty {
            text += "---\n"
            if let title { text += "title: \(title)\n" }
            if !tags.isEmpty { text += "tags: [\(tags.joined(separator: ", "))]\n" }
            text += "---\n\n"
        }
        text += paragraphs.joined(separator: "\n\n") + "\n"
        let full = articles + "/" + path
        try FileManager.default.createDirectory(
            atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: full))
        if let modified {
            var times = [timespec(tv_sec: modified, tv_nsec: 0), timespec(tv_sec: modified, tv_nsec: 0)]
            utimensat(AT_FDCWD, full, &times, 0)
        }
    }

    func delete(_ path: String) throws {
        try FileManager.default.removeItem(atPath: articles + "/" + path)
    }

    /// Adds a note on the first `length` scalars of ¶ `paragraph` (1-based) of `path`.
    func annotate(
        _ path: String, paragraph: Int, length: Int = 5, note: String, journal: JournalPolicy = .standard
    ) throws {
        let bytes = try ArticleFile.read(articles + "/" + path)
        let article = try ArticleLoader.load(bytes: bytes, fileName: path)
        let text = ArticleText(article)
        let start = try #require(text.articleOffset(block: paragraph - 1, offset: 0))
        let anchor = try #require(AnnotationAnchor(range: start..<(start + length), in: text))
        let annotation = Annotation(
            id: UUID().uuidString, created: Timestamp(millisecondsSince1970: 1_700_000_000_000), note: note,
            anchor: anchor)
        let identity = ArticleIdentity(
            path: path, title: article.metadata.title, fingerprint: ArticleFingerprint.sha256(of: text.text))
        _ = try AnnotationStore(dataDirectory: data, journal: journal)
            .apply([.upsert(annotation)], to: identity, anchoredOn: text.text)
    }

    func files() throws -> [LibraryScanner.FoundFile] {
        try LibraryScanner(articlesDirectory: articles).articleFiles()
    }

    @discardableResult
    func update(_ index: SearchIndex? = nil) throws -> IndexUpdate {
        let index = try index ?? SearchIndex(dataDirectory: data)
        return try index.update(files: files(), store: AnnotationStore(dataDirectory: data))
    }

    /// Updates the index, then searches it.
    func search(_ query: String, limit: Int = 20) throws -> [SearchHit] {
        let index = try SearchIndex(dataDirectory: data)
        try update(index)
        return try index.search(LibraryQuery.parse(query), limit: limit)
    }

    var indexPath: String { data + "/" + SearchIndexFile.fileName }
}
