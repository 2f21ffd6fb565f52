import CanvassAnalysis
import CanvassContent
import CanvassCore
import CanvassSupport
import CanvassTestSupport
import Testing

@Suite struct ThemeAnalysisTests {
    let notes = """
    ---
    title: T
    participants: [{id: p1}]
    ---
    > Slow setup. #setup
    > — p1

    - Wants a list #need/checklist
    - Unrelated #pricing
    """

    @Test func codebookThemesCountNestedTagsAndParticipants() throws {
        let project = try #require(try load([
            "content/data/codebook.yml": "themes:\n  - {id: onboarding, label: Onboarding, tags: [setup, need]}\n  - {id: pricing, label: Pricing}\n",
            "content/interviews/a.md": notes,
        ]).project)
        let analysis = Analyzer.analyse(project)
        let onboarding = try #require(analysis.summary(themeID: "onboarding"))
        #expect(onboarding.excerpts.count == 2)
        #expect(onboarding.noteIDs == ["a"])
        #expect(onboarding.participantIDs == ["p1"])
        // The theme's own id counts as a tag.
        #expect(analysis.summary(themeID: "pricing")?.excerpts.count == 1)
        #expect(analysis.themes.map(\.theme.id) == ["onboarding", "pricing"])
    }

    @Test func withoutACodebookTagsAreThemes() throws {
        let project = try #require(try load(["content/interviews/a.md": notes]).project)
        let analysis = Analyzer.analyse(project)
        #expect(analysis.themes.map(\.theme.id) == ["need-checklist", "pricing", "setup"])
        #expect(analysis.themes.map(\.excerpts.count) == [1, 1, 1])
        #expect(analysis.themeIndex.themeIDs(forTag: "need") == [])
    }

    @Test func withoutACodebookTagsWithTheSameIDAreOneTheme() throws {
        // `need/checklist` and `need-checklist` would both be themes/need-checklist/: one page, one theme.
        let other = "---\ntitle: U\n---\n- Also a list #need-checklist and slow #setup\n"
        let project = try #require(try load(["content/interviews/a.md": notes, "content/interviews/b.md": other]).project)
        let analysis = Analyzer.analyse(project)
        #expect(analysis.themes.map(\.theme.id) == ["need-checklist", "setup", "pricing"])
        let merged = try #require(analysis.summary(themeID: "need-checklist"))
        #expect(merged.theme.tags == ["need-checklist", "need/checklist"])
        #expect(merged.excerpts.count == 2)
        #expect(merged.noteIDs.sorted() == ["a", "b"])
        #expect(merged.cooccurring.map(\.label) == ["setup"])
    }

    /// Participants are listed by name, once each, however many excerpts and notes name them: for a
    /// theme most participants raised (counted by marking) and for one a few raised (by sorting).
    @Test func themeParticipantsAreDistinctAndInNameOrder() throws {
        var files: [String: String] = [:]
        for number in 1...80 {
            let id = String(format: "p%02d", 81 - number)
            files["content/interviews/n\(number).md"] = "---\ntitle: N\(number)\nparticipants: [{id: \(id)}]\n---\n- Slow #common\n- Again slow #common\n"
        }
        files["content/interviews/group.md"] = """
        ---
        title: Group
        method: focus-group
        participants: [{id: p07}, {id: p03}]
        ---
        > Rare one #rare
        > — p07

        > Rare two #rare
        > — p03

        > Rare three #rare
        > — p07
        """
        let analysis = Analyzer.analyse(try #require(try load(files).project))
        #expect(analysis.summary(themeID: "common")?.participantIDs == (1...80).map { String(format: "p%02d", $0) })
        #expect(analysis.summary(themeID: "rare")?.participantIDs == ["p03", "p07"])
        #expect(analysis.summary(themeID: "rare")?.excerpts.map(\.text) == ["Rare one", "Rare two", "Rare three"])
    }

    @Test func groupObservationsNameNoParticipant() throws {
        let group = "---\ntitle: G\nmethod: focus-group\nparticipants: [{id: a}, {id: b}]\n---\n- All agreed #x\n"
        let project = try #require(try load(["content/interviews/g.md": group]).project)
        let summary = try #require(Analyzer.analyse(project).summary(themeID: "x"))
        #expect(summary.excerpts.count == 1)
        #expect(summary.participantIDs.isEmpty)
    }

    /// The survey analysis `Pipeline` starts while the notes load is the one the analysis takes,
    /// with the same figures; one started from another config (say, before a change of profile)
    /// is not taken, and the analysis works out its own.
    @Test func surveyAnalysisStartedWhileNotesLoadIsTakenOnlyForTheSameInputs() throws {
        let temporary = try TemporaryProject([
            "canvass.yml": SurveyLoadingTests.config,
            "content/surveys/s.csv": "rid,exp_price,perc_price,recommend,plan,comment\na,5,3,9,basic,\nb,6,6,10,pro,\nc,7,4,3,pro,\n",
            "content/interviews/a.md": goodNote,
        ], includeTheme: false)
        defer { temporary.remove() }
        let started = LockedValue<(config: ProjectConfig, surveys: [SurveyData])?>(nil)
        let project = try #require(ProjectLoader(root: temporary.root).load { started.set(($0, $1)) }.project)
        let (config, surveys) = try #require(started.get())
        #expect(config == project.config)
        #expect(surveys.map(\.ids) == [["a", "b", "c"]])

        let gap = { (analysis: ProjectAnalysis) in analysis.surveys?.dimensions.first.map { ($0.dimension.label, $0.gap.mean) } }
        let own = try #require(gap(Analyzer.analyse(project)))
        #expect(own.0 == "Price")
        #expect(abs(try #require(own.1) - (-5.0 / 3)) < 1e-12)
        let taken = try #require(gap(Analyzer.analyse(project, early: Analyzer.startSurveyAnalysis(config: config, surveys: surveys))))
        #expect(taken.0 == own.0 && taken.1 == own.1)

        var other = config
        other.dimensions[0].label = "Cost"
        let refused = try #require(gap(Analyzer.analyse(project, early: Analyzer.startSurveyAnalysis(config: other, surveys: surveys))))
        #expect(refused.0 == "Price")
    }

    /// Surveys that fail to load start no analysis.
    @Test func surveysWithErrorsStartNoAnalysis() throws {
        let temporary = try TemporaryProject([
            "canvass.yml": SurveyLoadingTests.config,
            "content/surveys/s.csv": "rid,exp_price,perc_price,recommend,plan,comment\na,5,3,9,basic,\na,6,6,10,pro,\n",
        ], includeTheme: false)
        defer { temporary.remove() }
        let called = LockedValue(false)
        let result = ProjectLoader(root: temporary.root).load { _, _ in called.set(true) }
        #expect(result.project == nil)
        #expect(places(result.diagnostics) == ["content/surveys/s.csv:3:1 error"])
        #expect(!called.get())
    }
}
