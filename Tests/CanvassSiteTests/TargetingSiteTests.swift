import CanvassCore
import CanvassSite
import CanvassTestSupport
import Foundation
import Testing

/// `targeting:` end to end: mistakes in the section, the targets page and its data file, the
/// `{target-segments}` block, and the example study's recommendation.
@Suite struct TargetingSiteTests {
    static let config = """
    title: T
    dimensions: [{id: price, label: Price}]
    surveys:
      - file: surveys/s.csv
        id: id
        pairs: {price: {expectation: e, perception: p}}
        attributes: {plan: category, age: numeric, revenue: numeric}
    breakdowns: [plan]

    """
    static let csv = "id,e,p,plan,age,revenue\na,5,4,basic,30,100\nb,6,3,pro,45,400\nc,5,5,basic,62,120\nd,6,2,enterprise,50,900\n"

    func project(_ targeting: String, extra: [String: String] = [:]) throws -> TemporaryProject {
        try TemporaryProject(["canvass.yml": Self.config + targeting, "content/surveys/s.csv": Self.csv].merging(extra) { _, new in new })
    }

    @Test func mistakesInTargetingAreErrorsAtTheirPlace() throws {
        let project = try project("""
        targeting:
          value: plan
          reach: region
          segments: [age, plan]
          weights: {size: -1, shortfal: 1, growth: 2}
        """)
        defer { project.remove() }
        let report = Pipeline(options: .init(root: project.root)).check()
        #expect(!report.succeeded)
        #expect(places(report) == [
            "canvass.yml:10:10 `targeting.value` needs a numeric attribute, and `plan` is a category",
            "canvass.yml:11:10 `targeting.reach` names attribute `region`, which no survey maps under `attributes`",
            "canvass.yml:12:14 `targeting.segments` names numeric attribute `age`, which is not a breakdown",
            "canvass.yml:13:19 the weight of `size` must not be negative",
            "canvass.yml:13:23 `targeting.weights` has no criterion `shortfal`",
            "canvass.yml:13:36 `targeting.weights` weighs `growth`, but `targeting.growth` maps no attribute to measure it",
        ])
        #expect(report.diagnostics[4].hint == "did you mean `shortfall`?")
    }

    @Test func zeroWeightsAndNothingToRankAreErrors() throws {
        let zero = try project("targeting: {weights: {size: 0, shortfall: 0}}\n")
        defer { zero.remove() }
        #expect(places(Pipeline(options: .init(root: zero.root)).check()) == [
            "canvass.yml:9:22 `targeting.weights` gives every criterion weight 0, so nothing would be scored",
        ])
        let nothing = try project("targeting: {segments: []}\n")
        defer { nothing.remove() }
        #expect(places(Pipeline(options: .init(root: nothing.root)).check()) == [
            "canvass.yml:9:12 `targeting` has nothing to rank: no `personas`, no `breakdowns` and no `targeting.segments`",
        ])
    }

    @Test func theTargetsPageAndDataFileRankTheSegments() throws {
        let project = try project("targeting: {value: revenue}\n")
        defer { project.remove() }
        let (report, files) = Pipeline(options: .init(root: project.root)).render()
        #expect(report.succeeded, "\(places(report))")
        let data = try #require(JSONSerialization.jsonObject(with: Data(try file(files, "data/targets.json").utf8)) as? [String: Any])
        #expect(data["recommendFrom"] as? String == "segments")
        #expect(data["respondentWeights"] is NSNull, "no weighting: every respondent counts once")
        #expect(!(try file(files, "gaps/index.html")).contains("weighted to the customer base"))
        #expect(data["primary"] is NSNull, "four respondents: too few to recommend any")
        let segments = try #require(data["segments"] as? [[String: Any]])
        // Enterprise: 1 of 4 (half the largest), revenue 900 (best), gap −4 (worst): score (1/2 + 1 + 1) / 3;
        // pro (1/2 + 4/9 + 3/4) / 3, basic (1 + 11/90 + 1/8) / 3.
        #expect(segments.map { $0["id"] as? String } == ["enterprise", "pro", "basic"])
        let enterprise = segments[0]
        #expect(abs((enterprise["score"] as? Double ?? 0) - 2.5 / 3) < 1e-12)
        #expect((enterprise["size"] as? [String: Any])?["share"] as? Double == 0.25)
        #expect((enterprise["cautions"] as? [String]) == ["smallSample", "shortfallUncertain"])
        let page = try file(files, "targets/index.html")
        #expect(page.contains("No candidate has 30 or more respondents"))
        #expect(page.contains("chart-bubbles chart-wide") && page.contains("chart-bubbles chart-narrow"))
        #expect(page.contains("Plan: enterprise"))
        #expect(try file(files, "index.html").contains("href=\"targets/index.html\""), "the site's navigation links the page")
        #expect(try file(files, "methodology/index.html").contains("Size 33%, Revenue 33%, Shortfall 33%"))
    }

    @Test func theBlockNeedsTargetingAndAKnownKind() throws {
        let page = "---\ntitle: R\n---\n```{target-segments}\nof: clinics\n```\n"
        let without = try project("", extra: ["content/pages/r.md": page])
        defer { without.remove() }
        #expect(places(Pipeline(options: .init(root: without.root)).render().0) == [
            "content/pages/r.md:4:1 block `{target-segments}` needs `targeting:` in canvass.yml, and this study has none",
            "content/pages/r.md:5:1 block `{target-segments}`: kind of candidate `clinics` does not exist",
        ])
    }

    /// The example ranks its personas with weighted shares, revenue and shortfall, and recommends
    /// two of them; the report page's block says the same as the targets page.
    @Test func theExampleRecommendsAPrimaryAndASecondaryPersona() throws {
        let (report, files) = Pipeline(options: .init(root: TemporaryProject.repositoryRoot)).render()
        #expect(report.succeeded)
        let data = try #require(JSONSerialization.jsonObject(with: Data(try file(files, "data/targets.json").utf8)) as? [String: Any])
        #expect(data["recommendFrom"] as? String == "personas" && data["respondentWeights"] as? String == "raking")
        let personas = try #require(data["personas"] as? [[String: Any]])
        let primary = try #require(data["primary"] as? String), secondary = try #require(data["secondary"] as? String)
        #expect(personas.first?["id"] as? String == primary && personas.dropFirst().first?["id"] as? String == secondary)
        // Persona sizes are the weighted persona shares of personas.json.
        let shares = try #require(JSONSerialization.jsonObject(with: Data(try file(files, "data/personas.json").utf8)) as? [String: Any])
        for persona in try #require(shares["personas"] as? [[String: Any]]) {
            let candidate = try #require(personas.first { $0["id"] as? String == persona["id"] as? String })
            let size = try #require((candidate["size"] as? [String: Any])?["share"] as? Double)
            #expect(abs(size - (persona["share"] as? Double ?? -1)) < 1e-12)
        }
        let page = try file(files, "targets/index.html"), block = try file(files, "pages/executive-summary/index.html")
        for name in [primary, secondary] { #expect(page.contains("personas/\(name)/index.html") && block.contains("personas/\(name)/index.html")) }
        #expect(page.contains("Primary target: ") && block.contains("Primary target: ") && page.contains("Secondary target: "))
    }
}
