import CanvassCore
import CanvassSite
import CanvassTestSupport
import Foundation
import Testing

/// Improvement actions end to end: mistakes in an action file, the effect of each action across
/// waves with its verdict, overdue actions, the pages, data/actions.json and the `{actions}` block.
@Suite struct ActionsSiteTests {
    static let config = """
    title: T
    dimensions: [{id: price, label: Price}, {id: service, label: Service}]
    surveys:
      - file: surveys/s.csv
        id: id
        waveColumn: wave
        pairs: {price: {expectation: e, perception: p}}
        nps: nps
        attributes: {plan: category}
        kpis:
          renewal: {column: renew, yes: [yes]}
    breakdowns: [plan]
    asOf: 2026-10-15

    """

    /// Three quarters of 40 (10 on pro): the price gap alternates −2/−1 in Q1 and Q2 and −1/0 in
    /// Q3; half renew in Q1 and Q2, three in four in Q3; NPS is the same mix every wave.
    static let csv: String = {
        var rows = ["id,wave,e,p,nps,plan,renew"]
        for (wave, lift, renewers) in [("2026-Q1", 0, 20), ("2026-Q2", 0, 20), ("2026-Q3", 1, 30)] {
            for i in 0..<40 {
                rows.append("\(wave)-\(i),\(wave),5,\(3 + i % 2 + lift),\([10, 8, 3, 10][i % 4]),\(i < 10 ? "pro" : "basic"),\(i < renewers ? "yes" : "no")")
            }
        }
        return rows.joined(separator: "\n") + "\n"
    }()

    static let codebook = """
    themes:
      - {id: onboarding, label: Onboarding, dimension: service, tags: [setup, need/checklist]}
    needs:
      - {id: checklist, label: A checklist, dimension: service}
    """

    func project(_ actions: [String: String], csv: String = Self.csv) throws -> TemporaryProject {
        var files = ["canvass.yml": Self.config, "content/surveys/s.csv": csv, "content/data/codebook.yml": Self.codebook,
                     "content/interviews/a.md": "---\ntitle: A\ndate: 2026-09-01\n---\nWanted a list #setup #need/checklist\n"]
        for (name, text) in actions { files["content/actions/\(name).md"] = text }
        return try TemporaryProject(files)
    }

    @Test func mistakesInAnActionFileAreErrorsAtTheirPlace() throws {
        let project = try project(["bad": """
        ---
        id: Bad Id!
        title: Fix it
        status: finished
        start: 2026-13-01
        due: soon
        addresses: [need:nope, goal:x]
        targets:
          - {metric: nps.x, value: 1}
          - {metric: kpi.renewal, value: 150}
          - {metric: gap.price}
          - {metric: gap.price, value: 1, persona: p, segment: {plan: pro}}
          - {metric: gap.price, value: 1, segment: {region: north}}
        owners: me
        ---
        """, "untitled": "---\nstatus: done\n---\n", "nofront": "Just text.\n",
           "twice": "---\nid: zz\ntitle: One\n---\n", "zz": "---\ntitle: Two\n---\n"])
        defer { project.remove() }
        let report = Pipeline(options: .init(root: project.root)).check()
        #expect(!report.succeeded)
        #expect(places(report) == [
            "content/actions/bad.md:2:5 `id` `Bad Id!` may hold only letters, digits, `-` and `_`",
            "content/actions/bad.md:4:9 `status` must be one of planned, in-progress, done, dropped; `finished` is not",
            "content/actions/bad.md:5:8 `start` must be a date written YYYY-MM-DD, not `2026-13-01`",
            "content/actions/bad.md:6:6 `due` must be a date written YYYY-MM-DD, not `soon`",
            "content/actions/bad.md:7:24 `goal:x` in `addresses` must be written kind:id, with kind one of need, theme, dimension",
            "content/actions/bad.md:9:14 `nps.x` is not a metric",
            "content/actions/bad.md:10:34 the target of `kpi.renewal` must lie between 0 and 100, not 150",
            "content/actions/bad.md:11:5 target `gap.price` needs a `value`, the level it should reach",
            "content/actions/bad.md:12:56 a target is for one `persona` or one `segment`, not both",
            "content/actions/bad.md:13:45 `segment` names attribute `region`, which no survey maps under `attributes`",
            "content/actions/bad.md:14:1 unknown key `owners` in an action's front matter",
            "content/actions/nofront.md:1:1 an action needs front matter with at least a `title`",
            "content/actions/untitled.md:2:1 an action needs a `title`",
            "content/actions/zz.md:1:1 action id `zz` is already used by content/actions/twice.md",
        ])
        #expect(report.diagnostics.first { $0.message.hasPrefix("unknown key `owners`") }?.hint == "did you mean `owner`?")
    }

    @Test func whatAnActionNamesMustExistInTheStudy() throws {
        let project = try project(["a": """
        ---
        title: A
        status: done
        start: 2026-07-01
        addresses: [need:checklst, theme:onboard, dimension:servce]
        targets:
          - {metric: gap.price, value: -1, persona: nobody}
          - {metric: gap.price, value: -1, segment: {plan: gold}}
        ---
        """])
        defer { project.remove() }
        let report = Pipeline(options: .init(root: project.root)).check()
        #expect(places(report) == [
            "content/actions/a.md:5:13 action `a` addresses need `checklst`, which does not exist",
            "content/actions/a.md:5:28 action `a` addresses theme `onboard`, which does not exist",
            "content/actions/a.md:5:43 action `a` addresses dimension `servce`, which does not exist",
            "content/actions/a.md:7:5 target `gap.price` of action `a` is for persona `nobody`, which does not exist",
            "content/actions/a.md:8:5 target `gap.price` of action `a` is for `plan: gold`, which no respondent has",
        ])
        #expect(report.diagnostics[0].hint == "did you mean `need:checklist`?")
        #expect(report.diagnostics[3].hint == "this study has no personas")
        #expect(report.diagnostics[4].hint == "values of plan: basic, pro")
    }

    @Test func undatedWavesCannotPlaceAnAction() throws {
        let undated = Self.csv.replacingOccurrences(of: "2026-Q", with: "W")
        let project = try project(["a": "---\ntitle: A\nstatus: done\nstart: 2026-07-01\ntargets: [{metric: nps, value: 0}]\n---\n"], csv: undated)
        defer { project.remove() }
        let report = Pipeline(options: .init(root: project.root)).check()
        #expect(places(report) == [
            "content/actions/a.md:5:11 action `a` has targets, but wave `W1` names no dates, so no wave can be placed before or after its start",
        ])
    }

    static let actions = [
        // Q2 before, Q3 after: the price gap −1.5 → −0.5 and renewal 50% → 75%.
        "worked": """
        ---
        title: Clearer prices
        owner: Pricing
        status: done
        start: 2026-07-01
        due: 2026-09-30
        addresses: [dimension:price, need:checklist]
        targets:
          - {metric: gap.price, value: -1}
          - {metric: kpi.renewal, value: 80}
          - {metric: gap.price, value: -1, segment: {plan: pro}}
        ---
        We **rewrote** the price page.
        """,
        // Q1 before, Q3 after: the same NPS mix.
        "flat": "---\ntitle: Flat\nstatus: done\nstart: 2026-04-01\ntargets: [{metric: nps, value: 50}]\n---\n",
        "early": "---\ntitle: Early\nstatus: in-progress\nstart: 2026-10-01\ndue: 2026-12-31\ntargets: [{metric: nps, value: 50}]\n---\n",
        "first": "---\ntitle: First\nstatus: done\nstart: 2026-01-01\ntargets: [{metric: nps, value: 50}]\n---\n",
        "late": "---\ntitle: Late\nstatus: planned\ndue: 2026-08-01\naddresses: [theme:onboarding]\n---\n",
    ]

    @Test func eachActionGetsTheVerdictItsWavesSupport() throws {
        let project = try project(Self.actions)
        defer { project.remove() }
        let (report, files) = Pipeline(options: .init(root: project.root)).render()
        #expect(report.succeeded, "\(places(report))")
        let data = try #require(JSONSerialization.jsonObject(with: Data(try file(files, "data/actions.json").utf8)) as? [String: Any])
        #expect(data["asOf"] as? String == "2026-10-15")
        let actions = try #require(data["actions"] as? [[String: Any]])
        #expect(actions.map { $0["id"] as? String } == ["early", "first", "flat", "late", "worked"])
        #expect(actions.map { $0["verdict"] as? String } == ["no-wave-after", "no-wave-before", "no-detectable-change", nil, "improved"])
        #expect(actions.map { $0["overdue"] as? Bool } == [false, false, false, true, false])
        let targets = try #require(actions[4]["targets"] as? [[String: Any]])
        // Gap: −1.5 → −0.5, both sd √(10/39), n 40: SE = √(2·(10/39)/40), t = 1/SE, df = 78.
        let gap = targets[0], gapTest = try #require(gap["test"] as? [String: Any])
        #expect((gap["before"] as? [String: Any])?["wave"] as? String == "2026-Q2" && (gap["after"] as? [String: Any])?["wave"] as? String == "2026-Q3")
        #expect(abs((gap["difference"] as? Double ?? 0) - 1) < 1e-12)
        #expect(gapTest["kind"] as? String == "welch-t")
        #expect(abs((gapTest["statistic"] as? Double ?? 0) - 1 / (20.0 / 1560).squareRoot()) < 1e-9)
        #expect(abs((gapTest["degreesOfFreedom"] as? Double ?? 0) - 78) < 1e-9)
        #expect(gap["verdict"] as? String == "improved" && gap["targetMet"] as? Bool == true)
        // Renewal: 20/40 → 30/40; pooled 0.625, z = 0.25 / √(0.625·0.375·(2/40)).
        let renewal = targets[1], renewalTest = try #require(renewal["test"] as? [String: Any])
        #expect(abs((renewal["difference"] as? Double ?? 0) - 25) < 1e-9)
        #expect(abs((renewalTest["statistic"] as? Double ?? 0) - 0.25 / (0.625 * 0.375 / 20).squareRoot()) < 1e-9)
        #expect(renewal["verdict"] as? String == "improved" && renewal["targetMet"] as? Bool == false, "75% is short of 80%")
        // Pro only: ten a wave, too few for a verdict, though the figures are there.
        #expect(targets[2]["segment"] as? [String: String] == ["plan": "pro"])
        #expect((targets[2]["before"] as? [String: Any])?["n"] as? Int == 10)
        #expect(targets[2]["verdict"] as? String == "too-few-answers")
        let flat = try #require((actions[2]["targets"] as? [[String: Any]])?.first)
        #expect((flat["before"] as? [String: Any])?["wave"] as? String == "2026-Q1" && flat["difference"] as? Double == 0)
        #expect((flat["test"] as? [String: Any])?["p"] as? Double == 1)

        let index = try file(files, "actions/index.html")
        #expect(index.contains("5 actions: 1 improved · 1 no detectable change · 1 too early to tell: no wave since the start · 1 not yet measurable: no wave before the start · 1 overdue"))
        #expect(index.contains("href=\"../actions/worked/index.html\"") && index.contains("class=\"data-table sortable stack\""))
        let page = try file(files, "actions/worked/index.html")
        #expect(page.contains("We <strong>rewrote</strong> the price page."))
        #expect(page.contains("Change: <strong>+25 pts</strong>") && page.contains("two-proportion z = "))
        #expect(page.contains("Welch t = 8.83, df = 78.0, p &lt; 0.001"))
        #expect(page.contains("chart-control chart-wide"))
        #expect(page.contains("href=\"../../needs/index.html#need-checklist\""))
        // Needs, dimensions and the home page link to the actions about them.
        #expect(try file(files, "needs/index.html").contains("href=\"../actions/worked/index.html\""))
        #expect(try file(files, "gaps/price/index.html").contains("href=\"../../actions/worked/index.html\""))
        let home = try file(files, "index.html")
        #expect(home.contains("Improvement actions") && home.contains("href=\"actions/late/index.html\""), "the overdue action is named on the home page")
        #expect(try file(files, "methodology/index.html").contains("Welch–Satterthwaite"))
        let search = try file(files, "search/docs/0.js")
        #expect(search.contains("\"action\"") && search.contains("Clearer prices") && search.contains("actions/worked/index.html"), "actions are searchable")
    }

    /// A segment with nobody in the wave after the start: the side is there with n = 0 and no
    /// figure, and the verdict says why there is none.
    @Test func aWaveWithoutAnswersForTheSegmentGivesNoDifference() throws {
        let noProInQ3 = Self.csv.split(separator: "\n").filter { !($0.contains(",2026-Q3,") && $0.contains(",pro,")) }.joined(separator: "\n") + "\n"
        let project = try project(["a": "---\ntitle: A\nstatus: done\nstart: 2026-07-01\ntargets: [{metric: gap.price, value: -1, segment: {plan: pro}}]\n---\n"],
                                  csv: noProInQ3)
        defer { project.remove() }
        let (report, files) = Pipeline(options: .init(root: project.root)).render()
        #expect(report.succeeded, "\(places(report))")
        let data = try #require(JSONSerialization.jsonObject(with: Data(try file(files, "data/actions.json").utf8)) as? [String: Any])
        let target = try #require(((data["actions"] as? [[String: Any]])?.first?["targets"] as? [[String: Any]])?.first)
        let after = try #require(target["after"] as? [String: Any])
        #expect(after["wave"] as? String == "2026-Q3" && after["n"] as? Int == 0 && after["value"] is NSNull)
        #expect(target["difference"] is NSNull && target["test"] is NSNull && target["targetMet"] is NSNull)
        #expect(target["verdict"] as? String == "too-few-answers")
        #expect(try file(files, "actions/a/index.html").contains("not yet measurable: too few answers"))
    }

    /// `service.P1` counts the P1 tickets opened during each wave's days (UTC) answered within
    /// 4 h: 1 of 2 in Q2 (one on 30 June at 23:30 +00:00; the other, 1 July 00:30 +02:00, is still
    /// 30 June in UTC), 3 of 3 in Q3; a P2 ticket and one without a response take no part.
    @Test func serviceLevelTargetsCountTheTicketsOfEachWave() throws {
        let tickets = """
        p,o,r
        P1,2026-06-30T23:30Z,2026-07-01T01:00Z
        P1,2026-07-01T00:30+02:00,2026-07-01T09:00+02:00
        P1,2026-07-02T08:00Z,2026-07-02T09:00Z
        P1,2026-08-02T08:00Z,2026-08-02T09:00Z
        P1,2026-09-30T20:00Z,2026-09-30T21:00Z
        P1,2026-09-03T08:00Z,
        P2,2026-07-04T08:00Z,2026-07-09T08:00Z

        """
        let records = "commitments: {P1: 4h, P2: 1d}\nrecords:\n  - {file: records/t.csv, priority: p, opened: o, responded: r}\n"
        var files = ["canvass.yml": Self.config + records, "content/surveys/s.csv": Self.csv, "content/records/t.csv": tickets,
                     "content/actions/a.md": "---\ntitle: A\nstatus: done\nstart: 2026-07-01\ntargets: [{metric: service.P1, value: 90}]\n---\n"]
        let project = try TemporaryProject(files)
        defer { project.remove() }
        let (report, built) = Pipeline(options: .init(root: project.root)).render()
        #expect(report.succeeded, "\(places(report))")
        let data = try #require(JSONSerialization.jsonObject(with: Data(try file(built, "data/actions.json").utf8)) as? [String: Any])
        let target = try #require(((data["actions"] as? [[String: Any]])?.first?["targets"] as? [[String: Any]])?.first)
        let before = try #require(target["before"] as? [String: Any]), after = try #require(target["after"] as? [String: Any])
        #expect(before["wave"] as? String == "2026-Q2" && before["n"] as? Int == 2 && before["value"] as? Double == 50)
        #expect(after["wave"] as? String == "2026-Q3" && after["n"] as? Int == 3 && after["value"] as? Double == 100)
        #expect(target["difference"] as? Double == 50 && target["verdict"] as? String == "too-few-answers" && target["targetMet"] as? Bool == true)
        #expect((target["test"] as? [String: Any])?["kind"] as? String == "two-proportion-z")
        #expect(try file(built, "actions/a/index.html").contains("Within commitment · P1"))

        // Not a survey figure: no wave-by-wave target, no segment; a priority needs a commitment.
        files["canvass.yml"]! += "targets: {service.P1: 90}\n"
        files["content/actions/a.md"] = "---\ntitle: A\ntargets:\n  - {metric: service.P1, value: 90, segment: {plan: pro}}\n  - {metric: service.P3, value: 90}\n---\n"
        let wrong = try TemporaryProject(files)
        defer { wrong.remove() }
        let mistakes = Pipeline(options: .init(root: wrong.root)).check()
        #expect(places(mistakes) == [
            "canvass.yml:17:11 `service.P1` is not monitored by survey wave",
            "content/actions/a.md:4:46 `service.P1` counts service records, which have no persona or segment",
            "content/actions/a.md:5:14 metric `service.P3`: no commitment is set for priority `P3`",
        ])
        #expect(mistakes.diagnostics[2].hint == "did you mean `service.P1`?" || mistakes.diagnostics[2].hint == "known: service.all, service.P1, service.P2")
    }

    @Test func theBlockListsActionsOrShowsOnesEffects() throws {
        var files = Self.actions
        files["../pages/r"] = "---\ntitle: R\n---\n```{actions}\nstatus: [done]\n```\n\n```{actions}\naction: worked\n```\n\n```{actions}\naction: nothing\n```\n"
        let bad = try project(files)
        defer { bad.remove() }
        #expect(places(Pipeline(options: .init(root: bad.root)).render().0) == ["content/pages/r.md:13:1 block `{actions}`: action `nothing` does not exist"])
        files["../pages/r"] = String(files["../pages/r"]!.components(separatedBy: "\n\n```{actions}\naction: nothing")[0]) + "\n"
        let project = try project(files)
        defer { project.remove() }
        let (report, built) = Pipeline(options: .init(root: project.root)).render()
        #expect(report.succeeded, "\(places(report))")
        let html = try file(built, "pages/r/index.html")
        #expect(html.contains("href=\"../../actions/flat/index.html\"") && !html.contains("href=\"../../actions/late/index.html\""), "only done actions in the first")
        #expect(html.contains("Welch t = 8.83"), "the second shows the effects")
    }
}
