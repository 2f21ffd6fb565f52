@testable import CanvassAnalysis
import CanvassCore
import CanvassSupport
import Foundation
import Testing

/// The analysis is a function of the project: what it may reuse it asks its memo for, once per
/// build, and it takes the memo's answer as it is.
@Suite struct AnalysisMemoTests {
    static let files = [
        "canvass.yml": """
        title: S
        dimensions: [{id: price, label: Price}]
        surveys:
          - file: surveys/s.csv
            id: rid
            pairs: {price: {expectation: exp_price, perception: perc_price}}
            nps: recommend
            attributes: {plan: category, age: numeric}
            text: [comment]
        personas: {attributes: [plan, age], k: 2, seed: 7}
        """,
        "content/surveys/s.csv": "rid,exp_price,perc_price,recommend,plan,age,comment\n"
            + (0..<40).map { "r\($0),\(5 + $0 % 3),\(3 + $0 % 4),\($0 % 11),\($0 % 2 == 0 ? "basic" : "pro"),\(25 + $0),Too slow \($0)\n" }.joined(),
        "content/data/codebook.yml": "themes:\n  - {id: onboarding, label: Onboarding, tags: [setup]}\n",
        "content/interviews/a.md": "---\ntitle: A\nparticipants: [{id: p1}]\n---\n> Slow setup, really annoying. #setup\n> — p1\n\n- Wants a checklist #setup\n",
    ]

    /// What a reader sees of an analysis: gaps, NPS, personas and their sizes, themes with their keywords.
    static func figures(_ analysis: ProjectAnalysis) -> [String] {
        (analysis.surveys?.dimensions.map { "gap \($0.dimension.id) \($0.gap.mean ?? .nan)" } ?? [])
            + [analysis.surveys?.nps.map { "nps \($0.overall.score ?? .nan)" } ?? "no nps"]
            + (analysis.personas?.personas.map { "persona \($0.id) \($0.size)" } ?? [])
            + analysis.themes.map { "theme \($0.theme.id) \($0.excerpts.count) \($0.keywords.map(\.label))" }
    }

    @Test func eachReusablePartIsAskedForOnceAndTheFiguresAreTheWorkedOutOnes() throws {
        let project = try loadedProject(Self.files)
        let memo = CountingMemo()
        let asked = Analyzer.analyse(project, memo: memo)
        #expect(memo.counts == ["surveys": 1, "answers": 1, "sentiment": 1, "themes": 1, "terms": 1, "segmentation": 1])
        let plain = Analyzer.analyse(project)
        #expect(Self.figures(asked) == Self.figures(plain))
        #expect(asked.text.excerptSentiment == plain.text.excerptSentiment)
        #expect(plain.personas?.personas.count == 2)
        #expect(try #require(plain.themes.first?.keywords.isEmpty) == false)
    }

    /// A memo that answers "no survey analysis" is believed: the analysis does not work it out behind its back.
    @Test func theMemosAnswerIsTaken() throws {
        let project = try loadedProject(Self.files)
        let memo = CountingMemo(surveyAnswer: .some(nil))
        let analysis = Analyzer.analyse(project, memo: memo)
        #expect(analysis.surveys == nil && analysis.personas == nil)
        #expect(memo.counts["segmentation"] == nil)
    }

    /// A survey analysis already under way (the build session starts one while the notes load)
    /// stands for the analysis's own: the memo is not asked for one.
    @Test func aSurveyAnalysisUnderWayIsTakenInsteadOfAskingTheMemo() throws {
        let project = try loadedProject(Self.files)
        let started = Background { Analyzer.surveyAnalysis(config: project.config, surveys: project.surveys) }
        let memo = CountingMemo()
        let analysis = Analyzer.analyse(project, memo: memo, survey: started)
        #expect(memo.counts["surveys"] == nil && memo.counts["segmentation"] == nil)
        #expect(Self.figures(analysis) == Self.figures(Analyzer.analyse(project)))
    }
}
