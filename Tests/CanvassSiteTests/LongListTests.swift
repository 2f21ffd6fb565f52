import CanvassSite
import CanvassTestSupport
import Foundation
import Testing

@Suite struct LongListTests {
    /// A theme with more excerpts than a page lists shows the first hundred and says how many
    /// there are; the note keeps every one and the counts are of all of them.
    @Test func aThemePageListsAHundredExcerptsAndSaysHowManyThereAre() throws {
        let bullets = (1...105).map { "- Point number \($0) about price #pricing" }.joined(separator: "\n")
        let project = try TemporaryProject([
            "content/interviews/long.md": "---\ntitle: Long\ndate: 2026-10-01\n---\n\(bullets)\n",
        ])
        defer { project.remove() }
        let report = Pipeline(options: .init(root: project.root)).build()
        try #require(report.succeeded, "\(report.diagnostics)")
        let theme = try #require(project.read("site/themes/pricing/index.html"))
        #expect(theme.components(separatedBy: "<figure class=\"evidence").count - 1 == 100)
        #expect(theme.contains("Point number 100 about price"))
        #expect(!theme.contains("Point number 101 about price"))
        #expect(theme.contains("Showing 100 of 105 excerpts; every one is on its note&#39;s page and in search."))
        #expect(theme.contains("105 excerpts"))
        let note = try #require(project.read("site/notes/long/index.html"))
        #expect(note.contains("Point number 105 about price"))
    }
}
