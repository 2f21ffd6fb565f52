import CanvassSupport
import CanvassTestSupport
import CanvassCore
import Testing
@testable import CanvassContent

@Suite struct SurveyLoadingTests {
    static let config = """
    title: S
    dimensions: [{id: price, label: Price}]
    surveys:
      - file: surveys/s.csv
        id: rid
        pairs: {price: {expectation: exp_price, perception: perc_price}}
        nps: recommend
        attributes: {plan: category}
        text: [comment]
    """

    func survey(_ csv: String) throws -> (SurveyData?, [Diagnostic]) {
        let result = try load(["canvass.yml": Self.config, "content/surveys/s.csv": csv])
        return (result.project?.surveys.first, result.diagnostics)
    }

    @Test func readsQuotedCommasNewlinesBOMAndCRLF() throws {
        let csv = "\u{FEFF}rid,exp_price,perc_price,recommend,plan,comment\r\n"
            + "a,5,4,9,basic,\"Too slow, really\r\nsecond line\"\r\n"
            + "b,6,6,10,pro,\"He said \"\"fine\"\"\"\r\n"
            + "c,7,5,3,基础版,太贵了\r\n"
        let (data, diagnostics) = try survey(csv)
        #expect(diagnostics.isEmpty)
        let loaded = try #require(data)
        #expect(loaded.ids == ["a", "b", "c"])
        #expect(loaded.lines == [2, 4, 5])
        #expect(loaded.texts["comment"]! == ["Too slow, really\nsecond line", "He said \"fine\"", "太贵了"])
        #expect(loaded.texts["plan"]! == ["basic", "pro", "基础版"])
        #expect(loaded.numbers["perc_price"]! == [4, 6, 5])
    }

    @Test func invalidRatingsAreFindingsNotValues() throws {
        let csv = "rid,exp_price,perc_price,recommend,plan,comment\na,5,9,11,basic,\nb,x,4.5,,pro,\nc,,3,7,pro,\n"
        let (data, diagnostics) = try survey(csv)
        #expect(diagnostics.isEmpty)
        let loaded = try #require(data)
        #expect(loaded.numbers["perc_price"]! == [nil, nil, 3])
        #expect(loaded.numbers["exp_price"]! == [5, nil, nil])
        let findings = Set(loaded.findings.map { "\($0.kind.rawValue) row \($0.row) line \($0.line) \($0.column ?? "-") \($0.value ?? "")" })
        #expect(findings == [
            "out-of-range row 1 line 2 perc_price 9",
            "out-of-range row 1 line 2 recommend 11",
            "non-numeric row 2 line 3 exp_price x",
            "out-of-range row 2 line 3 perc_price 4.5",
        ])
        #expect(loaded.emptyCounts["exp_price"] == 1)
        #expect(loaded.emptyCounts["recommend"] == 1)
    }

    @Test func aMissingColumnNamesFileKeyAndClosestHeader() throws {
        let (_, diagnostics) = try survey("rid,exp_price,perc_prise,recommend,plan,comment\na,1,2,3,basic,\n")
        #expect(diagnostics.map(\.message) == ["content/surveys/s.csv has no column `perc_price` (mapped by `pairs.price.perception`)"])
        #expect(diagnostics[0].hint == "did you mean `perc_prise`?")
        #expect(diagnostics[0].location == SourceLocation(file: "canvass.yml", line: 4, column: 11))
    }

    @Test func duplicateIDsAreErrorsAtTheSecondRow() throws {
        let (data, diagnostics) = try survey("rid,exp_price,perc_price,recommend,plan,comment\na,1,2,3,basic,\nb,1,2,3,basic,\na,1,2,3,basic,\n")
        #expect(data == nil)
        #expect(diagnostics.map { $0.location?.description } == ["content/surveys/s.csv:4:1"])
        #expect(diagnostics[0].message == "respondent id `a` is used twice (first on line 2)")
    }

    @Test func malformedCSVIsADiagnosticAtItsPlace() throws {
        let ragged = try survey("rid,exp_price,perc_price,recommend,plan,comment\na,1,2,3,basic\n")
        // Too few fields: the caret stands just past the row's end, where the missing one goes.
        #expect(ragged.1.map { "\($0.location!) \($0.message)" } == ["content/surveys/s.csv:2:14 row has 5 fields; the header has 6"])
        #expect(ragged.1[0].formatted.contains("    a,1,2,3,basic\n                 ^"))
        #expect(ragged.1[0].hint?.contains("`comment`") == true)
        // Too many: under the first field the header has no column for.
        let long = try survey("rid,exp_price,perc_price,recommend,plan,comment\na,1,2,3,basic,ok,extra\n")
        #expect(long.1.map { "\($0.location!) \($0.message)" } == ["content/surveys/s.csv:2:18 row has 7 fields; the header has 6"])
        // After a quoted field that holds a line break, the place is on the line the row ends on.
        let multiline = try survey("rid,exp_price,perc_price,recommend,plan,comment\na,1,2,3,\"two\nlines\"\n")
        #expect(multiline.1.map { $0.location!.description } == ["content/surveys/s.csv:3:7"])
        let open = try survey("rid,exp_price,perc_price,recommend,plan,comment\na,1,2,3,basic,\"never closed\n")
        #expect(open.1.map { "\($0.location!) \($0.message)" } == ["content/surveys/s.csv:2:15 quoted field is never closed"])
        let stray = try survey("rid,exp_price,perc_price,recommend,plan,comment\na,1,2,3,\"basic\"x,\n")
        #expect(stray.1.map { "\($0.location!) \($0.message)" } == ["content/surveys/s.csv:2:16 unexpected text after a closing quote"])
        let empty = try survey("")
        #expect(empty.1.map(\.message) == ["CSV file is empty"])
        let duplicateHeader = try survey("rid,exp_price,perc_price,recommend,plan,comment,plan\n")
        #expect(duplicateHeader.1.map(\.message) == ["column `plan` appears twice in the header (columns 5 and 7)"])
    }
}

/// A load in steps: the config, then (on a thread of its own, beside the notes) the surveys it
/// names, then the rest. The data step says whether its surveys are the project's, so the survey
/// analysis can start on them before the notes are loaded.
@Suite struct LoadStepTests {
    func steps(_ csv: String) throws -> (ProjectLoader.DataStep, ProjectLoader.Result) {
        let temporary = try TemporaryProject([
            "canvass.yml": SurveyLoadingTests.config, "content/surveys/s.csv": csv, "content/interviews/a.md": goodNote,
        ], includeTheme: false)
        defer { temporary.remove() }
        let loader = ProjectLoader(root: temporary.root)
        let config = loader.loadConfig()
        let data = loader.loadData(config)
        return (data, loader.load(config, data: Background { data }))
    }

    @Test func theDataStepGivesTheSurveysTheProjectWillHave() throws {
        let (data, result) = try steps("rid,exp_price,perc_price,recommend,plan,comment\na,5,3,9,basic,\nb,6,6,10,pro,\n")
        #expect(data.usable)
        let project = try #require(result.project)
        #expect(data.surveys.map(\.ids) == [["a", "b"]])
        #expect(project.surveys.map(\.digest) == data.surveys.map(\.digest))
        #expect(project.notes.map(\.id) == ["a"])
    }

    @Test func surveysWithErrorsAreNotUsable() throws {
        let (data, result) = try steps("rid,exp_price,perc_price,recommend,plan,comment\na,5,3,9,basic,\na,6,6,10,pro,\n")
        #expect(!data.usable)
        #expect(result.project == nil)
        #expect(places(result.diagnostics) == ["content/surveys/s.csv:3:1 error"])
    }

    @Test func aConfigNamingAMissingSurveyReadsNoData() throws {
        let temporary = try TemporaryProject(["canvass.yml": SurveyLoadingTests.config], includeTheme: false)
        defer { temporary.remove() }
        let loader = ProjectLoader(root: temporary.root)
        let config = loader.loadConfig()
        #expect(!config.namesData)
        #expect(places(loader.load(config, data: nil).diagnostics) == ["canvass.yml:4:11 error"])
    }
}
