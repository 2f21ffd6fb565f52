import CanvassDatabase
import CanvassTestSupport
import Foundation
import Testing

@Suite struct SQLiteDatabaseTests {
    /// A temporary database file made by `sql`, removed by the caller.
    func database(_ sql: String) throws -> String {
        let path = NSTemporaryDirectory() + "canvass-sqlite-\(UUID().uuidString).sqlite"
        try TemporaryProject.writeSQLite(sql, toFile: path)
        return path
    }

    @Test func valuesComeBackAsTheTextACSVCellWouldHold() throws {
        let path = try database("""
            CREATE TABLE t (id TEXT, score INTEGER, share REAL, note TEXT, missing TEXT);
            INSERT INTO t VALUES ('r-1', 5, 0.1, '太贵了, "really"', NULL), ('r-2', -3, 2.0, '', NULL);
            """)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try SQLiteDatabase.query(file: path, SQLText.selectAll(from: "t"), timeout: 5)
        #expect(result.columns == ["id", "score", "share", "note", "missing"])
        #expect(result.rows == [["r-1", "5", "0.1", "太贵了, \"really\"", nil], ["r-2", "-3", "2.0", "", nil]])
        #expect(result.rows.map { Double($0[2]!)! } == [0.1, 2.0])
    }

    @Test func valuesAreBoundAndNamesQuotedNeverPasted() throws {
        let path = try database(#"""
            CREATE TABLE "odd ""name""" (id TEXT);
            INSERT INTO "odd ""name""" VALUES ('a'), ('b''; DROP TABLE x; --');
            """#)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(SQLText.identifier("odd \"name\"") == "\"odd \"\"name\"\"\"")
        #expect(SQLText.identifier("main.t") == "\"main\".\"t\"")
        let hostile = "b'; DROP TABLE x; --"
        let found = try SQLiteDatabase.query(
            file: path, SQLText.selectAll(from: "odd \"name\"") + " WHERE id = ?", binding: [hostile], timeout: 5)
        #expect(found.rows == [[hostile]])
    }

    @Test func faultsSayWhatWentWrong() throws {
        let path = try database("CREATE TABLE t (id TEXT);")
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: DatabaseError("no such table: nothing")) {
            try SQLiteDatabase.query(file: path, SQLText.selectAll(from: "nothing"), timeout: 5)
        }
        #expect(throws: DatabaseError("no such column: other")) {
            try SQLiteDatabase.query(file: path, "SELECT other FROM t", timeout: 5)
        }
        let missing = NSTemporaryDirectory() + "canvass-no-such-\(UUID().uuidString).sqlite"
        #expect(throws: DatabaseError("cannot open \(missing) as an SQLite database: unable to open database file")) {
            try SQLiteDatabase.query(file: missing, "SELECT 1", timeout: 5)
        }
        // Opening read-only never creates the file.
        #expect(!FileManager.default.fileExists(atPath: missing))
        let text = NSTemporaryDirectory() + "canvass-not-sqlite-\(UUID().uuidString).sqlite"
        try Data("id,score\na,1\n".utf8).write(to: URL(fileURLWithPath: text))
        defer { try? FileManager.default.removeItem(atPath: text) }
        #expect(throws: DatabaseError("file is not a database")) {
            try SQLiteDatabase.query(file: text, SQLText.selectAll(from: "t"), timeout: 5)
        }
        #expect(SQLiteDatabase.tables(file: path, timeout: 5) == ["t"])
    }

    @Test func aQueryPastItsTimeoutIsStopped() throws {
        let path = try database("CREATE TABLE t (id TEXT);")
        defer { try? FileManager.default.removeItem(atPath: path) }
        // A recursive query that would count for a long time.
        let endless = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n"
        #expect(throws: DatabaseError("the query took longer than 0.2 s and was stopped")) {
            try SQLiteDatabase.query(file: path, endless, timeout: 0.2)
        }
    }
}
