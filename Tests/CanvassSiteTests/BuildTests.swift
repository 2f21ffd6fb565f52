import CanvassCore
import CanvassSite
import CanvassTestSupport
import Foundation
import Testing

@Suite struct BuildTests {
    @Test func fixtureSiteMatchesGoldenFiles() throws {
        let project = try TemporaryProject.fixture("basic")
        defer { project.remove() }
        let report = Pipeline(options: .init(root: project.root)).build()
        #expect(report.succeeded, "\(report.diagnostics)")
        let site = TemporaryProject.snapshot(of: project.root + "/site")
        let pages = site.keys.filter { !$0.hasPrefix("assets/") }.sorted()
        #expect(pages == [
            ".canvass-site", "404.html", "data/needs.json", "data/summary.json", "data/text.json", "data/themes.json", "index.html",
            "methodology/index.html", "needs/index.html", "notes/index.html", "notes/manager/index.html",
            "notes/owners/index.html", "notes/zh-call/index.html", "search/docs/0.js", "search/index.html", "search/index.js", "search/terms/0.js", "sitemap.xml", "themes/index.html",
            "themes/needs/index.html", "themes/onboarding/index.html", "themes/pricing/index.html",
        ])
        for page in pages where page != ".canvass-site" {
            let outcome = Golden.compare(String(decoding: site[page]!, as: UTF8.self), toFileAt: goldenFolder + "/basic/" + page)
            #expect(outcome == .matches, "\(outcome)")
        }
        #expect(site["assets/style.css"] != nil && site["assets/canvass.js"] != nil)
    }

    @Test func twoBuildsAreByteIdentical() throws {
        let project = try TemporaryProject.fixture("basic")
        defer { project.remove() }
        let first = Pipeline(options: .init(root: project.root, output: project.root + "/one")).build()
        let second = Pipeline(options: .init(root: project.root, output: project.root + "/two")).build()
        #expect(first.succeeded && second.succeeded)
        let one = TemporaryProject.snapshot(of: project.root + "/one")
        #expect(one.count > 10)
        #expect(one == TemporaryProject.snapshot(of: project.root + "/two"))
    }

    @Test func aFailedBuildLeavesThePreviousSiteUntouched() throws {
        let project = try TemporaryProject.fixture("basic")
        defer { project.remove() }
        #expect(Pipeline(options: .init(root: project.root)).build().succeeded)
        let before = TemporaryProject.snapshot(of: project.root + "/site")
        try project.write("---\ntitle: [broken\n---\n", to: "content/interviews/manager.md")
        let report = Pipeline(options: .init(root: project.root)).build()
        #expect(!report.succeeded)
        #expect(report.diagnostics.errors.first?.location?.file == "content/interviews/manager.md")
        #expect(TemporaryProject.snapshot(of: project.root + "/site") == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: project.root).filter { $0.contains(".tmp-") || $0.contains(".old-") }
        #expect(leftovers.isEmpty)
    }

    @Test func aRebuildRemovesPagesOfDeletedNotes() throws {
        let project = try TemporaryProject.fixture("basic")
        defer { project.remove() }
        #expect(Pipeline(options: .init(root: project.root)).build().succeeded)
        try FileManager.default.removeItem(atPath: project.root + "/content/interviews/owners.md")
        #expect(Pipeline(options: .init(root: project.root)).build().succeeded)
        #expect(!FileManager.default.fileExists(atPath: project.root + "/site/notes/owners/index.html"))
    }

    @Test(arguments: [".", "content", "content/site", "templates"])
    func refusesToWriteOverTheProject(output: String) throws {
        let project = try TemporaryProject.fixture("basic")
        defer { project.remove() }
        let before = TemporaryProject.snapshot(of: project.root)
        let report = Pipeline(options: .init(root: project.root, output: project.root + "/" + output)).build()
        #expect(!report.succeeded)
        #expect(report.diagnostics.first?.message.hasPrefix("refusing to write the site") == true)
        #expect(TemporaryProject.snapshot(of: project.root) == before)
    }

    @Test func refusesAFolderOfOtherFiles() throws {
        let project = try TemporaryProject.fixture("basic")
        defer { project.remove() }
        try project.write("keep me", to: "elsewhere/thesis.docx")
        let report = Pipeline(options: .init(root: project.root, output: project.root + "/elsewhere")).build()
        #expect(report.diagnostics.map(\.message) == ["refusing to write the site to elsewhere: it holds files Canvass did not write"])
        #expect(project.read("elsewhere/thesis.docx") == "keep me")
    }

    @Test func draftsAreBuiltOnlyWhenAsked() throws {
        let project = try TemporaryProject.fixture("basic")
        defer { project.remove() }
        #expect(Pipeline(options: .init(root: project.root, includeDrafts: true)).build().succeeded)
        #expect(FileManager.default.fileExists(atPath: project.root + "/site/notes/draft/index.html"))
    }

    @Test func theExampleStudyChecksCleanly() {
        let report = Pipeline(options: .init(root: TemporaryProject.repositoryRoot)).check()
        #expect(report.diagnostics == [])
        #expect(report.notes >= 15)
    }
}

/// The example study's survey results, pinned: a change to any statistic shows here first.
@Suite struct ExampleDataTests {
    @Test(arguments: ["data/gaps.json", "data/nps.json", "data/targets.json"])
    func exampleDataMatchesGoldenJSON(file: String) throws {
        let (report, files) = Pipeline(options: .init(root: TemporaryProject.repositoryRoot)).render()
        #expect(report.succeeded)
        let data = try #require(files.first { $0.path == file })
        let outcome = Golden.compare(String(decoding: data.bytes, as: UTF8.self), toFileAt: goldenFolder + "/example/" + (file as NSString).lastPathComponent)
        #expect(outcome == .matches, "\(outcome)")
    }

    /// SPEC §4.13: each wave after the first shows its change from the wave before, with the sign
    /// of later minus earlier; the first wave has none. NPS per wave comes from `data/nps.json`.
    @Test func eachWaveShowsItsChangeFromTheWaveBefore() throws {
        let (report, files) = Pipeline(options: .init(root: TemporaryProject.repositoryRoot)).render()
        #expect(report.succeeded)
        let page = String(decoding: try #require(files.first { $0.path == "gaps/index.html" }).bytes, as: UTF8.self)
        let rows = page.components(separatedBy: "<tr><th scope=\"row\">2026-").dropFirst().map { row in
            row.components(separatedBy: "</tr>")[0].components(separatedBy: "<td class=\"num\">").dropFirst()
                .map { $0.replacingOccurrences(of: "</td>", with: "").replacingOccurrences(of: "−", with: "-").replacingOccurrences(of: "%", with: "") }
        }
        #expect(rows.count == 3)
        // Columns: n, gap, change, NPS, ±, change, CSAT, change.
        #expect(rows[0][2] == "–" && rows[0][5] == "–" && rows[0][7] == "–")
        func number(_ text: String) throws -> Double { try #require(Double(text.replacingOccurrences(of: "+", with: ""))) }
        for wave in 1...2 {
            #expect(try abs(number(rows[wave][2]) - (number(rows[wave][1]) - number(rows[wave - 1][1]))) <= 0.011)
            #expect(try abs(number(rows[wave][7]) - (number(rows[wave][6]) - number(rows[wave - 1][6]))) <= 0.11)
        }
        let npsFile = try #require(files.first { $0.path == "data/nps.json" })
        let nps = try #require(JSONSerialization.jsonObject(with: Data(npsFile.bytes)) as? [String: Any])
        let byWave = try #require(nps["byWave"] as? [String: [String: Any]])
        let q2 = try #require(byWave["2026-Q2"]?["score"] as? Double), q3 = try #require(byWave["2026-Q3"]?["score"] as? Double)
        #expect(q3 > q2, "the example's NPS rises between its waves")
        #expect(rows[1][5] == String(format: "+%.1f", q3 - q2))
    }

    /// Trend charts carry 95% whiskers and a y-axis title, and a dimension keeps its style (colour,
    /// dash, marker) from the gaps page to its own page: Service is the fifth dimension, style 4.
    @Test func trendChartsShowIntervalsAndKeepEachDimensionsStyle() throws {
        let (report, files) = Pipeline(options: .init(root: TemporaryProject.repositoryRoot)).render()
        #expect(report.succeeded)
        func page(_ path: String) throws -> String { String(decoding: try #require(files.first { $0.path == path }).bytes, as: UTF8.self) }
        let gaps = try page("gaps/index.html"), service = try page("gaps/service/index.html")
        for html in [gaps, service] {
            let trend = try #require(html.components(separatedBy: "<svg class=\"chart chart-trend chart-wide\"").dropFirst().first?.components(separatedBy: "</svg>").first)
            #expect(trend.contains(">Gap (perceived − expected)</text>"))
            #expect(trend.components(separatedBy: "class=\"trend-whisker trend-4\"").count - 1 == 3, "Service has a whisker per wave")
            #expect(trend.contains("trend-line trend-4"))
        }
        #expect(!service.contains("trend-line trend-0"), "the dimension page does not restyle Service as the first line")
    }

    /// The example labels its questions and attribute values in canvass.yml: no column name shows.
    @Test func labelsReplaceColumnNamesOnTheGapsPage() throws {
        let (report, files) = Pipeline(options: .init(root: TemporaryProject.repositoryRoot)).render()
        #expect(report.succeeded)
        let page = String(decoding: try #require(files.first { $0.path == "gaps/index.html" }).bytes, as: UTF8.self)
        #expect(page.contains("Ease of use") && page.contains("Speed in daily use"))
        #expect(!page.contains("q_ease") && !page.contains("q_speed"))
        let price = String(decoding: try #require(files.first { $0.path == "gaps/price/index.html" }).bytes, as: UTF8.self)
        #expect(price.contains("Clinic size") && !price.contains("clinic_size"))
    }

    /// The issue a researcher hit: "Service −1.34 · Keep up the good work". On the gaps page no
    /// shortfall reads as one to keep up or as overkill, and the example's service row is one to
    /// concentrate on.
    @Test func noVerdictOnTheGapsPageContradictsItsGap() throws {
        let (report, files) = Pipeline(options: .init(root: TemporaryProject.repositoryRoot)).render()
        #expect(report.succeeded)
        let page = String(decoding: try #require(files.first { $0.path == "gaps/index.html" }).bytes, as: UTF8.self)
        let rows = page.components(separatedBy: "<tr>").dropFirst().filter { $0.contains("data-label=\"Verdict\">") }
        #expect(rows.count == 5)
        for row in rows {
            let verdict = try #require(row.components(separatedBy: "data-label=\"Verdict\">").last?.components(separatedBy: "</td>").first)
            if row.contains("class=\"num shortfall\"") {
                #expect(verdict != "Keep up the good work" && verdict != "Possible overkill", "\(row)")
            }
            if row.contains(">Service</a>") { #expect(verdict == "Concentrate here") }
        }
    }
}
