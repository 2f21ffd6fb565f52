import CanvassCore
import CanvassDatabase
import CanvassTestSupport
import Foundation
import Testing
@testable import CanvassContent

/// A survey whose rows are a table (or query) of an SQLite file reads exactly as the same rows in
/// a CSV file; what goes wrong is a diagnostic at the survey's entry in canvass.yml.
@Suite struct DatabaseSurveyTests {
    static let mapping = """
        id: rid
        pairs: {price: {expectation: exp_price, perception: perc_price}}
        nps: recommend
        attributes: {plan: category}
        text: [comment]
    """

    static func config(_ source: String) -> String {
        "title: S\ndimensions: [{id: price, label: Price}]\nsurveys:\n  - \(source)\n" + mapping + "\n"
    }

    static let csv = "rid,exp_price,perc_price,recommend,plan,comment\na,5,3,9,basic,Too slow\nb,6,6,10,pro,\nc,7,9,3,基础版,太贵了\nd,,4,x,pro,ok\n"
    static let sqlite = """
        CREATE TABLE responses (rid TEXT, exp_price INTEGER, perc_price INTEGER, recommend, plan TEXT, comment TEXT);
        INSERT INTO responses VALUES ('a', 5, 3, 9, 'basic', 'Too slow'), ('b', 6, 6, 10, 'pro', NULL),
            ('c', 7, 9, 3, '基础版', '太贵了'), ('d', NULL, 4, 'x', 'pro', 'ok');
        """

    /// The project loaded from `files`, with `database` (SQL) written to content/data/survey.sqlite.
    func load(_ files: [String: String], database: String? = sqlite) throws -> ProjectLoader.Result {
        let project = try TemporaryProject(files, includeTheme: false)
        defer { project.remove() }
        if let database { try project.writeSQLite(database, to: "content/data/survey.sqlite") }
        return ProjectLoader(root: project.root).load()
    }

    @Test func aTableReadsAsTheSameRowsInACSVFile() throws {
        let fromCSV = try #require(try load(["canvass.yml": Self.config("file: surveys/s.csv"), "content/surveys/s.csv": Self.csv]).project?.surveys.first)
        for source in ["file: data/survey.sqlite\n    table: responses", "file: data/survey.sqlite\n    query: SELECT * FROM responses ORDER BY rid"] {
            let result = try load(["canvass.yml": Self.config(source)])
            let fromDatabase = try #require(result.project?.surveys.first, "\(result.diagnostics.map(\.formatted))")
            #expect(fromDatabase.ids == fromCSV.ids)
            #expect(fromDatabase.numbers == fromCSV.numbers)
            #expect(fromDatabase.texts == fromCSV.texts)
            #expect(fromDatabase.emptyCounts == fromCSV.emptyCounts)
            #expect(fromDatabase.findings.map(\.message) == fromCSV.findings.map(\.message))
            #expect(fromDatabase.findings.map { "\($0.file):\($0.row) \($0.column ?? "")" } == ["content/data/survey.sqlite:3 perc_price", "content/data/survey.sqlite:4 recommend"])
            #expect(fromDatabase.path == "content/data/survey.sqlite")
        }
    }

    @Test func whatCannotBeReadIsADiagnosticAtTheSurveysEntry() throws {
        func places(_ source: String, database: String? = Self.sqlite) throws -> [String] {
            try load(["canvass.yml": Self.config(source)], database: database).diagnostics.map { "\($0.location?.description ?? "-") \($0.message) | \($0.hint ?? "")" }
        }
        #expect(try places("file: data/survey.sqlite\n    table: respones") == [
            "canvass.yml:4:11 cannot read survey rows from content/data/survey.sqlite: no such table: respones | did you mean `responses`?",
        ])
        #expect(try places("file: data/survey.sqlite\n    query: SELEC rid FROM responses") == [
            "canvass.yml:4:11 cannot read survey rows from content/data/survey.sqlite: near \"SELEC\": syntax error | ",
        ])
        let missing = try places("file: data/survey.sqlite\n    query: SELECT rid, plan FROM responses")
        #expect(missing == [
            "canvass.yml:4:11 the query of content/data/survey.sqlite has no column `comment` (mapped by `text`) | its columns are: rid, plan",
            "canvass.yml:4:11 the query of content/data/survey.sqlite has no column `exp_price` (mapped by `pairs.price.expectation`) | its columns are: rid, plan",
            "canvass.yml:4:11 the query of content/data/survey.sqlite has no column `perc_price` (mapped by `pairs.price.perception`) | its columns are: rid, plan",
            "canvass.yml:4:11 the query of content/data/survey.sqlite has no column `recommend` (mapped by `nps`) | its columns are: rid, plan",
        ])
        #expect(try places("file: data/survey.sqlite\n    table: responses", database: Self.sqlite + "INSERT INTO responses VALUES ('a', 1, 1, 1, 'pro', '');") == [
            "content/data/survey.sqlite:5:1 respondent id `a` is used twice (first on line 1) | every row needs its own id",
        ])
        #expect(try places("file: data/missing.sqlite\n    table: responses") == [
            "canvass.yml:4:11 content/data/missing.sqlite does not exist | paths in canvass.yml are relative to content/",
        ])
    }

    @Test func theConfigSaysHowARowSourceIsMisnamed() throws {
        func places(_ source: String) throws -> [String] {
            try load(["canvass.yml": Self.config(source), "content/surveys/s.csv": Self.csv]).diagnostics.map { "\($0.location?.description ?? "-") \($0.message)" }
        }
        #expect(try places("file: surveys/s.csv\n    table: responses") == [
            "canvass.yml:5:12 `surveys/s.csv` is a CSV file; `table` and `query` read an SQLite database",
        ])
        #expect(try places("file: data/survey.sqlite\n    table: responses\n    query: SELECT 1") == [
            "canvass.yml:6:12 a survey takes `table` or `query`, not both",
        ])
        #expect(try places("file: surveys/s.csv\n    timeout: 5") == [
            "canvass.yml:5:14 `timeout` is for rows read from a database (`table` or `query`)",
        ])
        #expect(try places("file: data/survey.sqlite\n    table: responses\n    timeout: soon") == [
            "canvass.yml:6:14 `timeout` must be a number of seconds above 0",
        ])
    }
}

/// The same survey in a PostgreSQL table on the test server (`Tests/Database/with_postgres.sh`).
@Suite(.enabled(if: ProcessInfo.processInfo.environment["CANVASS_TEST_POSTGRES"] != nil, "needs the test server: CANVASS_TEST_POSTGRES"))
struct PostgresSurveyTests {
    let server = ProcessInfo.processInfo.environment["CANVASS_TEST_POSTGRES"] ?? ""

    func load(_ source: String, environment: [String: String]) throws -> ProjectLoader.Result {
        let project = try TemporaryProject(["canvass.yml": DatabaseSurveyTests.config(source)], includeTheme: false)
        defer { project.remove() }
        return ProjectLoader(root: project.root, environment: environment).load()
    }

    @Test func aTableReadsAsTheSameRowsInACSVFile() throws {
        let table = "responses_" + UUID().uuidString.prefix(8).lowercased()
        let create = DatabaseSurveyTests.sqlite.replacingOccurrences(of: "responses", with: table).replacingOccurrences(of: "recommend,", with: "recommend text,")
        for statement in create.components(separatedBy: ";\n") where !statement.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            _ = try PostgresDatabase.query(connection: server, statement, timeout: 10)
        }
        defer { _ = try? PostgresDatabase.query(connection: server, "DROP TABLE " + SQLText.identifier(table), timeout: 10) }
        let csvProject = try TemporaryProject(["canvass.yml": DatabaseSurveyTests.config("file: surveys/s.csv"), "content/surveys/s.csv": DatabaseSurveyTests.csv], includeTheme: false)
        defer { csvProject.remove() }
        let fromCSV = try #require(ProjectLoader(root: csvProject.root).load().project?.surveys.first)
        let result = try load("postgres: SURVEY_DB\n    query: SELECT * FROM \(table) ORDER BY rid", environment: ["SURVEY_DB": server])
        let fromDatabase = try #require(result.project?.surveys.first, "\(result.diagnostics.map(\.formatted))")
        #expect(fromDatabase.ids == fromCSV.ids)
        #expect(fromDatabase.numbers == fromCSV.numbers)
        #expect(fromDatabase.texts == fromCSV.texts)
        #expect(fromDatabase.findings.map(\.message) == fromCSV.findings.map(\.message))
        #expect(fromDatabase.path == "$SURVEY_DB")

        let missing = try load("postgres: SURVEY_DB\n    table: no_such_table", environment: ["SURVEY_DB": server])
        #expect(missing.diagnostics.map { "\($0.location?.description ?? "-") \($0.message)" } == [
            "canvass.yml:4:15 cannot read survey rows from $SURVEY_DB: relation \"no_such_table\" does not exist",
        ])
    }
}

@Suite struct PostgresConfigTests {
    func places(_ source: String, environment: [String: String] = [:]) throws -> [String] {
        let project = try TemporaryProject(["canvass.yml": DatabaseSurveyTests.config(source)], includeTheme: false)
        defer { project.remove() }
        return ProjectLoader(root: project.root, environment: environment).load().diagnostics.map { "\($0.location?.description ?? "-") \($0.message)" }
    }

    @Test func theConnectionStringComesFromTheEnvironmentOnly() throws {
        #expect(try places("postgres: SURVEY_DB\n    table: responses") == [
            "canvass.yml:4:15 the environment variable `SURVEY_DB` holding the connection string is not set",
        ])
        #expect(try places("postgres: \"postgresql://u:secret@db/x\"\n    table: responses") == [
            "canvass.yml:4:15 `postgres` names the environment variable that holds the connection string; `postgresql://u:secret@db/x` is not such a name",
        ])
        #expect(try places("postgres: SURVEY_DB") == ["canvass.yml:4:15 a survey read from PostgreSQL needs `table` or `query`"])
        #expect(try places("postgres: SURVEY_DB\n    file: surveys/s.csv\n    table: t") == [
            "canvass.yml:5:11 a survey reads a `file` or a `postgres` database, not both",
        ])
        let unreachable = try places("postgres: SURVEY_DB\n    table: responses", environment: ["SURVEY_DB": "host=127.0.0.1 port=1 user=u password=secret dbname=x"])
        #expect(unreachable.count == 1)
        #expect(unreachable.first?.hasPrefix("canvass.yml:4:15 cannot read survey rows from $SURVEY_DB: cannot connect to the PostgreSQL server:") == true)
        #expect(unreachable.first?.contains("secret") == false)
    }
}

/// Service records in a PostgreSQL table, their times held as `timestamptz` (which PostgreSQL
/// writes back as `2026-09-12 06:12:00+00`), read as the same records in a CSV file.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["CANVASS_TEST_POSTGRES"] != nil, "needs the test server: CANVASS_TEST_POSTGRES"))
struct PostgresRecordsTests {
    let server = ProcessInfo.processInfo.environment["CANVASS_TEST_POSTGRES"] ?? ""
    static let config = "title: S\ncommitments: {P1: 4h, P2: 1d}\nrecords:\n  - %@\n    priority: priority\n    opened: opened_at\n    responded: responded_at\n"
    static let csv = "ticket,priority,opened_at,responded_at\nT-1,P1,2026-09-12T08:12:00+02:00,2026-09-12T09:00:00+02:00\nT-2,P2,2026-09-12T06:00:00Z,\nT-3,P1,2026-09-13T10:00:00Z,2026-09-13T09:00:00Z\n"

    func records(_ source: String, _ files: [String: String] = [:], environment: [String: String] = [:]) throws -> ServiceRecords? {
        let project = try TemporaryProject(["canvass.yml": Self.config.replacingOccurrences(of: "%@", with: source)].merging(files) { $1 }, includeTheme: false)
        defer { project.remove() }
        let result = ProjectLoader(root: project.root, environment: environment).load()
        #expect(result.diagnostics.filter { $0.severity == .error }.isEmpty, "\(result.diagnostics.map(\.formatted))")
        return result.project?.records.first
    }

    @Test func timestampsReadAsInTheCSV() throws {
        let table = "tickets_" + UUID().uuidString.prefix(8).lowercased()
        _ = try PostgresDatabase.query(connection: server, "CREATE TABLE \(table) (ticket text, priority text, opened_at timestamptz, responded_at timestamptz)", timeout: 10)
        defer { _ = try? PostgresDatabase.query(connection: server, "DROP TABLE \(table)", timeout: 10) }
        _ = try PostgresDatabase.query(
            connection: server, "INSERT INTO \(table) VALUES ('T-1', 'P1', $1, $2), ('T-2', 'P2', $3, NULL), ('T-3', 'P1', $4, $5)",
            binding: ["2026-09-12T08:12:00+02:00", "2026-09-12T09:00:00+02:00", "2026-09-12T06:00:00Z", "2026-09-13T10:00:00Z", "2026-09-13T09:00:00Z"], timeout: 10)
        let fromCSV = try #require(try records("file: records/t.csv", ["content/records/t.csv": Self.csv]))
        let fromDatabase = try #require(try records("postgres: TICKETS\n    query: SELECT * FROM \(table) ORDER BY ticket", environment: ["TICKETS": server]))
        #expect(fromDatabase.records.map(\.opened) == fromCSV.records.map(\.opened))
        #expect(fromDatabase.records.map(\.responded) == fromCSV.records.map(\.responded))
        #expect(fromDatabase.findings.map(\.message) == fromCSV.findings.map(\.message))
        #expect(fromCSV.records.count == 3 && fromCSV.findings.count == 1)
    }
}

