import CSQLite
import Glibc

/// A failure of the index database, with SQLite's own message.
public struct SQLiteError: Error, CustomStringConvertible, Sendable {
    public let code: Int32
    public let message: String

    public var description: String { "search index: \(message) (SQLite \(code))" }

    /// The file is not a database or is corrupt: it must be set aside and rebuilt.
    public var isDamage: Bool {
        let primary = code & 0xFF
        return primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB || primary == SQLITE_FORMAT
    }

    /// Another process holds the write lock for longer than the busy timeout.
    public var isBusy: Bool {
        let primary = code & 0xFF
        return primary == SQLITE_BUSY || primary == SQLITE_LOCKED
    }
}

/// One open SQLite connection (not shared between threads).
final class SQLiteDatabase {
    private var handle: OpaquePointer?

    init(path: String, busyTimeoutMilliseconds: Int32 = 10_000) throws(SQLiteError) {
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let status = gloss_sqlite3_open_v2(path, &handle, flags, nil)
        guard status == SQLITE_OK else {
            let error = SQLiteError(code: status, message: handle.map { String(cString: gloss_sqlite3_errmsg($0)) }
                ?? glossLazyLoadError(GLOSS_LAZY_SQLITE3).map { String(cString: $0) } ?? "cannot open")
            gloss_sqlite3_close_v2(handle)
            handle = nil
            throw error
        }
        gloss_sqlite3_extended_result_codes(handle, 1)
        gloss_sqlite3_busy_timeout(handle, busyTimeoutMilliseconds)
    }

    deinit {
        gloss_sqlite3_close_v2(handle)
    }

    /// Runs statements without results.
    func execute(_ sql: String) throws(SQLiteError) {
        let status = gloss_sqlite3_exec(handle, sql)
        guard status == SQLITE_OK else { throw lastError(status) }
    }

    func prepare(_ sql: String) throws(SQLiteError) -> SQLiteStatement {
        var statement: OpaquePointer?
        let status = gloss_sqlite3_prepare_v2(handle, sql, -1, &statement, nil)
        guard status == SQLITE_OK, let statement else { throw lastError(status) }
        return SQLiteStatement(statement, database: self)
    }

    /// Runs `body` in one write transaction, taken at once so two writers queue on the busy timeout.
    func writeTransaction<T>(_ body: () throws(SQLiteError) -> T) throws(SQLiteError) -> T {
        try retryingWhileBusy { () throws(SQLiteError) in try execute("BEGIN IMMEDIATE") }
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    /// Runs `body` again while another connection holds a lock SQLite does not wait for itself
    /// (switching to WAL, or a lock taken while this one was starting), for up to `retryLimit` tries.
    func retryingWhileBusy<T>(_ body: () throws(SQLiteError) -> T) throws(SQLiteError) -> T {
        var attempt = 0
        while true {
            do {
                return try body()
            } catch where error.isBusy && attempt < Self.retryLimit {
                attempt += 1
                usleep(50_000)
            }
        }
    }

    /// 200 tries 50 ms apart: ten seconds, like the busy timeout.
    static let retryLimit = 200

    /// The first column of the first row of a query, as an integer (0 when there is no row).
    func integer(_ sql: String) throws(SQLiteError) -> Int64 {
        let statement = try prepare(sql)
        return try statement.step() ? statement.integer(0) : 0
    }

    func lastError(_ status: Int32) -> SQLiteError {
        let message = handle.map { String(cString: gloss_sqlite3_errmsg($0)) } ?? "unknown error"
        return SQLiteError(code: handle.map { gloss_sqlite3_extended_errcode($0) } ?? status, message: message)
    }

    var lastInsertedRow: Int64 { gloss_sqlite3_last_insert_rowid(handle) }
}

/// A prepared statement: bind, step, read columns.
final class SQLiteStatement {
    private let statement: OpaquePointer
    private let database: SQLiteDatabase

    init(_ statement: OpaquePointer, database: SQLiteDatabase) {
        self.statement = statement
        self.database = database
    }

    deinit {
        gloss_sqlite3_finalize(statement)
    }

    /// Binds values to `?1`, `?2`, … in order, after resetting the statement.
    @discardableResult
    func bind(_ values: [SQLiteValue]) throws(SQLiteError) -> SQLiteStatement {
        gloss_sqlite3_reset(statement)
        gloss_sqlite3_clear_bindings(statement)
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let status: Int32
            switch value {
            case .null: status = gloss_sqlite3_bind_null(statement, index)
            case .integer(let number): status = gloss_sqlite3_bind_int64(statement, index, number)
            case .text(let text):
                // utf8CString ends with a NUL; the length passed excludes it and keeps inner NULs.
                status = text.utf8CString.withUnsafeBufferPointer {
                    glossSQLiteBindText(statement, index, $0.baseAddress, Int32($0.count - 1))
                }
            }
            guard status == SQLITE_OK else { throw database.lastError(status) }
        }
        return self
    }

    /// Advances to the next row; false when done.
    func step() throws(SQLiteError) -> Bool {
        let status = gloss_sqlite3_step(statement)
        if status == SQLITE_ROW { return true }
        if status == SQLITE_DONE { return false }
        throw database.lastError(status)
    }

    /// Runs a statement that returns no rows.
    func run(_ values: [SQLiteValue] = []) throws(SQLiteError) {
        try bind(values)
        while try step() {}
    }

    func integer(_ column: Int32) -> Int64 { gloss_sqlite3_column_int64(statement, column) }

    func isNull(_ column: Int32) -> Bool { gloss_sqlite3_column_type(statement, column) == SQLITE_NULL }

    func text(_ column: Int32) -> String {
        guard let pointer = gloss_sqlite3_column_text(statement, column) else { return "" }
        let count = Int(gloss_sqlite3_column_bytes(statement, column))
        return String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
    }
}

enum SQLiteValue {
    case null
    case integer(Int64)
    case text(String)
}
