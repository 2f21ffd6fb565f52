import CSQLite
import Foundation

/// The one place that talks to SQLite: a database file opened read-only, and queries whose rows
/// are copied into Swift values before the statement is finalised, so no C pointer escapes.
public enum SQLiteDatabase {
    /// Every row of `sql` over the database file at `path`, with `values` bound to its `?`
    /// parameters in order. A query still running after `timeout` seconds is stopped.
    public static func query(file path: String, _ sql: String, binding values: [String] = [], timeout: Double) throws(DatabaseError) -> QueryResult {
        // The deadline outlives the connection: made first, it is freed last.
        let deadline = UnsafeMutablePointer<Deadline>.allocate(capacity: 1)
        deadline.initialize(to: Deadline(seconds: timeout))
        defer { deadline.deallocate() }
        var handle: OpaquePointer?
        // Read-only, and never created: a mistyped path is an error, not a new empty database.
        let opened = sqlite3_open_v2(path, &handle, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nil)
        defer { sqlite3_close_v2(handle) }
        guard opened == SQLITE_OK, let handle else {
            throw DatabaseError("cannot open \(path) as an SQLite database: " + message(handle, opened))
        }
        // Asked every thousand virtual-machine steps while the query runs; a non-zero answer interrupts it.
        sqlite3_progress_handler(handle, 1000, { context in
            context!.assumingMemoryBound(to: Deadline.self).pointee.passed ? 1 : 0
        }, deadline)
        var statement: OpaquePointer?
        let prepared = sqlite3_prepare_v2(handle, sql, -1, &statement, nil)
        defer { sqlite3_finalize(statement) }
        guard prepared == SQLITE_OK, let statement else { throw DatabaseError(message(handle, prepared)) }
        for (index, value) in values.enumerated() {
            // SQLITE_TRANSIENT: SQLite copies the text, which is freed when this call returns.
            let bound = sqlite3_bind_text(statement, Int32(index + 1), value, -1, unsafeBitCast(-1, to: sqlite3_destructor_type.self))
            guard bound == SQLITE_OK else { throw DatabaseError(message(handle, bound)) }
        }
        let count = Int(sqlite3_column_count(statement))
        let columns = (0..<count).map { String(cString: sqlite3_column_name(statement, Int32($0))) }
        var rows: [[String?]] = []
        while true {
            let step = sqlite3_step(statement)
            if step == SQLITE_DONE { break }
            guard step == SQLITE_ROW else {
                if step == SQLITE_INTERRUPT { throw DatabaseError.timedOut(after: timeout) }
                throw DatabaseError(message(handle, step))
            }
            rows.append((0..<count).map { value(statement, Int32($0)) })
        }
        return QueryResult(columns: columns, rows: rows)
    }

    /// The names of the tables and views in the database file at `path`, sorted, for suggestions.
    public static func tables(file path: String, timeout: Double) -> [String] {
        let listed = try? query(file: path, "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') ORDER BY name", timeout: timeout)
        return listed?.rows.compactMap { $0.first ?? nil } ?? []
    }

    private static func value(_ statement: OpaquePointer, _ column: Int32) -> String? {
        switch sqlite3_column_type(statement, column) {
        case SQLITE_NULL: return nil
        case SQLITE_INTEGER: return String(sqlite3_column_int64(statement, column))
        case SQLITE_FLOAT: return QueryValues.text(sqlite3_column_double(statement, column))
        default:
            // Text, or a blob read as UTF-8 text; the byte count first, as text may hold NULs.
            guard let bytes = sqlite3_column_text(statement, column) else { return "" }
            let length = Int(sqlite3_column_bytes(statement, column))
            return String(decoding: UnsafeBufferPointer(start: bytes, count: length), as: UTF8.self)
        }
    }

    private static func message(_ handle: OpaquePointer?, _ code: Int32) -> String {
        if let handle, let text = sqlite3_errmsg(handle) { return String(cString: text) }
        return String(cString: sqlite3_errstr(code))
    }

    /// When a query must have finished.
    private struct Deadline {
        let end: UInt64

        init(seconds: Double) {
            end = DispatchTime.now().uptimeNanoseconds &+ UInt64(max(0, seconds) * 1e9)
        }

        var passed: Bool { DispatchTime.now().uptimeNanoseconds > end }
    }
}

/// How values read from a database become cell text.
enum QueryValues {
    /// A real number as the shortest decimal that reads back as the same number (`5.0` → "5.0",
    /// `0.1` → "0.1"); the survey reader parses it back exactly.
    static func text(_ value: Double) -> String {
        value.isFinite ? "\(value)" : (value.isNaN ? "NaN" : (value > 0 ? "inf" : "-inf"))
    }
}
