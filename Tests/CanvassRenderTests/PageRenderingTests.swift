import CanvassTestSupport
import CanvassCore
import Testing
@testable import CanvassRender

@Suite struct PageRenderingTests {
    @Test func contentIsEscapedEverywhere() throws {
        let fixture = try RenderFixture()
        defer { fixture.project.remove() }
        let (files, diagnostics) = fixture.renderer.render()
        #expect(diagnostics.isEmpty)
        for file in files {
            let html = String(decoding: file.bytes, as: UTF8.self)
            #expect(!html.contains("<script>alert"), "\(file.path) lets a script through")
            #expect(!html.contains("<img src=x"), "\(file.path) lets raw HTML through")
            #expect(!html.contains("javascript:"), "\(file.path) keeps a javascript: link")
            #expect(!html.contains("<b>&"), "\(file.path) renders a codebook label as HTML")
        }
        let note = try #require(files.first { $0.path == "notes/call/index.html" })
        let html = String(decoding: note.bytes, as: UTF8.self)
        #expect(html.contains("<title>Call with &lt;script&gt;alert(1)&lt;/script&gt; · Test study</title>"))
        #expect(html.contains("Jane &lt;img src=x onerror=alert(1)&gt;, Manager"))
    }

    @Test func notePageAnchorsExcerptsAndLinksTags() throws {
        let fixture = try RenderFixture()
        defer { fixture.project.remove() }
        let html = try fixture.renderer.render(.note("call")).get()
        #expect(html.contains("<blockquote id=\"L10\" class=\"excerpt excerpt-quote\">"))
        #expect(html.contains("<footer class=\"speaker\">— Jane &lt;img src=x onerror=alert(1)&gt;, Manager</footer>"))
        #expect(html.contains("<a class=\"tag\" href=\"../../themes/onboarding/index.html\">#onboarding</a>"))
        #expect(html.contains("<li id=\"L13\" class=\"excerpt excerpt-observation\">Cheaper please click"))
    }

    @Test func themePageLinksEachExcerptToItsNoteAnchor() throws {
        let fixture = try RenderFixture()
        defer { fixture.project.remove() }
        let html = try fixture.renderer.render(.theme("onboarding")).get()
        #expect(html.contains("href=\"../../notes/call/index.html#L10\""))
        #expect(html.contains("href=\"../../notes/zh/index.html#L7\""))
        #expect(html.contains("培训太少了。"))
        #expect(html.contains("— 护士"))
    }

    @Test func chineseBuildHasChineseInterface() throws {
        let fixture = try RenderFixture(language: .chinese)
        defer { fixture.project.remove() }
        let (files, _) = fixture.renderer.render()
        let english = try #require(TemplateSet.load(projectRoot: fixture.project.root, language: .english).0?.strings)
        let chinese = fixture.templates.strings
        // Strings that differ between the tables must not appear in their English form.
        let englishOnly = english.table.filter { key, value in chinese.table[key] != value && value.count > 3 && !value.contains("{") }
        for file in files where file.path.hasSuffix(".html") {
            let html = String(decoding: file.bytes, as: UTF8.self)
            #expect(html.contains("<html lang=\"zh-Hans\">"))
            #expect(!html.contains("⟦"), "\(file.path) has a missing string")
            for (key, value) in englishOnly {
                #expect(!html.contains(">\(value)<"), "\(file.path) shows English `\(key)`")
            }
        }
        let note = try #require(files.first { $0.path == "notes/call/index.html" })
        #expect(String(decoding: note.bytes, as: UTF8.self).contains("2026年9月14日"))
    }

    @Test func rawHTMLIsKeptOnlyWhenTheProjectOptsIn() throws {
        let fixture = try RenderFixture(withSurvey: false, extra: ["canvass.yml": TemporaryProject.defaultConfig + "\nmarkdown: {unsafe: true}\n"])
        defer { fixture.project.remove() }
        #expect(try fixture.renderer.render(.note("call")).get().contains("<script>alert(2)</script>"))
    }

    @Test func linksAreRelativeSoTheSiteWorksFromDisk() {
        #expect(PagePath.home.root == "")
        #expect(PagePath.note("x").root == "../../")
        #expect(PagePath.note("x").link(to: "themes/y/index.html") == "../../themes/y/index.html")
        #expect(PagePath("pages/a/b/index.html").root == "../../../")
        #expect(PagePath("search//index.html").root == "../")
    }

    @Test func surveyPagesExistAndShowTheirNumbers() throws {
        let fixture = try RenderFixture()
        defer { fixture.project.remove() }
        let (files, diagnostics) = fixture.renderer.render()
        #expect(diagnostics.isEmpty)
        let paths = Set(files.map(\.path))
        for page in ["gaps/index.html", "gaps/service/index.html", "gaps/price/index.html", "quality/index.html", "methodology/index.html",
                     "data/gaps.json", "data/nps.json", "data/kano.json", "data/quality.json", "data/ratings.json", "data/summary.json"] {
            #expect(paths.contains(page), "missing \(page)")
        }
        let service = String(decoding: files.first { $0.path == "gaps/service/index.html" }!.bytes, as: UTF8.self)
        // Service gaps: −2, −2, 0, −3, raked per wave to 60% basic (weights 1.2 basic, 0.8 pro):
        // (1.2·−2 + 0.8·−2 + 1.2·0 + 0.8·−3) / 4 = −1.60; −1.75 unweighted, on the quality page.
        #expect(service.contains("Gap −1.60"))
        #expect(service.contains("small sample"))
        let quality = String(decoding: files.first { $0.path == "quality/index.html" }!.bytes, as: UTF8.self)
        #expect(quality.contains("<th scope=\"row\">Gap · Service</th><td class=\"num\" data-label=\"Weighted\">−1.60</td><td class=\"num\" data-label=\"Unweighted\">−1.75</td>"))
        #expect(quality.contains("<code>content/surveys/s.csv:5</code>"))
        #expect(quality.contains("`9` is not a point of the 1–7 scale"))
        let home = String(decoding: files.first { $0.path == "index.html" }!.bytes, as: UTF8.self)
        #expect(home.contains("<svg class=\"chart chart-nps chart-wide\""))
        for file in files where file.path.hasSuffix(".html") {
            #expect(!String(decoding: file.bytes, as: UTF8.self).contains("<b>hi</b>"))
        }
    }

    @Test func absentTextLeavesNoEmptyMarkup() throws {
        let fixture = try RenderFixture()
        defer { fixture.project.remove() }
        // The zh note has no summary, the price theme no description; a persona without a photo.
        let note = try fixture.renderer.render(.note("zh")).get()
        #expect(!note.contains("<p class=\"lead\"></p>"))
        let themes = try fixture.renderer.render(.themes).get()
        #expect(!themes.contains("<div class=\"meta\"></div>"))
        let personas = try fixture.renderer.render(.personas).get()
        #expect(!personas.contains("src=\"\""))
        #expect(!personas.contains("href=\"\""))
    }
}
