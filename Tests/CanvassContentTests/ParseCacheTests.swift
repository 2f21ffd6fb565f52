@testable import CanvassContent
import CanvassCore
import CanvassSupport
import CanvassTestSupport
import Foundation
import Testing

/// The parsed notes `canvass build` keeps in `.canvass-cache/notes.bin`: read back, they must be
/// the notes (and diagnostics) a fresh parse gives, and a file that is not exactly what this
/// binary wrote must be ignored.
@Suite struct ParseCacheTests {
    let rich = """
    ---
    title: Café visit 门店走访
    date: 2026-09-14
    method: field-note
    participants:
      - {id: p1, name: Jane, role: Manager, attributes: {plan: pro, seats: 12}}
      - {id: p2}
    tags: [visit]
    summary: Two people, one *counter*.
    ---
    # Setup

    > Took **ages** to find the [settings](https://example.com/a "Settings") page. #onboarding #need/checklist
    > — p1

    1. First `step`
    2. Second ![chart](img/c.png "Chart")

    - 太慢了，等了很久。 #onboarding
    - Line one\\
      line two <b>raw</b>

    ```swift
    let x = 1
    ```

    ***

    See [the persona](persona:owner).
    """

    /// 300 nested quotes: deeper than a parse keeps, so the note carries a warning.
    var deep: String { "---\ntitle: Deep\n---\n" + String(repeating: "> ", count: 300) + "deep\n" }

    private func loadAll(_ project: TemporaryProject, cache: LoadCache) -> ProjectLoader.Result {
        ProjectLoader(root: project.root, cache: cache).load()
    }

    @Test func savedNotesReadBackAsParsedWithTheirDiagnostics() throws {
        let project = try TemporaryProject(
            ["content/interviews/rich.md": rich, "content/interviews/deep.md": deep], includeTheme: false)
        defer { project.remove() }
        let first = LoadCache()
        let parsed = loadAll(project, cache: first)
        let notes = try #require(parsed.project?.notes)
        #expect(notes.count == 2)
        #expect(parsed.diagnostics.contains { $0.severity == .warning && $0.message.contains("nested more than") })

        let path = project.root + "/notes.bin"
        try first.save(to: path, stamp: "this canvass")
        let restored = LoadCache.restored(from: path, stamp: "this canvass")
        let again = loadAll(project, cache: restored)
        #expect(restored.parsedInLastLoad.isEmpty)
        #expect(again.diagnostics == parsed.diagnostics)
        let reread = try #require(again.project?.notes)
        for (a, b) in zip(notes, reread) {
            #expect(a.id == b.id && a.title == b.title && a.date == b.date && a.method == b.method)
            #expect(a.participants == b.participants && a.tags == b.tags && a.summary == b.summary && a.draft == b.draft)
            #expect(a.file == b.file && a.body == b.body && a.excerpts == b.excerpts)
            #expect(a.excerptTags == b.excerptTags && a.entityLinks == b.entityLinks && a.excerptFacts == b.excerptFacts)
        }
        #expect(reread.first { $0.id == "rich" }?.participants.first?.attributes == ["plan": "pro", "seats": "12"])
    }

    /// The notes are saved in chunks that are read back on every core: many notes, in order.
    @Test func manyNotesReadBackInTheirOrderAcrossChunks() throws {
        var files: [String: String] = [:]
        for index in 0..<600 {
            files[String(format: "content/interviews/n%03d.md", index)] = "---\ntitle: Note \(index)\n---\n- Point \(index) #t\(index % 7)\n"
        }
        let project = try TemporaryProject(files, includeTheme: false)
        defer { project.remove() }
        let first = LoadCache()
        let parsed = try #require(loadAll(project, cache: first).project?.notes)
        let path = project.root + "/notes.bin"
        try first.save(to: path, stamp: "this canvass")
        let restored = LoadCache.restored(from: path, stamp: "this canvass")
        let again = try #require(loadAll(project, cache: restored).project?.notes)
        #expect(restored.parsedInLastLoad.isEmpty)
        #expect(again.map(\.title) == parsed.map(\.title) && again.map(\.excerpts) == parsed.map(\.excerpts))
    }

    /// An excerpt is saved as the path to its block in the note's body; one whose block is not
    /// there, or whose note id or file is not its note's, is saved whole and reads back the same.
    @Test func excerptsReadBackFromTheirPlaceInTheBody() throws {
        let project = try TemporaryProject(["content/interviews/rich.md": rich, "content/interviews/deep.md": deep], includeTheme: false)
        defer { project.remove() }
        let notes = try #require(loadAll(project, cache: LoadCache()).project?.notes)
        #expect(notes.allSatisfy { note in note.excerpts.allSatisfy { ArchiveWriter.path(to: $0.content, in: note.body) != nil } })
        var odd = try #require(notes.first { $0.excerpts.count >= 2 })
        var excerpts = odd.excerpts
        let nowhere = SourcePoint(line: 999, column: 1)
        excerpts[0].content = MarkdownNode(kind: .paragraph, children: [MarkdownNode(kind: .text, literal: "elsewhere", start: nowhere, end: nowhere)],
                                           start: nowhere, end: nowhere)
        excerpts[1].noteID = "another-note"
        excerpts[1].location = SourceLocation(file: "content/interviews/other.md", line: 3, column: 1)
        odd.excerpts = excerpts
        for note in notes + [odd] {
            var writer = ArchiveWriter()
            writer.note(note)
            var reader = ArchiveReader(writer.take())
            let back = try reader.note()
            #expect(back.excerpts == note.excerpts && back.body == note.body && reader.atEnd)
        }
        // A path that leads out of the body is damage, not a trap.
        var writer = ArchiveWriter()
        writer.string(Excerpt.Kind.observation.rawValue)
        writer.bool(true)
        writer.bool(true)
        writer.int(1)
        writer.int(1)
        writer.bool(true)
        writer.array([0, 7]) { $0.int($1) }
        var reader = ArchiveReader(writer.take())
        let body = MarkdownNode(kind: .document, children: [MarkdownNode(kind: .paragraph, start: .init(line: 1, column: 1), end: .init(line: 1, column: 5))],
                                start: .init(line: 1, column: 1), end: .init(line: 1, column: 5))
        #expect(throws: ArchiveError.self) { try reader.excerpt(noteID: "n", file: "f.md", body: body) }
    }

    @Test func chunkedValuesReadBackInOrderAndAWrongLengthFails() throws {
        var writer = ArchiveWriter()
        writer.chunks(Array(0..<1000), size: 7) { $0.int($1) }
        writer.string("after")
        let bytes = writer.take()
        var reader = ArchiveReader(bytes)
        #expect(try reader.chunks { try $0.int() } == Array(0..<1000))
        #expect(try reader.string() == "after" && reader.atEnd)
        // After the number of chunks comes the first chunk's length (a zigzag varint, one byte
        // here, twice the value): one less leaves that chunk short of its last value.
        var count = ArchiveWriter()
        count.int(143)
        var damaged = bytes
        damaged[count.take().count] -= 2
        var broken = ArchiveReader(damaged)
        #expect(throws: ArchiveError.self) { try broken.chunks { try $0.int() } }
    }

    @Test func aCacheFromAnotherBinaryOrDamagedIsIgnored() throws {
        let project = try TemporaryProject(["content/interviews/rich.md": rich], includeTheme: false)
        defer { project.remove() }
        let first = LoadCache()
        _ = loadAll(project, cache: first)
        let path = project.root + "/notes.bin"
        try first.save(to: path, stamp: "this canvass")
        let saved = try Data(contentsOf: URL(fileURLWithPath: path))

        let other = LoadCache.restored(from: path, stamp: "another canvass")
        _ = loadAll(project, cache: other)
        #expect(other.parsedInLastLoad == ["content/interviews/rich.md"])

        // Cut short anywhere, or with a byte changed past the header, the file gives nothing back.
        let header = saved.firstIndex(of: UInt8(ascii: "\n"))! + 1
        for cut in stride(from: header, to: saved.count, by: max(1, saved.count / 40)) {
            try saved.prefix(cut).write(to: URL(fileURLWithPath: path))
            let damaged = LoadCache.restored(from: path, stamp: "this canvass")
            let result = loadAll(project, cache: damaged)
            #expect(damaged.parsedInLastLoad == ["content/interviews/rich.md"], "cut at \(cut)")
            #expect(result.project?.notes.first?.title == "Café visit 门店走访")
        }
        var changed = saved
        changed[header + 3] ^= 0xFF
        try changed.write(to: URL(fileURLWithPath: path))
        let flipped = LoadCache.restored(from: path, stamp: "this canvass")
        let result = loadAll(project, cache: flipped)
        #expect(flipped.parsedInLastLoad == ["content/interviews/rich.md"])
        #expect(result.project?.notes.first?.title == "Café visit 门店走访")
        // A byte changed in the middle of the notes, where it could still read as text, too.
        changed = saved
        changed[header + 8 + (saved.count - header - 8) / 2] ^= 0x01
        try changed.write(to: URL(fileURLWithPath: path))
        let nudged = LoadCache.restored(from: path, stamp: "this canvass")
        _ = loadAll(project, cache: nudged)
        #expect(nudged.parsedInLastLoad == ["content/interviews/rich.md"])
    }

    /// The caches' checksum reads eight bytes at a time: changing any one byte, in a whole word or
    /// in the tail, or only the length (zero bytes appended), must change it.
    @Test func checksumSeesEveryByteAndTheLength() {
        let bytes = (0..<37).map { UInt8(truncatingIfNeeded: $0 &* 73 &+ 11) }
        let base = ContentDigest.checksumHex(bytes)
        #expect(base == ContentDigest.checksumHex(Array(bytes)))
        var seen: Set<String> = [base]
        for index in bytes.indices {
            for flip: UInt8 in [0x01, 0x80] {
                var changed = bytes
                changed[index] ^= flip
                seen.insert(ContentDigest.checksumHex(changed))
            }
        }
        #expect(seen.count == 1 + 2 * bytes.count)
        for extra in 1...9 { seen.insert(ContentDigest.checksumHex(bytes + Array(repeating: 0, count: extra))) }
        #expect(seen.count == 1 + 2 * bytes.count + 9)
        #expect(ContentDigest.checksumHex([]) != ContentDigest.checksumHex([0]))
    }

    @Test func anEditedNoteIsParsedAgain() throws {
        let project = try TemporaryProject(["content/interviews/rich.md": rich, "content/interviews/deep.md": deep], includeTheme: false)
        defer { project.remove() }
        let first = LoadCache()
        _ = loadAll(project, cache: first)
        let path = project.root + "/notes.bin"
        try first.save(to: path, stamp: "this canvass")
        try project.write(rich.replacingOccurrences(of: "Took **ages**", with: "Took **days**"), to: "content/interviews/rich.md")
        let restored = LoadCache.restored(from: path, stamp: "this canvass")
        let result = loadAll(project, cache: restored)
        #expect(restored.parsedInLastLoad == ["content/interviews/rich.md"])
        #expect(result.project?.notes.first { $0.id == "rich" }?.excerpts.first?.text.contains("Took days") == true)
    }
}
