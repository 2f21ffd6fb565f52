import CanvassAnalysis
import CanvassContent
import CanvassCore
import CanvassTestSupport
@testable import CanvassRender

/// A small project exercising every page type and optional field, loaded and analysed.
struct RenderFixture {
    static let files: [String: String] = [
        "content/data/codebook.yml": """
        themes:
          - {id: onboarding, label: Onboarding, dimension: service, description: "First weeks.", tags: [setup, 上手]}
          - {id: price, label: "Price <b>& value</b>", dimension: price}
        """,
        "content/interviews/call.md": """
        ---
        title: "Call with <script>alert(1)</script>"
        date: 2026-09-14
        summary: "A \\"quoted\\" summary & more"
        participants:
          - {id: p1, name: "Jane <img src=x onerror=alert(1)>", role: Manager, attributes: {plan: pro}}
        tags: [setup]
        ---
        ## Setup
        > Took two weeks. <script>alert(2)</script> #onboarding
        > — p1

        - Cheaper please [click](javascript:alert(3)) #price #need/cheaper-seats
        """,
        "content/interviews/zh.md": """
        ---
        title: 访谈
        date: 2026-09-19
        method: focus-group
        participants: [{id: p2}, {id: p3, role: 护士}]
        ---
        > 培训太少了。 #上手
        > — p3
        """,
    ]

    /// A survey touching every mapping, for the survey pages.
    static let surveyFiles: [String: String] = [
        "canvass.yml": TemporaryProject.defaultConfig + """

        surveys:
          - file: surveys/s.csv
            id: id
            waveColumn: wave
            pairs:
              service: {expectation: e_s, perception: p_s, importance: i_s}
              price: {expectation: e_p, perception: p_p}
            ratings: [ease]
            nps: nps
            csat: {column: sat, scale: {min: 1, max: 5}, top: 2}
            attributes: {plan: category, age: numeric}
            text: [comment]
            duration: secs
            competitors: {Acme: {price: acme_p}}
            kano:
              offline: {functional: kf, dysfunctional: kd}
            kpis:
              satisfied: {column: sat, top: 2, scale: {min: 1, max: 5}, label: Satisfied}
              pro: {column: plan, yes: [pro]}
        breakdowns: [plan, age]
        weighting: {margins: {plan: {basic: 0.6, pro: 0.4}}, trim: {min: 0.5, max: 2}}
        personas: {attributes: [plan, age], k: auto, seed: 1}
        targets: {nps: 0, kpi.pro: 60, gap.service: -2}
        targeting: {value: age, reach: age, growth: age, segments: [plan], weights: {size: 1, shortfall: 2}}
        commitments: {P1: 4h, P2: 1d, P3: 3d}
        records:
          - {file: records/t.csv, priority: p, opened: o, responded: r, resolved: x, dimension: d}
        """,
        "content/records/t.csv": """
        p,o,r,x,d
        P1,2026-09-01T08:00Z,2026-09-01T09:00Z,2026-09-01T12:00Z,service
        P1,2026-09-02T08:00Z,2026-09-02T14:00Z,,service
        P2,2026-10-01T08:00+02:00,2026-10-02T09:00+02:00,,price
        P9,2026-10-01T08:00Z,2026-10-01T08:30Z,,price
        P3,not a time,2026-10-01T08:30Z,,service
        """,
        "content/personas/basic.md": """
        ---
        id: plan-basic-age-low
        name: "Young <i>basic</i> users"
        photo: face.png
        ---
        They **mostly** book online.
        """,
        "content/personas/face.png": "not really a png",
        "content/actions/setup-call.md": """
        ---
        title: "Call <b>new</b> clinics"
        owner: "CS <script>x</script>"
        status: done
        start: 2026-04-01
        due: 2026-05-15
        addresses: [need:cheaper-seats, theme:onboarding, dimension:service]
        targets:
          - {metric: gap.service, value: -1}
          - {metric: kpi.pro, value: 50, segment: {plan: pro}}
          - {metric: nps, value: 0, persona: plan-basic-age-low}
        ---
        We **call** them. <script>alert(4)</script>
        """,
        "content/actions/later.md": "---\ntitle: Later\nstatus: planned\ndue: 2026-06-01\ntargets: [{metric: csat, value: 60}]\n---\n",
        "content/pages/brief.md": "---\ntitle: Brief\n---\n## Conclusions\n\n### Numbers\n\n```{metric}\nvalue: nps\n```\n",
        "content/surveys/s.csv": #"""
        id,wave,e_s,p_s,i_s,e_p,p_p,ease,nps,sat,plan,age,comment,secs,acme_p,kf,kd
        a,2026-Q1,6,4,7,5,4,5,9,5,basic,30,"Slow, ""really""",300,5,1,3
        b,2026-Q1,7,5,6,6,3,4,6,2,pro,45,,310,,1,5
        c,2026-Q2,5,5,5,4,4,4,10,4,basic,52,<b>hi</b>,20,4,3,5
        d,2026-Q2,6,3,6,5,9,3,7,3,pro,61,,400,3,2,5
        """#,
    ]

    let project: TemporaryProject
    let loaded: Project
    let templates: TemplateSet

    init(language: Language = .english, withSurvey: Bool = true, extra: [String: String] = [:]) throws {
        var files = Self.files.merging(withSurvey ? Self.surveyFiles : [:]) { _, new in new }.merging(extra) { _, new in new }
        if language == .chinese { files["canvass.yml"]! += "\nlanguage: zh-Hans\n" }
        project = try TemporaryProject(files)
        let result = ProjectLoader(root: project.root).load()
        guard let loaded = result.project else { throw FixtureError.load(result.diagnostics) }
        self.loaded = loaded
        let (templates, diagnostics) = TemplateSet.load(projectRoot: project.root, language: language)
        guard let templates else { throw FixtureError.load(diagnostics) }
        self.templates = templates
    }

    var renderer: SiteRenderer {
        SiteRenderer(project: loaded, analysis: Analyzer.analyse(loaded), templates: templates)
    }

    enum FixtureError: Error {
        case load([Diagnostic])
    }
}
