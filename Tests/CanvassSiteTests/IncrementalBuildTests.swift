import CanvassCore
import CanvassSite
import CanvassTestSupport
import Foundation
import Testing

/// Builds that reuse earlier work (`.canvass-cache/` for `build`, the in-memory caches of `serve`)
/// must write exactly what a clean build writes.
@Suite struct IncrementalBuildTests {
    private func cleanBuild(of project: TemporaryProject) throws -> [String: Data] {
        let output = NSTemporaryDirectory() + "canvass-clean-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: output) }
        let report = Pipeline(options: .init(root: project.root, output: output)).build()
        try #require(report.succeeded, "\(report.diagnostics)")
        return TemporaryProject.snapshot(of: output)
    }

    @Test func editsRenamesAndDeletionsGiveTheSameSiteAsACleanBuild() throws {
        let project = try TemporaryProject(StarterProject.files(language: .english))
        defer { project.remove() }
        let session = BuildSession(keeping: [.inMemory, .onDisk])
        let pipeline = Pipeline(options: Pipeline.Options(root: project.root), session: session)
        let site = project.root + "/site"

        func buildAndCompare(_ step: String) throws {
            let report = pipeline.build()
            try #require(report.succeeded, "\(step): \(report.diagnostics)")
            #expect(!report.upToDate, "\(step) changed an input, so the build must not be skipped")
            #expect(TemporaryProject.snapshot(of: site) == (try cleanBuild(of: project)), "\(step)")
        }

        try buildAndCompare("first build")
        #expect(pipeline.build().upToDate)

        let interview = "content/interviews/first-interview.md"
        try project.write(try #require(project.read(interview)).replacingOccurrences(of: "Every Friday", with: "Every Monday"), to: interview)
        try buildAndCompare("edit a note")
        #expect(session.loads?.parsedInLastLoad == [interview])
        #expect(try String(contentsOfFile: site + "/notes/first-interview/index.html", encoding: .utf8).contains("Every Monday"))

        // Same size, straight after the last build: `serve` skips unchanged notes by size and time, so
        // this must still count as a change.
        try project.write(try #require(project.read(interview)).replacingOccurrences(of: "Every Monday", with: "Every Sunday"), to: interview)
        try buildAndCompare("same-size edit")
        #expect(session.loads?.parsedInLastLoad == [interview])
        #expect(try String(contentsOfFile: site + "/notes/first-interview/index.html", encoding: .utf8).contains("Every Sunday"))

        // What `serve` keeps per excerpt (sentiment, terms, themes) must be worked out again when
        // the lexicon, the stopwords or the codebook change.
        try project.write("en:\n  spreadsheet: -3\n  hand: 2\nstopwords: [numbers, copy]\n", to: "content/data/lexicon.yml")
        try buildAndCompare("add a lexicon and stopwords")
        let codebook = "content/data/codebook.yml"
        try project.write(try #require(project.read(codebook)).replacingOccurrences(of: "tags: [exports, reports]", with: "tags: [exports, reports, support]"), to: codebook)
        try buildAndCompare("file a tag under another theme too")

        try FileManager.default.moveItem(atPath: project.root + "/content/interviews/support-call.md",
                                         toPath: project.root + "/content/interviews/export-call.md")
        try buildAndCompare("rename a note")
        #expect(!FileManager.default.fileExists(atPath: site + "/notes/support-call"))
        #expect(FileManager.default.fileExists(atPath: site + "/notes/export-call/index.html"))

        try FileManager.default.removeItem(atPath: project.root + "/content/interviews/export-call.md")
        try buildAndCompare("delete a note")
        #expect(!FileManager.default.fileExists(atPath: site + "/notes/export-call"))
        #expect(try !String(contentsOfFile: site + "/search/docs/0.js", encoding: .utf8).contains("export-call"))

        let survey = "content/surveys/survey.csv"
        try project.write(try #require(project.read(survey)) + "r-999,6,6,6,6,6,6,10,5,40,pro,1,5\n", to: survey)
        try buildAndCompare("edit the survey")
        #expect(session.analyses?.surveyRuns == 2)

        try project.write("body { color: teal }\n", to: "templates/assets/style.css")
        try buildAndCompare("override a theme file")
        #expect(pipeline.build().upToDate)
    }

    /// Each build here starts afresh, as `canvass build` does in a new process: what it reuses
    /// comes from `.canvass-cache/` alone, where the last build left every note it parsed.
    @Test func aNewBuildParsesOnlyTheNotesThatChanged() throws {
        let project = try TemporaryProject(StarterProject.files(language: .english))
        defer { project.remove() }
        let site = project.root + "/site"
        let survey = "content/surveys/survey.csv"

        @discardableResult
        func buildAndCompare(_ step: String, parses expected: [String], reusesSegmentation: Bool = true) throws -> Pipeline.Report {
            let report = Pipeline(options: Pipeline.Options(root: project.root), session: BuildSession(keeping: .onDisk)).build()
            try #require(report.succeeded, "\(step): \(report.diagnostics)")
            #expect(report.parsed?.sorted() == expected.sorted(), "\(step)")
            #expect(report.reusedSegmentations == (reusesSegmentation ? 1 : 0), "\(step)")
            #expect(TemporaryProject.snapshot(of: site) == (try cleanBuild(of: project)), "\(step)")
            return report
        }

        let first = "content/interviews/first-interview.md", support = "content/interviews/support-call.md"
        let firstBuild = try buildAndCompare("first build", parses: [first, support, survey], reusesSegmentation: false)
        #expect(FileManager.default.fileExists(atPath: project.root + "/.canvass-cache/notes.bin"))
        #expect(firstBuild.reusedPages == 0 && firstBuild.pageModels.count == firstBuild.pages)

        // Pages whose view model did not change are the previous build's bytes, not rendered
        // again; the edited note's page and the pages that show its text are rendered.
        try project.write(try #require(project.read(first)).replacingOccurrences(of: "Every Friday", with: "Every Monday"), to: first)
        let edit = try buildAndCompare("edit a note", parses: [first, survey])
        #expect(edit.pageModels["notes/first-interview/index.html"] != firstBuild.pageModels["notes/first-interview/index.html"])
        #expect(edit.pageModels["notes/support-call/index.html"] == firstBuild.pageModels["notes/support-call/index.html"])
        #expect(edit.reusedPages > 0 && edit.reusedPages < edit.pages)

        // Another template: every page is rendered again, even with the same view models.
        try project.write("<!-- another theme -->\n" + (try #require(project.read("templates/layouts/base.mustache"))), to: "templates/layouts/base.mustache")
        let retheme = try buildAndCompare("edit the base template", parses: [survey])
        #expect(retheme.reusedPages == 0)
        #expect(try #require(project.read("site/notes/support-call/index.html")).hasPrefix("<!-- another theme -->"))

        let renamed = "content/interviews/export-call.md"
        try FileManager.default.moveItem(atPath: project.root + "/" + support, toPath: project.root + "/" + renamed)
        try buildAndCompare("rename a note", parses: [renamed, survey])
        #expect(!FileManager.default.fileExists(atPath: site + "/notes/support-call"))

        try FileManager.default.removeItem(atPath: project.root + "/" + renamed)
        try buildAndCompare("delete a note", parses: [survey])
        #expect(!FileManager.default.fileExists(atPath: site + "/notes/export-call"))

        try project.write(try #require(project.read(survey)) + "r-999,6,6,6,6,6,6,10,5,40,pro,1,5\n", to: survey)
        try buildAndCompare("edit the survey", parses: [survey], reusesSegmentation: false)

        // Pages the edit did not change are the previous build's files, kept (linked), not written
        // again; a page changed by hand since is written afresh, even at the same size.
        func inode(_ path: String) -> UInt64? {
            var info = stat()
            return stat(site + "/" + path, &info) == 0 ? UInt64(info.st_ino) : nil
        }
        let unchanged = "methodology/index.html", tampered = "gaps/index.html"
        let before = inode(unchanged)
        let original = try #require(project.read("site/" + tampered))
        let swapped = original.replacingOccurrences(of: "<html", with: "<HTML")
        #expect(swapped != original && swapped.utf8.count == original.utf8.count)
        try project.write(swapped, to: "site/" + tampered)
        try project.write(try #require(project.read(first)).replacingOccurrences(of: "Every Monday", with: "Every Tuesday"), to: first)
        try buildAndCompare("edit a note after changing a page by hand", parses: [first, survey])
        #expect(inode(unchanged) == before)
        #expect(project.read("site/" + tampered) == original)

        try project.write("", to: ".canvass-cache/notes.bin")
        try project.write(try #require(project.read(first)).replacingOccurrences(of: "Every Tuesday", with: "Every Sunday"), to: first)
        try buildAndCompare("a damaged cache", parses: [first, survey])
    }

    @Test func aChangedOutputOrAnotherCanvassDiscardsTheCache() throws {
        let project = try TemporaryProject(StarterProject.files(language: .english))
        defer { project.remove() }
        var options = Pipeline.Options(root: project.root)
        #expect(Pipeline(options: options, session: BuildSession(keeping: .onDisk)).build().succeeded)
        #expect(Pipeline(options: options, session: BuildSession(keeping: .onDisk)).build().upToDate)

        let home = project.root + "/site/index.html"
        let original = try Data(contentsOf: URL(fileURLWithPath: home))
        try Data("edited by hand".utf8).write(to: URL(fileURLWithPath: home))
        #expect(!Pipeline(options: options, session: BuildSession(keeping: .onDisk)).build().upToDate)
        #expect(try Data(contentsOf: URL(fileURLWithPath: home)) == original)

        let cacheFile = project.root + "/.canvass-cache/build.json"
        let stored = try #require(project.read(".canvass-cache/build.json"))
        let otherBinary = stored.replacingOccurrences(of: "\"@canvass\":\"", with: "\"@canvass\":\"0.0.9 ")
        #expect(otherBinary != stored)
        try Data(otherBinary.utf8).write(to: URL(fileURLWithPath: cacheFile))
        #expect(!Pipeline(options: options, session: BuildSession(keeping: .onDisk)).build().upToDate)

        options.includeDrafts = true
        #expect(!Pipeline(options: options, session: BuildSession(keeping: .onDisk)).build().upToDate)
    }
}
