import Foundation
import CanvassTestSupport
import CanvassCore
import Testing
@testable import CanvassContent

@Suite struct NoteLoadingTests {
    @Test func loadsFrontMatterAndExcerptsWithFilePositions() throws {
        let result = try load(["content/interviews/call.md": goodNote])
        let note = try #require(result.project?.notes.first)
        #expect(result.diagnostics.isEmpty)
        #expect(note.id == "call")
        #expect(note.title == "A call")
        #expect(note.date?.description == "2026-09-14")
        #expect(note.method == .interview)
        #expect(note.participants == [Participant(id: "p1", name: "Jane", role: "Manager")])
        #expect(note.excerpts.count == 1)
        #expect(note.excerpts[0].location == SourceLocation(file: "content/interviews/call.md", line: 7, column: 1))
        #expect(note.excerpts[0].speaker == "p1")
        #expect(note.excerpts[0].anchor == "L7")
    }

    @Test func frontMatterTagsAttachToEveryExcerpt() throws {
        let text = "---\ntitle: T\ntags: [\"#Pricing\", setup]\n---\n- one #a\n- two #b/c\n"
        let note = try #require(try load(["content/interviews/t.md": text]).project?.notes.first)
        #expect(note.excerpts.map(\.tags) == [["a", "pricing", "setup"], ["b/c", "pricing", "setup"]])
    }

    @Test func windowsLineEndingsKeepLineNumbers() throws {
        let crlf = goodNote.replacingOccurrences(of: "\n", with: "\r\n")
        let note = try #require(try load(["content/interviews/call.md": crlf]).project?.notes.first)
        #expect(note.excerpts[0].location.line == 7)
        #expect(note.excerpts[0].speaker == "p1")
    }

    @Test func badYAMLInFrontMatterPointsAtTheLine() throws {
        let text = "---\ntitle: Call: onboarding\ndate: 2026-09-14\n---\nBody\n"
        let result = try load(["content/interviews/bad.md": text])
        #expect(result.project == nil)
        #expect(places(result.diagnostics) == ["content/interviews/bad.md:2:12 error"])
        #expect(result.diagnostics[0].hint?.contains("quoted") == true)
        #expect(result.diagnostics[0].sourceLine == "title: Call: onboarding")
    }

    @Test func theCaretStandsUnderTheColumnInChineseText() throws {
        // Each Han character and fullwidth colon takes two terminal cells: the caret is under
        // the second `：`, where the YAML value goes wrong, not halfway along the title.
        let text = "---\ntitle: 访谈：入职: 第二次\n---\nBody\n"
        let result = try load(["content/interviews/zh.md": text])
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.location?.column == 13)
        #expect(diagnostic.formatted.contains("    title: 访谈：入职: 第二次\n" + "    " + String(repeating: " ", count: 17) + "^"))
    }

    @Test func unclosedBracketSaysWhereItBegan() throws {
        let text = "---\ntitle: T\nparticipants: [\nsummary: x\n---\n"
        let result = try load(["content/interviews/b.md": text])
        #expect(places(result.diagnostics) == ["content/interviews/b.md:5:1 error"])
        #expect(result.diagnostics[0].hint?.hasPrefix("it began at line 3, column 15") == true)
    }

    @Test func dateThatIsNotADate() throws {
        let text = "---\ntitle: T\ndate: 2026-02-30\n---\n"
        let result = try load(["content/interviews/d.md": text])
        #expect(places(result.diagnostics) == ["content/interviews/d.md:3:7 error"])
        #expect(result.diagnostics[0].message == "`date` is not a date: `2026-02-30`")
    }

    @Test func unknownSpeakerIsAnErrorAtTheSpeakerLine() throws {
        let text = "---\ntitle: T\nparticipants: [{id: p1}]\n---\n\n> quote\n> — p2\n"
        let result = try load(["content/interviews/s.md": text])
        #expect(places(result.diagnostics) == ["content/interviews/s.md:7:5 error"])
        #expect(result.diagnostics[0].hint == "did you mean `p1`?")
    }

    @Test func missingOrUnterminatedFrontMatter() throws {
        let result = try load([
            "content/interviews/none.md": "# Just a heading\n",
            "content/interviews/open.md": "---\ntitle: T\n",
            "content/interviews/untitled.md": "---\ndate: 2026-01-01\n---\n",
        ])
        #expect(places(result.diagnostics) == [
            "content/interviews/none.md:1:1 error",
            "content/interviews/open.md:1:1 error",
            "content/interviews/untitled.md:2:1 error",
        ])
        #expect(result.diagnostics.map(\.message) == [
            "note has no front matter", "front matter starts with `---` but never ends", "note has no `title`",
        ])
    }

    @Test func unknownFrontMatterKeyIsAWarningWithSuggestion() throws {
        let text = "---\ntitle: T\nparticipnts: []\n---\n"
        let result = try load(["content/interviews/k.md": text])
        #expect(result.project != nil)
        #expect(places(result.diagnostics) == ["content/interviews/k.md:3:1 warning"])
        #expect(result.diagnostics[0].hint == "did you mean `participants`?")
    }

    @Test func wrongTypesAndMethodsAreErrors() throws {
        let text = "---\ntitle: [a, b]\nmethod: interveiw\n---\n"
        let result = try load(["content/interviews/w.md": text])
        #expect(places(result.diagnostics) == ["content/interviews/w.md:2:8 error", "content/interviews/w.md:3:9 error"])
        #expect(result.diagnostics[1].hint == "did you mean `interview`?")
    }

    @Test func duplicateNoteIDsNameBothFiles() throws {
        let result = try load([
            "content/interviews/a/call.md": goodNote,
            "content/interviews/b/call.md": goodNote,
        ])
        #expect(places(result.diagnostics) == ["content/interviews/b/call.md:1:1 error"])
        #expect(result.diagnostics[0].message == "note id `call` is already used by content/interviews/a/call.md")
    }

    @Test func allDiagnosticsOfTheStageAreCollected() throws {
        let result = try load([
            "content/interviews/one.md": "---\ntitle: T\ndate: nope\n---\n",
            "content/interviews/two.md": "---\ntitle: [x]\n---\n",
            "canvass.yml": "title: S\nlanguag: en\n",
        ])
        #expect(places(result.diagnostics) == [
            "canvass.yml:2:1 warning",
            "content/interviews/one.md:3:7 error",
            "content/interviews/two.md:2:8 error",
        ])
    }

    @Test func draftsAreLeftOutUnlessAsked() throws {
        let files = ["content/interviews/d.md": "---\ntitle: D\ndraft: true\n---\n", "content/interviews/p.md": goodNote]
        #expect(try load(files).project?.notes.map(\.id) == ["p"])
        #expect(try load(files, drafts: true).project?.notes.map(\.id).sorted() == ["d", "p"])
    }

    @Test func notesAreSortedNewestFirst() throws {
        let result = try load([
            "content/interviews/old.md": "---\ntitle: Old\ndate: 2025-01-01\n---\n",
            "content/interviews/new.md": "---\ntitle: New\ndate: 2026-01-01\n---\n",
            "content/interviews/undated.md": "---\ntitle: Undated\n---\n",
        ])
        #expect(result.project?.notes.map(\.id) == ["new", "old", "undated"])
    }

    @Test func invalidUTF8IsADiagnostic() throws {
        let project = try CanvassTestSupport.TemporaryProject([:], includeTheme: false)
        defer { project.remove() }
        try FileManager.default.createDirectory(atPath: project.root + "/content/interviews", withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: project.root + "/content/interviews/bin.md", contents: Data([0x2D, 0xFF, 0xFE]))
        let result = ProjectLoader(root: project.root).load()
        #expect(places(result.diagnostics) == ["content/interviews/bin.md:1:1 error"])
        #expect(result.diagnostics[0].message == "file is not valid UTF-8")
    }
}
