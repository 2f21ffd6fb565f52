import CanvassDatabase
import CanvassSite
import CanvassTestSupport
import Foundation
import Testing
@testable import CanvassContent

/// The repository's example study with its survey loaded into SQLite, and into PostgreSQL when
/// the test server runs: every figure of `site/data/` is the one the CSV gives, to 1e-9.
@Suite struct DatabaseExampleTests {
    static let survey = "content/surveys/clinic-survey.csv"

    /// The example study, and its survey's header and rows.
    func example() throws -> (TemporaryProject, header: [String], rows: [[String]]) {
        let root = TemporaryProject.repositoryRoot
        var files = ["canvass.yml": try String(contentsOfFile: root + "/canvass.yml", encoding: .utf8)]
        for (path, data) in TemporaryProject.snapshot(of: root + "/content") { files["content/" + path] = String(decoding: data, as: UTF8.self) }
        let project = try TemporaryProject(files)
        let (table, _) = CSVReader(file: SourceFile(path: Self.survey, text: try #require(files[Self.survey]))).read()
        let csv = try #require(table)
        return (project, csv.header, csv.records.map(\.fields))
    }

    /// `canvass.yml` with the survey's `file:` line replaced by `source`.
    func pointing(_ project: TemporaryProject, to source: String) throws {
        let config = try #require(project.read("canvass.yml"))
        let line = "  - file: surveys/clinic-survey.csv\n"
        try #require(config.contains(line))
        try project.write(config.replacingOccurrences(of: line, with: source), to: "canvass.yml")
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
        let (project, header, rows) = try example()
        defer { project.remove() }
        let fromCSV = try dataFiles(project)
        try project.writeSQLiteTable("clinic_survey", header: header, rows: rows, to: "content/data/clinic.sqlite")
        try pointing(project, to: "  - file: data/clinic.sqlite\n    table: clinic_survey\n")
        let fromSQLite = try dataFiles(project)
        #expect(fromSQLite.keys.sorted() == fromCSV.keys.sorted())
        #expect(fromCSV["data/gaps.json"] != nil && fromCSV["data/personas.json"] != nil)
        #expect(Self.differences(fromCSV, fromSQLite) == [])
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["CANVASS_TEST_POSTGRES"] != nil, "needs the test server: CANVASS_TEST_POSTGRES"))
    func theExampleFromPostgreSQLHasTheFiguresOfTheCSV() throws {
        let server = try #require(ProcessInfo.processInfo.environment["CANVASS_TEST_POSTGRES"])
        let (project, header, rows) = try example()
        defer { project.remove() }
        let fromCSV = try dataFiles(project)
        let table = "clinic_survey_" + UUID().uuidString.prefix(8).lowercased()
        let types = TemporaryProject.columnTypes(header: header, rows: rows).map { ["INTEGER": "integer", "REAL": "double precision"][$0] ?? "text" }
        let columns = zip(header, types).map { SQLText.identifier($0) + " " + $1 }.joined(separator: ", ")
        _ = try PostgresDatabase.query(connection: server, "CREATE TABLE \(SQLText.identifier(table)) (\(columns))", timeout: 30)
        defer { _ = try? PostgresDatabase.query(connection: server, "DROP TABLE " + SQLText.identifier(table), timeout: 30) }
        // Rows in batches, every value bound; an empty cell is NULL, cast to its column's type.
        for start in stride(from: 0, to: rows.count, by: 100) {
            let batch = Array(rows[start..<min(start + 100, rows.count)])
            let tuples = batch.indices.map { row in
                "(" + types.indices.map { "NULLIF($\(row * types.count + $0 + 1), '')::\(types[$0])" }.joined(separator: ", ") + ")"
            }
            _ = try PostgresDatabase.query(
                connection: server, "INSERT INTO \(SQLText.identifier(table)) VALUES " + tuples.joined(separator: ", "),
                binding: batch.flatMap { $0 }, timeout: 30)
        }
        try pointing(project, to: "  - postgres: CANVASS_TEST_POSTGRES\n    query: SELECT * FROM \(table) ORDER BY respondent_id\n")
        let fromPostgreSQL = try dataFiles(project)
        #expect(fromPostgreSQL.keys.sorted() == fromCSV.keys.sorted())
        #expect(Self.differences(fromCSV, fromPostgreSQL) == [])
    }
}
