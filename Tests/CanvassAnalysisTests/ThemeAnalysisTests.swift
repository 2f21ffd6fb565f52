import CanvassAnalysis
import CanvassCore
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
        let project = try loadedProject([
            "content/data/codebook.yml": "themes:\n  - {id: onboarding, label: Onboarding, tags: [setup, need]}\n  - {id: pricing, label: Pricing}\n",
            "content/interviews/a.md": notes,
        ])
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
        let project = try loadedProject(["content/interviews/a.md": notes])
        let analysis = Analyzer.analyse(project)
        #expect(analysis.themes.map(\.theme.id) == ["need-checklist", "pricing", "setup"])
        #expect(analysis.themes.map(\.excerpts.count) == [1, 1, 1])
        #expect(analysis.themeIndex.themeIDs(forTag: "need") == [])
    }

    @Test func withoutACodebookTagsWithTheSameIDAreOneTheme() throws {
        // `need/checklist` and `need-checklist` would both be themes/need-checklist/: one page, one theme.
        let other = "---\ntitle: U\n---\n- Also a list #need-checklist and slow #setup\n"
        let project = try loadedProject(["content/interviews/a.md": notes, "content/interviews/b.md": other])
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
        let analysis = Analyzer.analyse(try loadedProject(files))
        #expect(analysis.summary(themeID: "common")?.participantIDs == (1...80).map { String(format: "p%02d", $0) })
        #expect(analysis.summary(themeID: "rare")?.participantIDs == ["p03", "p07"])
        #expect(analysis.summary(themeID: "rare")?.excerpts.map(\.text) == ["Rare one", "Rare two", "Rare three"])
    }

    @Test func groupObservationsNameNoParticipant() throws {
        let group = "---\ntitle: G\nmethod: focus-group\nparticipants: [{id: a}, {id: b}]\n---\n- All agreed #x\n"
        let project = try loadedProject(["content/interviews/g.md": group])
        let summary = try #require(Analyzer.analyse(project).summary(themeID: "x"))
        #expect(summary.excerpts.count == 1)
        #expect(summary.participantIDs.isEmpty)
    }
}
