import CSQLite
import Foundation

extension TemporaryProject {
    /// Creates the SQLite database `path` (project-relative) by running `sql` (statements separated
    /// by `;`), for tests of studies that read their tables from SQLite.
    public func writeSQLite(_ sql: String, to path: String) throws {
        let full = root + "/" + path
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Self.writeSQLite(sql, toFile: full)
    }

    /// Creates the SQLite database file at the absolute `path` by running `sql`.
    public static func writeSQLite(_ sql: String, toFile path: String) throws {
        var handle: OpaquePointer?
        defer { sqlite3_close_v2(handle) }
        guard sqlite3_open(path, &handle) == SQLITE_OK else { throw SQLiteFixtureError(message: "cannot create \(path)") }
        var failure: UnsafeMutablePointer<CChar>?
        guard sqlite3_exec(handle, sql, nil, nil, &failure) == SQLITE_OK else {
            defer { sqlite3_free(failure) }
            throw SQLiteFixtureError(message: failure.map { String(cString: $0) } ?? "sqlite3_exec failed")
        }
    }
}

public struct SQLiteFixtureError: Error {
    public let message: String
}

extension TemporaryProject {
    /// Writes `rows` under `header` as the table `table` of the SQLite file `path` (project-relative),
    /// each column typed as its values allow (INTEGER, REAL or TEXT), an empty cell as NULL, every
    /// value bound: the way a survey tool's export to SQLite would hold a CSV.
    public func writeSQLiteTable(_ table: String, header: [String], rows: [[String]], to path: String) throws {
        let types = Self.columnTypes(header: header, rows: rows)
        let columns = zip(header, types).map { "\"\($0.replacingOccurrences(of: "\"", with: "\"\""))\" \($1)" }.joined(separator: ", ")
        try writeSQLite("CREATE TABLE \"\(table)\" (\(columns));", to: path)
        var handle: OpaquePointer?
        defer { sqlite3_close_v2(handle) }
        guard sqlite3_open(root + "/" + path, &handle) == SQLITE_OK else { throw SQLiteFixtureError(message: "cannot open \(path)") }
        sqlite3_exec(handle, "BEGIN", nil, nil, nil)
        var statement: OpaquePointer?
        let insert = "INSERT INTO \"\(table)\" VALUES (" + Array(repeating: "?", count: header.count).joined(separator: ", ") + ")"
        guard sqlite3_prepare_v2(handle, insert, -1, &statement, nil) == SQLITE_OK else { throw SQLiteFixtureError(message: "cannot prepare the insert") }
        defer { sqlite3_finalize(statement) }
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        for row in rows {
            sqlite3_reset(statement)
            for (index, (cell, type)) in zip(row, types).enumerated() {
                let slot = Int32(index + 1)
                if cell.isEmpty { sqlite3_bind_null(statement, slot); continue }
                switch type {
                case "INTEGER": sqlite3_bind_int64(statement, slot, Int64(cell)!)
                case "REAL": sqlite3_bind_double(statement, slot, Double(cell)!)
                default: sqlite3_bind_text(statement, slot, cell, -1, transient)
                }
            }
            guard sqlite3_step(statement) == SQLITE_DONE else { throw SQLiteFixtureError(message: String(cString: sqlite3_errmsg(handle))) }
        }
        sqlite3_exec(handle, "COMMIT", nil, nil, nil)
    }

    /// INTEGER when every non-empty cell of a column is an integer, REAL when a number, else TEXT.
    public static func columnTypes(header: [String], rows: [[String]]) -> [String] {
        header.indices.map { column in
            let cells = rows.map { $0[column] }.filter { !$0.isEmpty }
            if !cells.isEmpty, cells.allSatisfy({ Int64($0) != nil }) { return "INTEGER" }
            if !cells.isEmpty, cells.allSatisfy({ Double($0) != nil }) { return "REAL" }
            return "TEXT"
        }
    }
}
