import GlossCore
import GlossStorage

/// The library's full-text index: an SQLite FTS5 database under the data directory, derived
/// from the article and annotation files and never the source of truth.
///
/// `update` compares every article's and annotation file's size, modification time and inode
/// with what was indexed and reindexes only what changed, was added or was removed. A file that
/// is not a database or is damaged is set aside (`search-index.sqlite.damaged`) and rebuilt.
/// Several processes may update it at once: it runs in WAL mode, writers queue on a busy
/// timeout, and every batch replaces an article's rows whole, so doing one twice is harmless.
public final class SearchIndex {
    /// Bumped when the schema or the rows change; an index of another version is rebuilt.
    static let schemaVersion: Int64 = 1
    /// Articles written per transaction, so another writer never waits long.
    static let batchSize = 100

    public let path: String
    let database: SQLiteDatabase
    /// Messages for the user: a damaged index set aside, and the like.
    public private(set) var notices: [String] = []

    /// Opens (creating, or setting aside and recreating when damaged) the index in `dataDirectory`.
    public convenience init(dataDirectory: String) throws(SearchIndexError) {
        let path: String
        do {
            path = try SearchIndexFile.prepare(dataDirectory: dataDirectory)
        } catch {
            throw .storage(error)
        }
        try self.init(path: path)
    }

    public init(path: String) throws(SearchIndexError) {
        self.path = path
        (database, notices) = try Self.openOrRebuild(path)
    }

    private static func openOrRebuild(_ path: String) throws(SearchIndexError) -> (SQLiteDatabase, [String]) {
        let failure: SQLiteError
        do {
            return (try openChecked(path), [])
        } catch {
            // SQLITE_ERROR while opening means tables we did not write: damage too.
            guard error.isDamage || error.code & 0xFF == 1 else { throw .database(error) }
            failure = error
        }
        let aside: String
        do {
            aside = try SearchIndexFile.setAside(path)
        } catch {
            throw .storage(error)
        }
        do {
            let notice = "the search index was damaged (\(failure.message)); it was moved to \(aside) and is rebuilt"
            return (try openChecked(path), [notice])
        } catch {
            throw .database(error)
        }
    }

    private static func openChecked(_ path: String) throws(SQLiteError) -> SQLiteDatabase {
        let database = try SQLiteDatabase(path: path)
        try database.retryingWhileBusy { () throws(SQLiteError) in try database.execute("PRAGMA journal_mode=WAL") }
        if try database.integer("PRAGMA user_version") != schemaVersion {
            try database.writeTransaction { () throws(SQLiteError) in
                // Decided again under the write lock: another process may have just created it.
                switch try database.integer("PRAGMA user_version") {
                case schemaVersion: return
                case 0: try database.execute(IndexSchema.create)
                default: try database.execute(IndexSchema.drop + IndexSchema.create)
                }
                try database.execute("PRAGMA user_version=\(schemaVersion)")
            }
        }
        // Reading the tables proves they are there and readable.
        _ = try database.integer("SELECT count(*) FROM articles")
        return database
    }

    /// Runs `body`, setting the index aside when it turns out damaged (the next open rebuilds it).
    func guarding<T>(_ body: () throws(SQLiteError) -> T) throws(SearchIndexError) -> T {
        do {
            return try body()
        } catch {
            if error.isDamage { _ = try? SearchIndexFile.setAside(path) }
            throw .database(error)
        }
    }
}

/// Why the index could not be used.
public enum SearchIndexError: Error, CustomStringConvertible {
    case storage(StorageError)
    case database(SQLiteError)

    public var description: String {
        switch self {
        case .storage(let error): return "search index: \(error.description)"
        case .database(let error): return error.description
        }
    }

    /// Another process is updating the index right now.
    public var isBusy: Bool {
        if case .database(let error) = self { return error.isBusy }
        return false
    }
}

/// The tables. `rows` holds the text; `words` (accent- and case-folding words) and `grams`
/// (trigrams, only for rows in scripts without spaces) index it through triggers.
enum IndexSchema {
    static let create = """
        CREATE TABLE articles(
            id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, title TEXT NOT NULL,
            modified INTEGER NOT NULL, article_stamp TEXT NOT NULL, notes_stamp TEXT NOT NULL);
        CREATE TABLE rows(
            id INTEGER PRIMARY KEY, article INTEGER NOT NULL, paragraph INTEGER, kind TEXT NOT NULL,
            text TEXT NOT NULL, quote TEXT, spaceless INTEGER NOT NULL);
        CREATE INDEX rows_article ON rows(article);
        CREATE INDEX rows_spaceless ON rows(spaceless) WHERE spaceless = 1;
        CREATE VIRTUAL TABLE words USING fts5(text, content='rows', content_rowid='id',
            tokenize='unicode61 remove_diacritics 2');
        CREATE VIRTUAL TABLE grams USING fts5(text, content='rows', content_rowid='id', tokenize='trigram');
        CREATE TRIGGER rows_insert AFTER INSERT ON rows BEGIN
            INSERT INTO words(rowid, text) VALUES (new.id, new.text);
        END;
        CREATE TRIGGER rows_insert_spaceless AFTER INSERT ON rows WHEN new.spaceless = 1 BEGIN
            INSERT INTO grams(rowid, text) VALUES (new.id, new.text);
        END;
        CREATE TRIGGER rows_delete AFTER DELETE ON rows BEGIN
            INSERT INTO words(words, rowid, text) VALUES ('delete', old.id, old.text);
        END;
        CREATE TRIGGER rows_delete_spaceless AFTER DELETE ON rows WHEN old.spaceless = 1 BEGIN
            INSERT INTO grams(grams, rowid, text) VALUES ('delete', old.id, old.text);
        END;

        """

    static let drop = """
        DROP TABLE IF EXISTS words; DROP TABLE IF EXISTS grams; DROP TABLE IF EXISTS rows;
        DROP TABLE IF EXISTS articles;

        """
}
