import Testing
@testable import CanvassMarkdown

@Suite struct FrontMatterTests {
    @Test func splitsWithLineOffsets() throws {
        let split = try FrontMatter.split("---\ntitle: A\ndate: 2026-09-14\n---\n# Body\n").get()
        #expect(split.yaml == "title: A\ndate: 2026-09-14")
        #expect(split.yamlFirstLine == 2)
        #expect(split.body == "# Body\n")
        #expect(split.bodyFirstLine == 5)
        let doc = CommonMark.parse(split.body, firstLine: split.bodyFirstLine)
        #expect(doc.children[0].start.line == 5)
    }

    @Test func acceptsBOMDotsAndNoBody() throws {
        let split = try FrontMatter.split("\u{FEFF}---\ntitle: A\n...").get()
        #expect(split.yaml == "title: A")
        #expect(split.body == "")
        #expect(split.bodyFirstLine == 4)
    }

    @Test func noFrontMatterMeansAllBody() throws {
        let split = try FrontMatter.split("# Just text\n").get()
        #expect(split.yaml == nil)
        #expect(split.bodyFirstLine == 1)
    }

    @Test func emptyFrontMatterTrailingBlanksAndAMarkerAtTheEnd() throws {
        let empty = try FrontMatter.split("---\n---\nBody").get()
        #expect(empty.yaml == "" && empty.body == "Body" && empty.bodyFirstLine == 3)
        let blanks = try FrontMatter.split("---  \nA: 1\n--- \t\n\nBody\n").get()
        #expect(blanks.yaml == "A: 1" && blanks.body == "\nBody\n" && blanks.bodyFirstLine == 4)
        let atEnd = try FrontMatter.split("---\nA: 1\nB: 2\n---").get()
        #expect(atEnd.yaml == "A: 1\nB: 2" && atEnd.body == "" && atEnd.bodyFirstLine == 5)
        #expect(try FrontMatter.split("----\nA: 1\n---\n").get().yaml == nil)
        #expect(FrontMatter.split("---") == .failure(.unterminated))
    }

    @Test func unterminatedIsReported() {
        #expect(FrontMatter.split("---\ntitle: A\n# Body\n") == .failure(.unterminated))
    }
}
