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

        - Cheaper please [click](javascript:alert(3)) #price
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

    let project: TemporaryProject
    let loaded: Project
    let templates: TemplateSet

    init(language: Language = .english, extra: [String: String] = [:]) throws {
        var files = Self.files.merging(extra) { _, new in new }
        if language == .chinese { files["canvass.yml"] = TemporaryProject.defaultConfig + "\nlanguage: zh-Hans\n" }
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
