import CanvassCore
import CanvassTestSupport
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
            "canvass.yml:5:14 `timeout` is for a survey read from a database (`table` or `query`)",
        ])
        #expect(try places("file: data/survey.sqlite\n    table: responses\n    timeout: soon") == [
            "canvass.yml:6:14 `timeout` must be a number of seconds above 0",
        ])
    }
}
