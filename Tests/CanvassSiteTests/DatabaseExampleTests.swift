import CanvassDatabase
import CanvassSite
import CanvassTestSupport
import Foundation
import Testing
@testable import CanvassContent

/// The repository's example study with its survey loaded into SQLite, and into PostgreSQL when
/// the test server runs: every figure of `site/data/` is the one the CSV gives, to 1e-9.
@Suite struct DatabaseExampleTests {
    /// The example's survey and service records, and the tables they become.
    static let tables = [("content/surveys/clinic-survey.csv", "clinic_survey"), ("content/records/tickets.csv", "tickets")]

    /// The example study, and the header and rows of each CSV file of `tables`.
    func example() throws -> (TemporaryProject, csv: [String: (header: [String], rows: [[String]])]) {
        let root = TemporaryProject.repositoryRoot
        var files = ["canvass.yml": try String(contentsOfFile: root + "/canvass.yml", encoding: .utf8)]
        for (path, data) in TemporaryProject.snapshot(of: root + "/content") { files["content/" + path] = String(decoding: data, as: UTF8.self) }
        let project = try TemporaryProject(files)
        var csv: [String: (header: [String], rows: [[String]])] = [:]
        for (path, _) in Self.tables {
            let text = try #require(files[path])
            let table = try #require(CSVReader(file: SourceFile(path: path, text: text)).read().0)
            csv[path] = (table.header, table.records.map(\.fields))
        }
        return (project, csv)
    }

    /// `canvass.yml` with each `file:` line of `tables` replaced by `source(path, table)`.
    func pointing(_ project: TemporaryProject, to source: (String, String) -> String) throws {
        var config = try #require(project.read("canvass.yml"))
        for (path, table) in Self.tables {
            let line = "  - file: " + path.dropFirst("content/".count) + "\n"
            try #require(config.contains(line))
            config = config.replacingOccurrences(of: line, with: source(path, table))
        }
        try project.write(config, to: "canvass.yml")
    }

    /// The data files of a build, parsed.
    func dataFiles(_ project: TemporaryProject) throws -> [String: Any] {
        let (report, files) = Pipeline(options: .init(root: project.root)).render()
        try #require(report.succeeded, "\(report.diagnostics.map(\.formatted))")
        var parsed: [String: Any] = [:]
        for file in files where file.path.hasPrefix("data/") {
            parsed[file.path] = try JSONSerialization.jsonObject(with: Data(file.bytes))
        }
        return parsed
    }

    /// Where two parsed JSON values differ: numbers by more than 1e-9, anything else at all. The
    /// places of quality findings (`file`, `line`) and the survey's name say where rows came from.
    static func differences(_ a: Any, _ b: Any, at path: String = "") -> [String] {
        switch (a, b) {
        case let (a as [String: Any], b as [String: Any]):
            guard Set(a.keys) == Set(b.keys) else { return ["\(path): keys \(a.keys.sorted()) ≠ \(b.keys.sorted())"] }
            return a.keys.sorted().filter { !["file", "line", "survey"].contains($0) }.flatMap { differences(a[$0]!, b[$0]!, at: path + "." + $0) }
        case let (a as [Any], b as [Any]):
            guard a.count == b.count else { return ["\(path): \(a.count) ≠ \(b.count) items"] }
            return zip(a, b).enumerated().flatMap { differences($1.0, $1.1, at: path + "[\($0)]") }
        case let (a as NSNumber, b as NSNumber):
            return abs(a.doubleValue - b.doubleValue) <= 1e-9 ? [] : ["\(path): \(a) ≠ \(b)"]
        default:
            return "\(a)" == "\(b)" ? [] : ["\(path): \(a) ≠ \(b)"]
        }
    }

    @Test func theExampleFromSQLiteHasTheFiguresOfTheCSV() throws {
        let (project, csv) = try example()
        defer { project.remove() }
        let fromCSV = try dataFiles(project)
        for (path, table) in Self.tables {
            try project.writeSQLiteTable(table, header: csv[path]!.header, rows: csv[path]!.rows, to: "content/data/example.sqlite")
        }
        try pointing(project) { _, table in "  - file: data/example.sqlite\n    table: \(table)\n" }
        let fromSQLite = try dataFiles(project)
        #expect(fromSQLite.keys.sorted() == fromCSV.keys.sorted())
        #expect(fromCSV["data/gaps.json"] != nil && fromCSV["data/personas.json"] != nil && fromCSV["data/service.json"] != nil)
        #expect(Self.differences(fromCSV, fromSQLite) == [])
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["CANVASS_TEST_POSTGRES"] != nil, "needs the test server: CANVASS_TEST_POSTGRES"))
    func theExampleFromPostgreSQLHasTheFiguresOfTheCSV() throws {
        let server = try #require(ProcessInfo.processInfo.environment["CANVASS_TEST_POSTGRES"])
        let (project, csv) = try example()
        defer { project.remove() }
        let fromCSV = try dataFiles(project)
        let suffix = "_" + UUID().uuidString.prefix(8).lowercased()
        for (path, table) in Self.tables {
            let (header, rows) = csv[path]!
            // Timestamps stay text: the example has a date that is not one (a data-quality finding),
            // which a `timestamptz` column would refuse. `PostgresRecordsTests` reads real ones.
            let types = TemporaryProject.columnTypes(header: header, rows: rows).map { ["INTEGER": "integer", "REAL": "double precision"][$0] ?? "text" }
            let name = SQLText.identifier(table + suffix)
            _ = try PostgresDatabase.query(connection: server, "CREATE TABLE \(name) (\(zip(header, types).map { SQLText.identifier($0) + " " + $1 }.joined(separator: ", ")))", timeout: 30)
            // Rows in batches, every value bound; an empty cell is NULL, cast to its column's type.
            for start in stride(from: 0, to: rows.count, by: 100) {
                let batch = Array(rows[start..<min(start + 100, rows.count)])
                let tuples = batch.indices.map { row in
                    "(" + types.indices.map { "NULLIF($\(row * types.count + $0 + 1), '')::\(types[$0])" }.joined(separator: ", ") + ")"
                }
                _ = try PostgresDatabase.query(connection: server, "INSERT INTO \(name) VALUES " + tuples.joined(separator: ", "), binding: batch.flatMap { $0 }, timeout: 30)
            }
        }
        defer {
            for (_, table) in Self.tables { _ = try? PostgresDatabase.query(connection: server, "DROP TABLE " + SQLText.identifier(table + suffix), timeout: 30) }
        }
        try pointing(project) { path, table in
            "  - postgres: CANVASS_TEST_POSTGRES\n    query: SELECT * FROM \(table + suffix) ORDER BY \(SQLText.identifier(csv[path]!.header[0]))\n"
        }
        let fromPostgreSQL = try dataFiles(project)
        #expect(fromPostgreSQL.keys.sorted() == fromCSV.keys.sorted())
        #expect(Self.differences(fromCSV, fromPostgreSQL) == [])
    }

    /// A table on a server can change while no file does: `canvass build` never takes the study as
    /// up to date, and the next build shows the table as it is now.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["CANVASS_TEST_POSTGRES"] != nil, "needs the test server: CANVASS_TEST_POSTGRES"))
    func aStudyReadingAServerIsNeverUpToDate() throws {
        let server = try #require(ProcessInfo.processInfo.environment["CANVASS_TEST_POSTGRES"])
        let table = SQLText.identifier("answers_" + UUID().uuidString.prefix(8).lowercased())
        _ = try PostgresDatabase.query(connection: server, "CREATE TABLE \(table) AS SELECT 'r-' || i AS rid, 9 AS recommend FROM generate_series(1, 20) AS i", timeout: 30)
        defer { _ = try? PostgresDatabase.query(connection: server, "DROP TABLE " + table, timeout: 30) }
        let project = try TemporaryProject([
            "canvass.yml": "title: T\nsurveys:\n  - postgres: CANVASS_TEST_POSTGRES\n    query: SELECT * FROM \(table) ORDER BY rid\n    id: rid\n    nps: recommend\n",
        ])
        defer { project.remove() }
        func build() throws -> Pipeline.Report {
            let report = Pipeline(options: .init(root: project.root), session: BuildSession(keeping: .onDisk)).build()
            try #require(report.succeeded, "\(report.diagnostics.map(\.formatted))")
            return report
        }
        _ = try build()
        #expect(try project.read("site/data/nps.json")?.contains("\"score\": 100") == true)
        _ = try PostgresDatabase.query(connection: server, "UPDATE \(table) SET recommend = 0", timeout: 30)
        #expect(try !build().upToDate)
        #expect(try project.read("site/data/nps.json")?.contains("\"score\": -100") == true)
    }
}
