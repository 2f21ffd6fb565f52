import CanvassCore
import CanvassSite
import CanvassTestSupport
import Foundation
import Testing

/// Persona configuration end to end: rules, narratives, determinism, the example's personas.json.
@Suite struct PersonaTests {
    static let config = """
    title: P
    dimensions: [{id: price, label: Price}]
    surveys:
      - file: surveys/s.csv
        id: id
        pairs: {price: {expectation: e, perception: p}}
        attributes: {plan: category, age: numeric}

    """
    static let csv = "id,e,p,plan,age\na,5,4,basic,30\nb,6,3,pro,45\nc,5,5,basic,62\nd,6,2,enterprise,50\n"

    func check(_ personas: String, extra: [String: String] = [:]) throws -> Pipeline.Report {
        let project = try TemporaryProject(["canvass.yml": Self.config + personas, "content/surveys/s.csv": Self.csv].merging(extra) { _, new in new })
        defer { project.remove() }
        return Pipeline(options: .init(root: project.root)).check()
    }

    @Test func rulesWithUnknownAttributeOrValueAreErrorsAtTheSegment() throws {
        let report = try check("""
        personas:
          method: rules
          segments:
            - {id: small, where: {plan: [basik]}}
            - {id: old, where: {agee: ">=60"}}
        """)
        #expect(!report.succeeded)
        #expect(report.diagnostics.map { "\($0.location?.description ?? "-") \($0.message)" } == [
            "canvass.yml:11:7 segment `small` names `plan` value `basik`, which no respondent has",
            "canvass.yml:12:7 segment `old` names attribute `agee`, which no survey maps",
        ])
        #expect(report.diagnostics.map(\.hint) == ["did you mean `basic`?", "did you mean `age`?"])
    }

    @Test func respondentsMatchingNoRuleOrSeveralAreWarned() throws {
        let report = try check("""
        personas:
          method: rules
          segments:
            - {id: basic-users, where: {plan: [basic]}}
            - {id: seniors, where: {age: ">=60"}}
        """)
        #expect(report.succeeded)
        #expect(report.diagnostics.map(\.message) == [
            "1 respondent matches several segments and join the first: c",
            "2 respondents match no segment: b, d",
        ])
        #expect(report.diagnostics.allSatisfy { $0.severity == .warning })
    }

    @Test func aNarrativeForNoPersonaIsAnError() throws {
        let report = try check(
            "personas: {method: rules, segments: [{id: basic-users, where: {plan: [basic]}}, {id: others, where: {plan: [pro, enterprise]}}]}",
            extra: ["content/personas/x.md": "---\nid: basic-user\nname: Basics\n---\nText\n"])
        #expect(!report.succeeded)
        #expect(report.diagnostics.map { "\($0.location?.description ?? "-") \($0.message)" } == [
            "content/personas/x.md:2:1 persona narrative names `basic-user`, which is not a persona of this study",
        ])
        #expect(report.diagnostics.first?.hint == "did you mean `basic-users`?")
    }

    @Test func aNarrativeReplacesNameAndSummaryOnEveryPage() throws {
        let project = try TemporaryProject([
            "canvass.yml": Self.config + "personas: {method: rules, segments: [{id: basic-users, where: {plan: [basic]}}, {id: others, where: {plan: [pro, enterprise]}}]}",
            "content/surveys/s.csv": Self.csv,
            "content/personas/basic.md": "---\nid: basic-users\nname: \"Thrifty <b>owners</b>\"\nsummary: Pay little.\n---\nThey *count* every euro.\n",
        ])
        defer { project.remove() }
        #expect(Pipeline(options: .init(root: project.root)).build().succeeded)
        let page = try #require(project.read("site/personas/basic-users/index.html"))
        #expect(page.contains("<h1>Thrifty &lt;b&gt;owners&lt;/b&gt;</h1>"))
        #expect(page.contains("<p class=\"lead\">Pay little.</p>"))
        #expect(page.contains("They <em>count</em> every euro."))
        let json = try #require(project.read("site/data/personas.json"))
        #expect(json.contains("\"name\": \"Thrifty \\u003cb\\u003eowners\\u003c/b\\u003e\""))
        #expect(json.contains("\"a\": \"basic-users\""))
    }

    /// Eight copies of the same comment read as noise: identical free-text answers appear once,
    /// with how many respondents gave them.
    @Test func repeatedAnswersAreGroupedWithACount() throws {
        let (report, files) = Pipeline(options: .init(root: TemporaryProject.repositoryRoot)).render()
        #expect(report.succeeded)
        let pages = files.filter { $0.path.hasPrefix("personas/") && $0.path.hasSuffix("/index.html") && $0.path != "personas/index.html" }
        #expect(pages.count >= 3)
        var counted = 0
        for page in pages {
            let html = String(decoding: page.bytes, as: UTF8.self)
            guard let list = html.components(separatedBy: "<ul class=\"answers\">").dropFirst().first?.components(separatedBy: "</ul>").first else { continue }
            let texts = list.components(separatedBy: "<li><q>").dropFirst().map { $0.components(separatedBy: "</q>")[0] }
            #expect(Set(texts).count == texts.count, "\(page.path) lists an answer twice")
            counted += list.components(separatedBy: "<strong class=\"answer-count\">").count - 1
        }
        #expect(counted > 0, "the example's personas share answers, so some carry a count")
        let basic = String(decoding: try #require(files.first { $0.path == "personas/plan-basic-clinic-size-small/index.html" }).bytes, as: UTF8.self)
        #expect(basic.contains("<q>客服态度好，但是问题解决得慢。</q> <strong class=\"answer-count\">9 respondents</strong>"))
    }

    /// Needs on a persona page read as the codebook names them and link to the needs page; the
    /// raw `#need/…` tag is neither a theme nor a need label there.
    @Test func personaPagesNameNeedsNotTags() throws {
        let (report, files) = Pipeline(options: .init(root: TemporaryProject.repositoryRoot)).render()
        #expect(report.succeeded)
        let page = String(decoding: try #require(files.first { $0.path == "personas/plan-basic-clinic-size-small/index.html" }).bytes, as: UTF8.self)
        #expect(!page.contains("#need/"))
        #expect(page.contains("<a class=\"tag\" href=\"../../needs/index.html#need-checklist\">A first-day checklist</a>"))
    }

    @Test func personaPagesAreByteIdenticalAcrossBuilds() throws {
        let (_, first) = Pipeline(options: .init(root: TemporaryProject.repositoryRoot)).render()
        let (_, second) = Pipeline(options: .init(root: TemporaryProject.repositoryRoot)).render()
        let pages = first.filter { $0.path.hasPrefix("personas/") || $0.path == "data/personas.json" }
        #expect(pages.count >= 5)
        for page in pages {
            #expect(second.first { $0.path == page.path }?.bytes == page.bytes, "\(page.path) differs between builds")
        }
    }

    @Test func exampleHasThreeToFivePersonasAndMatchesGoldenJSON() throws {
        let (report, files) = Pipeline(options: .init(root: TemporaryProject.repositoryRoot)).render()
        #expect(report.succeeded)
        let data = try #require(files.first { $0.path == "data/personas.json" })
        let json = try #require(try JSONSerialization.jsonObject(with: Data(data.bytes)) as? [String: Any])
        let personas = try #require(json["personas"] as? [[String: Any]])
        #expect((3...5).contains(personas.count))
        #expect((json["assignments"] as? [String: String])?.count == 621)
        let outcome = Golden.compare(String(decoding: data.bytes, as: UTF8.self), toFileAt: goldenFolder + "/example/personas.json")
        #expect(outcome == .matches, "\(outcome)")
    }
}
