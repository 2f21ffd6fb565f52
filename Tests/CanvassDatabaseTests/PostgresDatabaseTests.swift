import CanvassDatabase
import Foundation
import Testing

/// The test server's connection string, if there is one.
let testServer = ProcessInfo.processInfo.environment["CANVASS_TEST_POSTGRES"]

/// Against a real server: `make test` and `.ci/run` start one (`Tests/Database/with_postgres.sh`)
/// and name it in `CANVASS_TEST_POSTGRES`; without it these tests are skipped, visibly.
@Suite(.enabled(if: testServer != nil, "set CANVASS_TEST_POSTGRES, or run under Tests/Database/with_postgres.sh"))
struct PostgresDatabaseTests {
    static let server = testServer

    /// A table of its own per test, named `name` and made by `sql` (which creates it as `{t}`;
    /// statements end with `;` at the end of a line).
    func table(_ name: String, _ sql: String) throws -> String {
        let table = name + "_" + UUID().uuidString.prefix(8).lowercased()
        for statement in sql.replacingOccurrences(of: "{t}", with: SQLText.identifier(table)).components(separatedBy: ";\n") {
            _ = try PostgresDatabase.query(connection: Self.server!, String(statement), timeout: 10)
        }
        return table
    }

    func drop(_ table: String) {
        _ = try? PostgresDatabase.query(connection: Self.server!, "DROP TABLE " + SQLText.identifier(table), timeout: 10)
    }

    @Test func valuesComeBackAsTheTextACSVCellWouldHold() throws {
        let t = try table("cells", """
            CREATE TABLE {t} (id text, score integer, share double precision, exact numeric, note text, missing text);
            INSERT INTO {t} VALUES ('r-1', 5, 0.1, 2.50, '太贵了, "really"', NULL), ('r-2', -3, 2, 7, '', NULL)
            """)
        defer { drop(t) }
        let result = try PostgresDatabase.query(connection: Self.server!, SQLText.selectAll(from: t) + " ORDER BY id", timeout: 10)
        #expect(result.columns == ["id", "score", "share", "exact", "note", "missing"])
        #expect(result.rows == [["r-1", "5", "0.1", "2.50", "太贵了, \"really\"", nil], ["r-2", "-3", "2", "7", "", nil]])
    }

    @Test func valuesAreBoundAndNamesQuotedNeverPasted() throws {
        let t = try table("odd \"name\"", "CREATE TABLE {t} (id text);\nINSERT INTO {t} VALUES ('a'), ('b''; DROP TABLE x; --')")
        defer { drop(t) }
        let hostile = "b'; DROP TABLE x; --"
        let found = try PostgresDatabase.query(connection: Self.server!, SQLText.selectAll(from: t) + " WHERE id = $1", binding: [hostile], timeout: 10)
        #expect(found.rows == [[hostile]])
    }

    @Test func faultsSayWhatWentWrong() throws {
        #expect(throws: DatabaseError("relation \"no_such_table\" does not exist")) {
            try PostgresDatabase.query(connection: Self.server!, SQLText.selectAll(from: "no_such_table"), timeout: 10)
        }
        #expect(throws: DatabaseError("syntax error at or near \"SELEC\"")) {
            try PostgresDatabase.query(connection: Self.server!, "SELEC 1", timeout: 10)
        }
        #expect(throws: DatabaseError("the query took longer than 0.5 s and was stopped")) {
            try PostgresDatabase.query(connection: Self.server!, "SELECT pg_sleep(5)", timeout: 0.5)
        }
        // Nothing listens on port 1; and a database that is not there.
        let unreachable = #expect(throws: DatabaseError.self) {
            try PostgresDatabase.query(connection: "host=127.0.0.1 port=1 user=canvass dbname=canvass", "SELECT 1", timeout: 5)
        }
        #expect(unreachable?.message.hasPrefix("cannot connect to the PostgreSQL server: connection to server at \"127.0.0.1\", port 1 failed") == true)
        let missing = #expect(throws: DatabaseError.self) {
            try PostgresDatabase.query(connection: Self.server! + " dbname=no_such_database", "SELECT 1", timeout: 5)
        }
        #expect(missing?.message.hasSuffix("database \"no_such_database\" does not exist") == true)
    }
}
