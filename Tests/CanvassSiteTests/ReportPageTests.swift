import CanvassCore
import CanvassSite
import CanvassSupport
import CanvassTestSupport
import Foundation
import Testing

/// The example study copied into a temporary project, with extra files.
func exampleProject(_ extra: [String: String]) throws -> TemporaryProject {
    let root = TemporaryProject.repositoryRoot
    var files: [String: String] = ["canvass.yml": try String(contentsOfFile: root + "/canvass.yml", encoding: .utf8)]
    for (path, data) in TemporaryProject.snapshot(of: root + "/content") where !path.hasSuffix(".py") {
        files["content/" + path] = String(decoding: data, as: UTF8.self)
    }
    return try TemporaryProject(files.merging(extra) { _, new in new })
}

func render(_ project: TemporaryProject) -> (Pipeline.Report, [String: String]) {
    let (report, files) = Pipeline(options: .init(root: project.root)).render()
    return (report, Dictionary(uniqueKeysWithValues: files.map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) }))
}

@Suite struct ReportPageTests {
    static let everyBlock = """
    ---
    title: Every block
    order: 3
    ---
    ## Figures

    ```{metric}
    value: nps
    label: Would recommend
    ```

    ```{nps}
    by: plan
    ```

    ```{gap-chart}
    dimensions: [service, price]
    ```

    ```{gap-chart}
    persona: plan-enterprise-clinic-size-large
    ```

    ```{gap-table}
    dimensions: [price]
    by: clinic_size
    ```

    ```{ipa-chart}
    ```

    ```{trend-chart}
    dimensions: [service]
    ```

    ```{competitor-chart}
    competitor: Acme
    dimensions: [price]
    ```

    ## People

    ```{persona-card}
    persona: plan-basic-clinic-size-small
    ```

    ```{persona-grid}
    limit: 2
    ```

    ```{quotes}
    theme: reminders
    persona: plan-pro-clinic-size-small
    limit: 2
    ```

    ```{theme-chart}
    dimension: service
    limit: 3
    ```

    ```{kano-table}
    ```

    ```{service-levels}
    by: dimension
    ```

    ```{needs-table}
    priority: [P1]
    ```

    ```{target-segments}
    ```

    ```{target-segments}
    of: segments
    limit: 3
    ```

    ```swift
    let ordinary = "code"
    ```
    """

    @Test func everyBlockRendersAsRecorded() throws {
        let project = try exampleProject(["content/pages/every-block.md": Self.everyBlock])
        defer { project.remove() }
        let (report, files) = render(project)
        #expect(report.succeeded, "\(report.diagnostics.map(\.formatted))")
        let page = try #require(files["pages/every-block/index.html"])
        let body = try #require(page.components(separatedBy: "<div class=\"report-body\">").last?.components(separatedBy: "<p class=\"meta source\">").first)
        let outcome = Golden.compare(body, toFileAt: goldenFolder + "/blocks/every-block.html")
        #expect(outcome == .matches, "\(outcome)")
        // Ordinary fenced code stays code.
        #expect(body.contains("<pre><code class=\"language-swift\">let ordinary = &quot;code&quot;\n</code></pre>"))
        #expect(page.contains("<a href=\"#figures\">Figures</a>"))
    }

    @Test func unknownBlocksAndOptionsAreErrorsAtTheirLine() throws {
        let page = "---\ntitle: Typos\n---\nIntro.\n\n```{gap-chat}\n```\n\n```{quotes}\ntheme: onboarding\nlimt: 3\n```\n"
        let project = try exampleProject(["content/pages/typos.md": page])
        defer { project.remove() }
        let (report, _) = render(project)
        #expect(!report.succeeded)
        #expect(report.diagnostics.map { "\($0.location!) \($0.message)" } == [
            "content/pages/typos.md:6:1 unknown block `{gap-chat}`",
            "content/pages/typos.md:11:1 block `{quotes}` has no option `limt`",
        ])
        #expect(report.diagnostics[0].hint?.hasPrefix("did you mean `gap-chart`? blocks: actions, competitor-chart, gap-chart") == true)
        #expect(report.diagnostics[1].hint == "did you mean `limit`? options: theme, persona, dimension, need, limit")
    }

    @Test func wrongReferencesInBlocksAreErrorsAtTheOption() throws {
        let page = "---\ntitle: Refs\n---\n```{persona-card}\npersona: busy-owners\n```\n\n```{gap-table}\ndimensions: [servise]\n```\n"
        let project = try exampleProject(["content/pages/refs.md": page])
        defer { project.remove() }
        let (report, _) = render(project)
        #expect(report.diagnostics.map { "\($0.location!) \($0.message)" } == [
            "content/pages/refs.md:5:1 block `{persona-card}`: persona `busy-owners` does not exist",
            "content/pages/refs.md:9:1 block `{gap-table}`: dimension `servise` does not exist",
        ])
        #expect(report.diagnostics[1].hint == "did you mean `service`?")
    }

    @Test func entityLinksResolveFromNestedPagesAndDanglingOnesAreErrors() throws {
        let page = """
        ---
        title: Deep dive
        ---
        See [owners](persona:plan-basic-clinic-size-small), [onboarding](theme:onboarding),
        [price](dimension:price), [the call](note:clinic-manager-doe#L14) and [the summary](page:executive-summary).
        """
        let project = try exampleProject(["content/pages/findings/deep-dive.md": page])
        defer { project.remove() }
        let (report, files) = render(project)
        #expect(report.succeeded)
        let html = try #require(files["pages/findings/deep-dive/index.html"])
        #expect(html.contains("<a href=\"../../../personas/plan-basic-clinic-size-small/index.html\">owners</a>"))
        #expect(html.contains("<a href=\"../../../themes/onboarding/index.html\">onboarding</a>"))
        #expect(html.contains("<a href=\"../../../gaps/price/index.html\">price</a>"))
        #expect(html.contains("<a href=\"../../../notes/clinic-manager-doe/index.html#L14\">the call</a>"))
        #expect(html.contains("<a href=\"../../../pages/executive-summary/index.html\">the summary</a>"))

        try project.write(page + "\n\nAnd [nobody](persona:busy-owner).\n", to: "content/pages/findings/deep-dive.md")
        let (broken, _) = render(project)
        #expect(broken.diagnostics.map { "\($0.location!) \($0.message)" } == ["content/pages/findings/deep-dive.md:7:1 link to `persona:busy-owner`, which does not exist"])
    }

    @Test func aNoteLinkToNothingIsReportedAtItsBlockAndServeSeesTheFixAndTheNextBreak() throws {
        let note = { (target: String) in
            """
            ---
            title: Follow-up call
            date: 2026-10-02
            method: interview
            ---
            Background.

            > The second week was better, see
            > [the first call](\(target)). #onboarding
            """
        }
        let project = try exampleProject(["content/interviews/follow-up.md": note("note:clinic-manager-dough")])
        defer { project.remove() }
        let pipeline = Pipeline(options: Pipeline.Options(root: project.root), session: BuildSession(keeping: .inMemory))
        let (broken, _) = pipeline.live()
        #expect(broken.diagnostics.map { "\($0.location!) \($0.message)" }
            == ["content/interviews/follow-up.md:8:1 link to `note:clinic-manager-dough`, which does not exist"])
        #expect(broken.diagnostics.first?.hint == "did you mean `clinic-manager-doe`?")

        try project.write(note("note:clinic-manager-doe"), to: "content/interviews/follow-up.md")
        let (fixed, site) = pipeline.live()
        #expect(fixed.diagnostics.isEmpty)
        let html = String(decoding: try #require(try site?.file(at: "notes/follow-up/index.html")), as: UTF8.self)
        #expect(html.contains("<a href=\"../../notes/clinic-manager-doe/index.html\">the first call</a>"))

        try project.write(note("theme:onboard"), to: "content/interviews/follow-up.md")
        let (again, _) = pipeline.live()
        #expect(again.diagnostics.map { "\($0.location!) \($0.message)" }
            == ["content/interviews/follow-up.md:8:1 link to `theme:onboard`, which does not exist"])
    }

    @Test func aProjectsOwnBlockRendersItsTemplateWithEscapedOptions() throws {
        let project = try exampleProject(["content/pages/own.md": "---\ntitle: Own\n---\n```{callout}\ntext: Mind the <script>gap</script>\n```\n"])
        defer { project.remove() }
        try project.write("<aside class=\"callout\">{{options.text}}</aside>\n", to: "templates/blocks/callout.mustache")
        let (report, files) = render(project)
        #expect(report.succeeded)
        #expect(files["pages/own/index.html"]?.contains("<aside class=\"callout\">Mind the &lt;script&gt;gap&lt;/script&gt;</aside>") == true)
    }

    /// The site header is rendered once per section and folder depth, not per page: each page
    /// must still get the header of its own section, with links from its own folder.
    @Test func aProjectsOwnSiteHeaderMarksEachPagesSectionWithLinksFromItsFolder() throws {
        let project = try exampleProject([:])
        defer { project.remove() }
        try project.write(
            "<header>{{root}}|{{#nav}}{{#current}}{{label}} {{href}}{{/current}}{{/nav}}{{#reportPages}}{{#current}}{{label}}{{/current}}{{/reportPages}}|</header>\n",
            to: "templates/partials/site-header.mustache")
        let (report, files) = render(project)
        #expect(report.succeeded)
        func header(_ path: String) -> String? {
            files[path]?.components(separatedBy: "<header>").dropFirst().first?.components(separatedBy: "</header>").first
        }
        #expect(header("index.html") == "|Overview index.html|")
        #expect(header("notes/index.html") == "../|Notes ../notes/index.html|")
        #expect(header("notes/clinic-manager-doe/index.html") == "../../|Notes ../../notes/index.html|")
        #expect(header("themes/index.html") == "../|Themes ../themes/index.html|")
        #expect(header("themes/contract/index.html") == "../../|Themes ../../themes/index.html|")
        #expect(header("pages/executive-summary/index.html") == "../../|Executive summary|")
        #expect(header("search/index.html") == "../||")
        // Served from any folder, the 404 page links from the base URL.
        #expect(header("404.html") == "/||")
        // The layout prints the header where the partial stood, on a line of its own.
        #expect(files["index.html"]?.contains("<body>\n<a class=\"skip-link\"") == false)
        #expect(files["index.html"]?.contains("<body>\n<header>") == true)
        #expect(files["index.html"]?.contains("</header>\n<main id=\"main\"") == true)
    }

    @Test func pagesAppearInTheNavigationByOrderThenTitle() throws {
        let project = try exampleProject([
            "content/pages/b.md": "---\ntitle: Beta\n---\nText\n",
            "content/pages/a.md": "---\ntitle: Alpha\n---\nText\n",
        ])
        defer { project.remove() }
        let (_, files) = render(project)
        let home = try #require(files["index.html"])
        let nav = try #require(home.components(separatedBy: "class=\"wrap page-nav\"").last?.components(separatedBy: "</nav>").first)
        let titles = ["Executive summary", "What to fix first", "Alpha", "Beta"]
        let positions = titles.compactMap { nav.range(of: ">\($0)<")?.lowerBound }
        #expect(positions.count == 4 && positions == positions.sorted())
    }
}
