import CanvassCore
import CanvassSite
import CanvassTestSupport
import Foundation
import Testing

/// Issue 8: a payload of markup breaks in every field that reaches a page, the search index, a
/// data file or an SVG; none may survive as markup.
@Suite struct EscapingTests {
    static let payload = #"\"'><script>alert(1)</script><img src=x onerror=alert(2)></script>"#
    static var yamlPayload: String { "'" + payload.replacingOccurrences(of: "'", with: "''") + "'" }
    static var csvPayload: String { "\"" + payload.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    static var files: [String: String] {
        [
            "canvass.yml": """
            title: \(yamlPayload)
            dimensions: [{id: price, label: \(yamlPayload)}, {id: service, label: \(yamlPayload)}]
            commitments: {P1: 4h}
            surveys:
              - file: surveys/s.csv
                id: rid
                waveColumn: wave
                pairs: {price: {expectation: e, perception: p, importance: i}, service: {expectation: e2, perception: p2}}
                ratings: [e]
                nps: n
                attributes: {plan: category}
                text: [comment]
                competitors: {\(yamlPayload): {price: cp}}
                kano: {feature-x: {functional: kf, dysfunctional: kd}}
            breakdowns: [plan]
            personas: {method: rules, segments: [{id: first, label: \(yamlPayload), where: {plan: [\(yamlPayload)]}}, {id: other, where: {plan: [pro]}}]}
            records:
              - {file: records/t.csv, priority: pr, opened: o, responded: r, dimension: d}
            """,
            "content/surveys/s.csv": """
            rid,wave,e,p,i,e2,p2,n,plan,comment,cp,kf,kd
            a,\(csvPayload),5,3,6,6,4,9,\(csvPayload),\(csvPayload),4,1,5
            b,W2,6,4,5,5,5,3,pro,fine,5,2,5
            c,W2,4,4,6,6,3,10,pro,,3,1,3
            """,
            "content/records/t.csv": "pr,o,r,d\nP1,2026-09-01T08:00Z,2026-09-01T09:00Z,\(csvPayload)\nP1,2026-10-01T08:00Z,2026-10-01T20:00Z,price\n\(csvPayload),2026-10-01T08:00Z,2026-10-01T09:00Z,price\n",
            "content/data/codebook.yml": """
            themes:
              - {id: theme-a, label: \(yamlPayload), dimension: price, description: \(yamlPayload), tags: [x]}
            needs:
              - {id: thing, label: \(yamlPayload), description: \(yamlPayload)}
            """,
            "content/interviews/n.md": """
            ---
            title: \(yamlPayload)
            summary: \(yamlPayload)
            participants:
              - {id: a, name: \(yamlPayload), role: \(yamlPayload), attributes: {plan: \(yamlPayload)}}
            ---
            ## \(payload)

            > \(payload) #x #need/thing
            > — a

            - \(payload) [link](javascript:alert(3)) #x
            """,
            "content/personas/first.md": "---\nid: first\nname: \(yamlPayload)\nsummary: \(yamlPayload)\n---\n\(payload)\n",
            "content/pages/p.md": "---\ntitle: \(yamlPayload)\nsummary: \(yamlPayload)\n---\n## \(payload)\n\n```{quotes}\ntheme: theme-a\n```\n\n```{callout}\ntext: \(yamlPayload)\n```\n",
            "templates/blocks/callout.mustache": "<aside>{{options.text}}</aside>\n",
        ]
    }

    @Test func noPayloadSurvivesAsMarkupAnywhere() throws {
        let project = try TemporaryProject(Self.files)
        defer { project.remove() }
        // The custom block template must replace the default theme's copy being absent.
        try project.write("<aside>{{options.text}}</aside>\n", to: "templates/blocks/callout.mustache")
        let report = Pipeline(options: .init(root: project.root)).build()
        #expect(report.succeeded, "\(report.diagnostics.map(\.formatted))")
        let site = TemporaryProject.snapshot(of: project.root + "/site")
        #expect(site.keys.contains("gaps/price/index.html") && site.keys.contains("personas/first/index.html") && site.keys.contains("pages/p/index.html"))
        let ownScripts = try NSRegularExpression(pattern: #"<script src="[^"]*(canvass\.js|search\.js|index\.js)"[^>]*></script>"#)
        for (path, data) in site where !path.hasPrefix("assets/") {
            var text = String(decoding: data, as: UTF8.self)
            text = ownScripts.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: "")
            if let range = text.range(of: "<script") {
                let start = text.index(range.lowerBound, offsetBy: -80, limitedBy: text.startIndex) ?? text.startIndex
                let end = text.index(range.upperBound, offsetBy: 60, limitedBy: text.endIndex) ?? text.endIndex
                Issue.record("\(path) holds a script tag: …\(String(text[start..<end]))…")
            }
            #expect(!text.contains("</script"), "\(path) holds a script end tag")
            #expect(!text.contains("<img src=x"), "\(path) holds the image tag")
            #expect(!text.contains("javascript:"), "\(path) holds a javascript: target")
        }
        // The payload is still shown, as text.
        let dimension = String(decoding: site["gaps/price/index.html"]!, as: UTF8.self)
        #expect(dimension.contains("&quot;&#39;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"))
    }

    @Test func idsThatWouldLeaveTheSiteAreRejected() throws {
        let project = try TemporaryProject(["content/data/codebook.yml": "themes:\n  - {id: ../../../escape, label: X}\n"])
        defer { project.remove() }
        let report = Pipeline(options: .init(root: project.root)).build()
        #expect(report.diagnostics.map(\.message) == ["theme id `../../../escape` may hold only letters, digits, `-` and `_`"])
        #expect(!FileManager.default.fileExists(atPath: project.root + "/escape"))
    }
}
