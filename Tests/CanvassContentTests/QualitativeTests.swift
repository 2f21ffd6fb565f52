import CanvassAnalysis
import CanvassCore
import Foundation
import Testing
@testable import CanvassContent

@Suite struct QualitativeTests {
    static let notes = [
        "content/interviews/a.md": "---\ntitle: A\nparticipants: [{id: p1}]\n---\n- Wants a list #onboarding #need/checklist\n- Too dear #pricing #need/cheaper\n",
        "content/interviews/b.md": "---\ntitle: B\nmethod: focus-group\nparticipants: [{id: p2}, {id: p3}]\n---\n> A list please #need/checklist #onboarding #pricing\n> — p2\n",
    ]
    static let codebook = "themes:\n  - {id: onboarding, label: Onboarding, dimension: service}\n  - {id: pricing, label: Pricing, dimension: price}\nneeds:\n  - {id: checklist, label: A checklist, dimension: service}\n"

    @Test func needPrioritiesWithoutASurveyByHand() throws {
        let project = try #require(try load(Self.notes.merging(["content/data/codebook.yml": Self.codebook]) { _, n in n }).project)
        let analysis = Analyzer.analyse(project)
        // checklist: 2 participants (p1 sole participant, p2 speaker) → reach 1; unknown importance 0.5; no gap.
        // cheaper: 1 participant → reach 0.5. Scores 0.5 + 0.125 and 0.25 + 0.125.
        #expect(analysis.needs.map(\.id) == ["checklist", "cheaper"])
        #expect(analysis.needs.map(\.score) == [0.625, 0.375])
        // 0.625 scores as P1, but two voices are too few for P1 (three needed): P2.
        #expect(analysis.needs.map(\.priority) == ["P2", "P3"])
        #expect(analysis.needs[0].label == "A checklist")
        #expect(analysis.needs[0].dimension == "service")
        // Without a codebook entry the dimension is the one most of the evidence's themes have.
        #expect(analysis.needs[1].dimension == "price")
    }

    @Test func needPrioritiesUseTheDimensionsImportanceAndGap() throws {
        let config = """
        title: S
        dimensions: [{id: service, label: Service}, {id: price, label: Price}]
        commitments: {P1: 4h, P2: 1d, P3: 3d}
        surveys:
          - file: surveys/s.csv
            id: id
            pairs: {service: {expectation: e, perception: p, importance: i}}
        """
        // Service: importance mean 6 on 1–7 → 5/6; gap mean −1.5 → shortfall 1.5 / 3 = 0.5.
        let csv = "id,e,p,i\na,6,4,6\nb,6,5,6\n"
        // A workshop raising it without a named speaker is a third voice, enough for P1.
        let workshop = "---\ntitle: W\nmethod: field-note\nparticipants: [{id: p4}, {id: p5}]\n---\n- The room wanted a list #need/checklist\n"
        let files = Self.notes.merging([
            "content/data/codebook.yml": Self.codebook, "canvass.yml": config, "content/surveys/s.csv": csv, "content/interviews/w.md": workshop,
        ]) { _, n in n }
        let project = try #require(try load(files).project)
        let checklist = try #require(Analyzer.analyse(project).needs.first { $0.id == "checklist" })
        #expect(checklist.participants == ["p1", "p2"] && checklist.groupNotes == 1 && checklist.voices == 3)
        #expect(abs(checklist.score - (0.5 + 0.25 * 5 / 6 + 0.25 * 0.5)) < 1e-12)
        #expect(checklist.priority == "P1" && checklist.commitment == "4h")
    }

    /// "0 participants, 1 mention" and a one-person wish at P2 were what a researcher hit.
    @Test func groupNotesAreVoicesAndOneVoiceIsNeverAboveP3() throws {
        let group = "---\ntitle: G\nmethod: focus-group\nparticipants: [{id: q1}, {id: q2}, {id: q3}]\n---\n- Faster search (3 votes) #need/search\n- Faster search again #need/search\n"
        let project = try #require(try load(["content/interviews/g.md": group]).project)
        let search = try #require(Analyzer.analyse(project).needs.first { $0.id == "search" })
        // One group note, two mentions: one voice, the most of any need → reach 1, score 0.625.
        #expect(search.participants.isEmpty && search.groupNotes == 1 && search.excerpts.count == 2)
        #expect(search.score == 0.625)
        #expect(search.priority == "P3")
        #expect(Need.priority(score: 0.9, voices: 1) == "P3")
        #expect(Need.priority(score: 0.9, voices: 2) == "P2")
        #expect(Need.priority(score: 0.6, voices: 3) == "P1")
        #expect(Need.priority(score: 0.59, voices: 9) == "P2")
        #expect(Need.priority(score: 0.4, voices: 2) == "P2")
        #expect(Need.priority(score: 0.39, voices: 9) == "P3")
        #expect(Need.priority(score: 0, voices: 0) == "P3")
    }

    @Test func themesCountCooccurrenceMethodsAndSentiment() throws {
        let project = try #require(try load(Self.notes.merging(["content/data/codebook.yml": Self.codebook]) { _, n in n }).project)
        let analysis = Analyzer.analyse(project)
        let onboarding = try #require(analysis.summary(themeID: "onboarding"))
        #expect(onboarding.excerpts.count == 2)
        #expect(onboarding.cooccurring == [Group(label: "pricing", value: 1)])
        #expect(onboarding.byMethod == [Group(label: "interview", value: 1), Group(label: "focus-group", value: 1)])
        #expect(onboarding.sentiment != nil)
        let pricing = try #require(analysis.summary(themeID: "pricing"))
        #expect(pricing.cooccurring == [Group(label: "onboarding", value: 1)])
    }

    @Test func recordsFindingsAndMissingColumns() throws {
        let config = """
        title: S
        commitments: {P1: 4h}
        records:
          - {file: records/t.csv, priority: prio, opened: o, responded: r}
        """
        let csv = "prio,o,r\nP1,2026-09-01T08:00Z,2026-09-01T07:00Z\nP7,2026-09-01T08:00Z,\nP1,yesterday,2026-09-01T09:00Z\n"
        let result = try load(["canvass.yml": config, "content/records/t.csv": csv])
        let records = try #require(result.project?.records.first)
        #expect(records.findings.map { "\($0.kind.rawValue) row \($0.row) \($0.column ?? "-")" } == [
            "response-before-opening row 1 r", "unknown-priority row 2 prio", "invalid-timestamp row 3 o",
        ])
        #expect(records.records.map(\.responseSeconds) == [nil, nil, nil])
        // A mapped column the file lacks is an error at the records entry, with the closest header.
        let wrong = try load(["canvass.yml": config, "content/records/t.csv": csv.replacingOccurrences(of: "prio,o,r", with: "prios,o,r")])
        #expect(wrong.project == nil)
        #expect(wrong.diagnostics.map { "\($0.location!) \($0.message)" } == ["canvass.yml:4:12 content/records/t.csv has no column `prio` (mapped by `records.priority`)"])
        #expect(wrong.diagnostics.first?.hint == "did you mean `prios`?")
    }

    @Test func userLexiconIsReadAndChecked() throws {
        let good = try load(["content/data/lexicon.yml": "en: {snappy: 2}\nzh: {丝滑: 2.5}\nstopwords: [clinic]\n"])
        #expect(good.project?.lexicon == UserLexicon(english: ["snappy": 2], chinese: ["丝滑": 2.5], stopwords: ["clinic"]))
        let bad = try load(["content/data/lexicon.yml": "en: {snappy: 9}\n"])
        #expect(bad.diagnostics.map { "\($0.location!) \($0.message)" } == ["content/data/lexicon.yml:1:14 the valence of `snappy` must be between −4 and 4"])
    }
}
