import GlossCore
import GlossStorage

/// What one `update` changed.
public struct IndexUpdate: Sendable, Equatable {
    public var indexed = 0
    public var removed = 0
    public var unchanged = 0

    public init(indexed: Int = 0, removed: Int = 0, unchanged: Int = 0) {
        self.indexed = indexed
        self.removed = removed
        self.unchanged = unchanged
    }
}

extension SearchIndex {
    /// Brings the index up to date with `files` (the library's article files) and their
    /// annotation files in `store`: only articles whose file or annotations changed are read.
    @discardableResult
    public func update(files: [LibraryScanner.FoundFile], store: AnnotationStore) throws(SearchIndexError) -> IndexUpdate {
        let known = try guarding(knownStamps)
        var result = IndexUpdate()
        var present: Set<String> = []
        var pending: [Pending] = []
        for file in files where file.problem == nil {
            guard let articleStamp = SearchIndexFile.stamp(of: file.absolutePath) else { continue }
            present.insert(file.relativePath)
            // The annotation file and its journal: a save may change only the journal.
            let notesStamps = store.stamps(of: file.relativePath)
            let stamps = (Self.text(articleStamp), notesStamps.isEmpty ? "-" : notesStamps.map(Self.text).joined(separator: "+"))
            if let old = known[file.relativePath], old.article == stamps.0, old.notes == stamps.1 {
                result.unchanged += 1
                continue
            }
            pending.append(Pending(
                file: file, articleStamp: stamps.0, notesStamp: stamps.1,
                modified: articleStamp.modified / 1_000_000))
        }
        var start = 0
        while start < pending.count {
            let batch = pending[start..<min(start + Self.batchSize, pending.count)]
            let documents = batch.map { ($0, document(for: $0.file, store: store)) }
            try guarding { () throws(SQLiteError) in
                try database.writeTransaction { () throws(SQLiteError) in
                    for (item, document) in documents {
                        if let document { try replace(item, with: document) } else { try remove(item.file.relativePath) }
                    }
                }
            }
            result.indexed += documents.filter { $0.1 != nil }.count
            start += Self.batchSize
        }
        let gone = known.keys.filter { !present.contains($0) }
        if !gone.isEmpty {
            try guarding { () throws(SQLiteError) in
                try database.writeTransaction { () throws(SQLiteError) in
                    for path in gone { try remove(path) }
                }
            }
            result.removed = gone.count
        }
        return result
    }

    /// Forgets everything, so the next `update` reads every article again (`--reindex`).
    public func clear() throws(SearchIndexError) {
        try guarding { () throws(SQLiteError) in
            try database.writeTransaction { () throws(SQLiteError) in
                try database.execute("DELETE FROM rows; DELETE FROM articles;")
            }
        }
    }

    /// How many articles and rows are indexed.
    public func counts() throws(SearchIndexError) -> (articles: Int, rows: Int) {
        try guarding { () throws(SQLiteError) in
            let articles = try database.prepare("SELECT count(*) FROM articles")
            let rows = try database.prepare("SELECT count(*) FROM rows")
            return (try articles.step() ? Int(articles.integer(0)) : 0, try rows.step() ? Int(rows.integer(0)) : 0)
        }
    }

    struct Pending {
        var file: LibraryScanner.FoundFile
        var articleStamp: String
        var notesStamp: String
        var modified: Int64
    }

    private func knownStamps() throws(SQLiteError) -> [String: (article: String, notes: String)] {
        let statement = try database.prepare("SELECT path, article_stamp, notes_stamp FROM articles")
        var known: [String: (article: String, notes: String)] = [:]
        while try statement.step() {
            known[statement.text(0)] = (statement.text(1), statement.text(2))
        }
        return known
    }

    /// The rows of one article, or nil when it can no longer be read.
    private func document(for file: LibraryScanner.FoundFile, store: AnnotationStore) -> IndexDocument? {
        guard let bytes = try? ArticleFile.read(file.absolutePath) else { return nil }
        let name = file.relativePath.split(separator: "/").last.map(String.init) ?? file.relativePath
        let article = try? ArticleLoader.load(bytes: bytes, fileName: name)
        let stem = name.split(separator: ".", omittingEmptySubsequences: false).dropLast().joined(separator: ".")
        let annotations = (try? store.load(ArticleIdentity(path: file.relativePath, title: "", fingerprint: "")))?
            .liveAnnotations ?? []
        return IndexDocument(article: article, fallbackTitle: stem.isEmpty ? name : stem, annotations: annotations)
    }

    private func replace(_ item: Pending, with document: IndexDocument) throws(SQLiteError) {
        try remove(item.file.relativePath)
        try database.prepare(
            "INSERT INTO articles(path, title, modified, article_stamp, notes_stamp) VALUES (?1, ?2, ?3, ?4, ?5)"
        ).run([.text(item.file.relativePath), .text(document.title), .integer(item.modified),
               .text(item.articleStamp), .text(item.notesStamp)])
        let id = database.lastInsertedRow
        let insert = try database.prepare(
            "INSERT INTO rows(article, paragraph, kind, text, quote, spaceless) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
        for row in document.rows {
            try insert.run([
                .integer(id), row.paragraph.map { .integer(Int64($0)) } ?? .null, .text(row.kind.rawValue),
                .text(row.text), row.quote.map { .text($0) } ?? .null,
                .integer(SpacelessScript.contains(row.text) ? 1 : 0),
            ])
        }
    }

    private func remove(_ path: String) throws(SQLiteError) {
        try database.prepare("DELETE FROM rows WHERE article IN (SELECT id FROM articles WHERE path = ?1)")
            .run([.text(path)])
        try database.prepare("DELETE FROM articles WHERE path = ?1").run([.text(path)])
    }

    static func text(_ stamp: LibraryCache.Stamp) -> String {
        "\(stamp.size):\(stamp.modified):\(stamp.changed):\(stamp.inode)"
    }
}
