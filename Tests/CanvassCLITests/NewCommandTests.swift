import CanvassTestSupport
import Foundation
import Testing

@Suite struct NewCommandTests {
    private func emptyFolder() -> String {
        NSTemporaryDirectory() + "canvass-new-" + UUID().uuidString
    }

    @Test(arguments: ["en", "zh-Hans"])
    func aNewProjectBuildsAtOnceWithNoWarningsAndEveryPageType(language: String) throws {
        let root = emptyFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let created = runCLI(["new", root, "--language", language])
        #expect(created.code == 0)
        #expect(created.out.contains("canvass build \(root)"))
        #expect(created.out.contains("canvass serve \(root)"))
        let built = runCLI(["build", "--strict", root])
        #expect(built.code == 0)
        #expect(built.err == "")
        #expect(built.out.hasPrefix("built 24 pages from 2 notes"))
        let pages = ["index.html", "notes/index.html", "notes/first-interview/index.html", "themes/onboarding/index.html",
                     "personas/plan-basic-age-low/index.html", "gaps/service/index.html", "needs/index.html", "service/index.html",
                     "quality/index.html", "methodology/index.html", "search/index.html", "pages/summary/index.html",
                     "actions/index.html", "actions/first-day-checklist/index.html"]
        for page in pages {
            #expect(FileManager.default.fileExists(atPath: root + "/site/" + page), "\(page) is missing")
        }
        let home = try String(contentsOfFile: root + "/site/index.html", encoding: .utf8)
        #expect(home.contains(language == "en" ? "My first study" : "我的第一项研究"))
        #expect(home.contains("lang=\"\(language)\""))
        // The starter labels its attributes: a generated persona name reads "Pro plan · higher
        // age" / "套餐为专业版 · 年龄较高", never "Plan为pro"; its verdicts do not call a shortfall overkill.
        let personas = try String(contentsOfFile: root + "/site/data/personas.json", encoding: .utf8)
        #expect(personas.contains(language == "en" ? "\"Pro plan · higher age\"" : "\"套餐为专业版 · 年龄较高\""))
        #expect(!personas.contains("Plan为") && !personas.contains("plan为"))
        let gaps = try String(contentsOfFile: root + "/site/data/gaps.json", encoding: .utf8)
        #expect(gaps.contains("\"verdict\": \"fix later\"") && !gaps.contains("\"verdict\": \"possible overkill\""))
    }

    @Test func newRefusesAFolderThatHasFiles() throws {
        let root = emptyFolder()
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: root + "/notes.txt"))
        let result = runCLI(["new", root])
        #expect(result.code == 2)
        #expect(result.err.contains("already exists and is not an empty folder"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root) == ["notes.txt"])
    }

    @Test func newWritesTheSameFilesEveryTime() throws {
        let first = emptyFolder(), second = emptyFolder()
        defer { try? FileManager.default.removeItem(atPath: first); try? FileManager.default.removeItem(atPath: second) }
        #expect(runCLI(["new", first]).code == 0)
        #expect(runCLI(["new", second]).code == 0)
        #expect(TemporaryProject.snapshot(of: first) == TemporaryProject.snapshot(of: second))
    }
}
