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
