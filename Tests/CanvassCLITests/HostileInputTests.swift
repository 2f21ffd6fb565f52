import CanvassCLI
import CanvassCore
import CanvassTestSupport
import Foundation
import Testing

/// The catalogue of bad and hostile inputs (issue 8). Each rejected input ends in a diagnostic
/// naming its file, exit code 1, no crash or hang, and the previous site untouched. Inputs that
/// are not errors but attacks (scripts, unsafe links) are neutralised: the build succeeds and
/// nothing unsafe reaches the output.
@Suite(.timeLimit(.minutes(2)))
struct HostileInputTests {
    struct Case: CustomStringConvertible, Sendable {
        var name: String
        var files: [String: Data]
        /// Text the diagnostics must contain: the file they name.
        var names: String
        var output: String?
        var link: (from: String, to: String)?
        var description: String { name }
    }

    static let config = "title: Hostile\ndimensions: [{id: price, label: Price}]\n"
    static let surveyConfig = config + "surveys:\n  - {file: surveys/s.csv, id: rid, pairs: {price: {expectation: e, perception: p}}, text: [c]}\n"
    static let note = "---\ntitle: Note\nparticipants: [{id: p1}]\n---\n> Fine #x\n> — p1\n"

    static func text(_ files: [String: String]) -> [String: Data] { files.mapValues { Data($0.utf8) } }

    static func bomb(_ levels: Int) -> String {
        var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x]\n"
        for i in 1...levels { yaml += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 9).joined(separator: ", ") + "]\n" }
        return yaml
    }

    static let rejected: [Case] = [
        // canvass.yml
        Case(name: "empty config", files: text(["canvass.yml": ""]), names: "canvass.yml"),
        Case(name: "config is a list", files: text(["canvass.yml": "- a\n- b\n"]), names: "canvass.yml"),
        Case(name: "unclosed bracket", files: text(["canvass.yml": "title: [unclosed\n"]), names: "canvass.yml"),
        Case(name: "tab indentation", files: text(["canvass.yml": "title: T\nscale:\n\tmin: 1\n"]), names: "canvass.yml"),
        Case(name: "alias bomb as the title", files: text(["canvass.yml": bomb(9) + "title: *a9\n"]), names: "canvass.yml"),
        Case(name: "deep nesting", files: text(["canvass.yml": "title: " + String(repeating: "[", count: 20000) + String(repeating: "]", count: 20000) + "\n"]), names: "canvass.yml"),
        Case(name: "dimensions not a list", files: text(["canvass.yml": "title: T\ndimensions: price\n"]), names: "canvass.yml"),
        Case(name: "duplicate keys", files: text(["canvass.yml": "title: T\ntitle: U\n"]), names: "canvass.yml"),
        Case(name: "survey path escapes the project", files: text(["canvass.yml": config + "surveys: [{file: ../../../etc/passwd, id: x}]\n"]), names: "canvass.yml"),
        Case(name: "absolute survey path", files: text(["canvass.yml": config + "surveys: [{file: /etc/passwd, id: x}]\n"]), names: "canvass.yml"),
        Case(name: "records path escapes the project", files: text(["canvass.yml": config + "records: [{file: ../secret.csv, opened: o}]\n"]), names: "canvass.yml"),
        Case(name: "unknown language", files: text(["canvass.yml": "title: T\nlanguage: klingon\n"]), names: "canvass.yml"),
        Case(name: "scale upside down", files: text(["canvass.yml": "title: T\nscale: {min: 7, max: 1}\n"]), names: "canvass.yml"),
        Case(name: "negative weight", files: text(["canvass.yml": "title: T\ndimensions: [{id: a, weight: -3}]\n"]), names: "canvass.yml"),
        Case(name: "absurd k", files: text(["canvass.yml": "title: T\npersonas: {attributes: [a], k: 100000}\n"]), names: "canvass.yml"),
        Case(name: "invalid UTF-8 config", files: ["canvass.yml": Data([0x74, 0x69, 0xFF, 0xFE, 0x0A])], names: "canvass.yml"),
        Case(name: "NUL byte in config", files: ["canvass.yml": Data("title: T\u{0}x\n".utf8)], names: "canvass.yml"),
        Case(name: "bad duration", files: text(["canvass.yml": "title: T\ncommitments: {P1: whenever}\n"]), names: "canvass.yml"),
        // Notes
        Case(name: "unterminated front matter", files: text(["canvass.yml": config, "content/interviews/n.md": "---\ntitle: T\n"]), names: "content/interviews/n.md"),
        Case(name: "no front matter", files: text(["canvass.yml": config, "content/interviews/n.md": "Just text\n"]), names: "content/interviews/n.md"),
        Case(name: "alias bomb in front matter", files: text(["canvass.yml": config, "content/interviews/n.md": "---\n" + bomb(9) + "title: *a9\n---\n"]), names: "content/interviews/n.md"),
        Case(name: "deep nesting in front matter", files: text(["canvass.yml": config, "content/interviews/n.md": "---\ntitle: " + String(repeating: "{a: ", count: 5000) + "1" + String(repeating: "}", count: 5000) + "\n---\n"]), names: "content/interviews/n.md"),
        Case(name: "date as a list", files: text(["canvass.yml": config, "content/interviews/n.md": "---\ntitle: T\ndate: [2026, 9, 1]\n---\n"]), names: "content/interviews/n.md"),
        Case(name: "invalid UTF-8 note", files: ["canvass.yml": Data(config.utf8), "content/interviews/n.md": Data([0x2D, 0x2D, 0x2D, 0x0A, 0xC3, 0x28])], names: "content/interviews/n.md"),
        Case(name: "NUL bytes in front matter", files: ["canvass.yml": Data(config.utf8), "content/interviews/n.md": Data("---\ntitle: a\u{0}b\n---\n".utf8)], names: "content/interviews/n.md"),
        Case(name: "huge note", files: ["canvass.yml": Data(config.utf8), "content/interviews/n.md": Data(repeating: 0x61, count: 65 * 1024 * 1024)], names: "content/interviews/n.md"),
        Case(name: "note linked from outside", files: text(["canvass.yml": config]), names: "content/interviews/leak.md", link: ("content/interviews/leak.md", "/etc/hostname")),
        Case(name: "notes folder linked from outside", files: text(["canvass.yml": config]), names: "content/interviews", link: ("content/interviews", "/etc/ssl")),
        Case(name: "duplicate note ids", files: text(["canvass.yml": config, "content/interviews/a/n.md": note, "content/interviews/b/n.md": note]), names: "content/interviews/b/n.md"),
        Case(name: "unknown speaker", files: text(["canvass.yml": config, "content/interviews/n.md": "---\ntitle: T\n---\n> Hi\n> — ghost\n"]), names: "content/interviews/n.md"),
        Case(name: "participant without id", files: text(["canvass.yml": config, "content/interviews/n.md": "---\ntitle: T\nparticipants: [{name: Anon}]\n---\n"]), names: "content/interviews/n.md"),
        // Surveys
        Case(name: "ragged CSV row", files: text(["canvass.yml": surveyConfig, "content/surveys/s.csv": "rid,e,p,c\na,1,2\n"]), names: "content/surveys/s.csv"),
        Case(name: "unterminated CSV quote", files: text(["canvass.yml": surveyConfig, "content/surveys/s.csv": "rid,e,p,c\na,1,2,\"open\n"]), names: "content/surveys/s.csv"),
        Case(name: "text after closing quote", files: text(["canvass.yml": surveyConfig, "content/surveys/s.csv": "rid,e,p,c\na,1,2,\"x\"y\n"]), names: "content/surveys/s.csv"),
        Case(name: "NUL in CSV header", files: ["canvass.yml": Data(surveyConfig.utf8), "content/surveys/s.csv": Data("rid,e\u{0},p,c\na,1,2,x\n".utf8)], names: "content/surveys/s.csv"),
        Case(name: "invalid UTF-8 CSV", files: ["canvass.yml": Data(surveyConfig.utf8), "content/surveys/s.csv": Data([0x72, 0x69, 0x64, 0x0A, 0xFF])], names: "content/surveys/s.csv"),
        Case(name: "empty CSV", files: text(["canvass.yml": surveyConfig, "content/surveys/s.csv": ""]), names: "content/surveys/s.csv"),
        Case(name: "duplicate CSV header", files: text(["canvass.yml": surveyConfig, "content/surveys/s.csv": "rid,e,p,c,e\na,1,2,x,3\n"]), names: "content/surveys/s.csv"),
        Case(name: "mapped column missing", files: text(["canvass.yml": surveyConfig, "content/surveys/s.csv": "rid,e,c\na,1,x\n"]), names: "content/surveys/s.csv"),
        Case(name: "duplicate respondent", files: text(["canvass.yml": surveyConfig, "content/surveys/s.csv": "rid,e,p,c\na,1,2,x\na,3,4,y\n"]), names: "content/surveys/s.csv"),
        Case(name: "missing survey file", files: text(["canvass.yml": surveyConfig]), names: "content/surveys/s.csv"),
        Case(name: "survey linked from outside", files: text(["canvass.yml": surveyConfig]), names: "content/surveys/s.csv", link: ("content/surveys/s.csv", "/etc/hostname")),
        // Other content
        Case(name: "records column missing", files: text(["canvass.yml": config + "records: [{file: records/t.csv, opened: o, responded: r}]\n", "content/records/t.csv": "o\n2026-01-01T00:00Z\n"]), names: "content/records/t.csv"),
        Case(name: "codebook malformed", files: text(["canvass.yml": config, "content/data/codebook.yml": "themes: {unclosed\n"]), names: "content/data/codebook.yml"),
        Case(name: "codebook theme without id", files: text(["canvass.yml": config, "content/data/codebook.yml": "themes: [{label: X}]\n"]), names: "content/data/codebook.yml"),
        Case(name: "lexicon valence out of range", files: text(["canvass.yml": config, "content/data/lexicon.yml": "en: {good: 99}\n"]), names: "content/data/lexicon.yml"),
        Case(name: "unknown block", files: text(["canvass.yml": config, "content/pages/p.md": "---\ntitle: P\n---\n```{boom}\n```\n"]), names: "content/pages/p.md"),
        Case(name: "block options not a mapping", files: text(["canvass.yml": config, "content/pages/p.md": "---\ntitle: P\n---\n```{quotes}\n- a\n```\n"]), names: "content/pages/p.md"),
        Case(name: "dangling entity link", files: text(["canvass.yml": config, "content/pages/p.md": "---\ntitle: P\n---\n[x](theme:nowhere)\n"]), names: "content/pages/p.md"),
        Case(name: "narrative for no persona", files: text(["canvass.yml": config, "content/personas/x.md": "---\nid: ghost\n---\n"]), names: "content/personas/x.md"),
        Case(name: "broken template", files: text(["canvass.yml": config, "templates/pages/home.mustache": "{{#open}}never closed\n"]), names: "templates/pages/home.mustache"),
        // Output folders
        Case(name: "output is the project", files: text(["canvass.yml": config]), names: "refusing", output: "."),
        Case(name: "output inside content", files: text(["canvass.yml": config]), names: "content/", output: "content/out"),
        Case(name: "output is a foreign folder", files: text(["canvass.yml": config, "thesis/chapter1.docx": "mine"]), names: "thesis", output: "thesis"),
    ]

    @Test func theCatalogueIsLarge() {
        #expect(Self.rejected.count + Self.neutralised.count >= 40)
    }

    @Test(arguments: rejected)
    func rejectedInputEndsInADiagnosticAndLeavesTheSiteAlone(_ hostile: Case) throws {
        let project = try TemporaryProject([:])
        defer { project.remove() }
        try? FileManager.default.removeItem(atPath: project.root + "/canvass.yml")
        for (path, data) in hostile.files {
            let full = project.root + "/" + path
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try data.write(to: URL(fileURLWithPath: full))
        }
        if let link = hostile.link {
            let full = project.root + "/" + link.from
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: full, withDestinationPath: link.to)
        }
        // A previous site that must survive.
        try project.write("previous build\n", to: "site/index.html")
        try project.write("", to: "site/.canvass-site")
        let before = TemporaryProject.snapshot(of: project.root + "/site")
        let result = runCLI(["build", project.root] + (hostile.output.map { ["--output", $0] } ?? []))
        #expect(result.code == 1, "\(hostile.name): exit \(result.code)\n\(result.err)")
        #expect(result.err.contains(hostile.names), "\(hostile.name): the diagnostic does not name \(hostile.names):\n\(result.err.prefix(600))")
        #expect(result.err.contains("error:"))
        #expect(TemporaryProject.snapshot(of: project.root + "/site") == before, "\(hostile.name) touched the previous site")
    }

    static let neutralised: [(String, [String: String])] = [
        ("script in a note", ["content/interviews/n.md": "---\ntitle: T\n---\n<script>alert(1)</script>\n\n> Hi <script>alert(2)</script> #x\n"]),
        ("javascript links", ["content/interviews/n.md": "---\ntitle: T\n---\n- [a](javascript:alert(1)) [b](JAVASCRIPT:alert(1)) [c](data:text/html;base64,PHNjcmlwdD4=) #x\n"]),
        ("HTML in front matter", ["content/interviews/n.md": "---\ntitle: \"<script>alert(1)</script>\"\nsummary: \"<img src=x onerror=alert(1)>\"\n---\n- x #x\n"]),
        ("event handlers in raw HTML", ["content/interviews/n.md": "---\ntitle: T\n---\n<div onmouseover=\"alert(1)\">hover</div>\n\n- <b onclick=alert(1)>x</b> #x\n"]),
        ("deeply nested quotes", ["content/interviews/n.md": "---\ntitle: T\n---\n" + String(repeating: ">", count: 20000) + " deep #x\n"]),
        ("deeply nested lists", ["content/interviews/n.md": "---\ntitle: T\n---\n" + (0..<3000).map { String(repeating: "  ", count: $0) + "- x\n" }.joined()]),
        ("closing script in a survey answer", [
            "canvass.yml": surveyConfig,
            "content/surveys/s.csv": "rid,e,p,c\na,1,2,\"</script><script>alert(1)</script>\"\nb,3,4,\"" + String(repeating: "y", count: 1_000_000) + "\"\n",
        ]),
        ("emphasis bomb", ["content/interviews/n.md": "---\ntitle: T\n---\n" + String(repeating: "*a ", count: 50000) + "#x\n"]),
    ]

    @Test(arguments: 0..<neutralised.count)
    func attacksAreNeutralised(_ index: Int) throws {
        let (name, files) = Self.neutralised[index]
        let project = try TemporaryProject(["canvass.yml": Self.config].merging(files) { _, new in new })
        defer { project.remove() }
        let result = runCLI(["build", project.root])
        #expect(result.code == 0, "\(name): \(result.err.prefix(400))")
        // Live markup only: escaped text such as `&lt;img onerror=…&gt;` is harmless and expected.
        // An attribute *name* starting with "on", after any number of attributes whose quoted values are skipped.
        let handler = try NSRegularExpression(
            pattern: #"<[a-z][a-z0-9]*(?:\s+[a-z_:][-a-z0-9_:.]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*\s+on[a-z]+\s*="#,
            options: [.caseInsensitive])
        let target = try NSRegularExpression(pattern: #"(href|src)\s*=\s*["']?\s*(javascript|data|vbscript):"#, options: [.caseInsensitive])
        for (path, data) in TemporaryProject.snapshot(of: project.root + "/site") where !path.hasPrefix("assets/") {
            let text = String(decoding: data, as: UTF8.self)
            let range = NSRange(text.startIndex..., in: text)
            #expect(!text.lowercased().contains("<script>alert"), "\(name): \(path) runs a script")
            #expect(handler.firstMatch(in: text, range: range) == nil, "\(name): \(path) has an event-handler attribute")
            #expect(target.firstMatch(in: text, range: range) == nil, "\(name): \(path) links to an unsafe target")
            if path.hasSuffix(".js") || path.hasSuffix(".json") {
                #expect(!text.contains("<") && !text.contains(">"), "\(name): \(path) carries raw angle brackets")
            }
        }
    }
}
