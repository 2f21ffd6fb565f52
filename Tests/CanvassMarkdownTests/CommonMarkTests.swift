import CanvassCore
import Testing
@testable import CanvassMarkdown

@Suite struct CommonMarkTests {
    @Test func blocksKeepTheirFileLineAndColumn() {
        let doc = CommonMark.parse("# Title\n\nSome *text*.\n\n> quoted\n", firstLine: 5)
        #expect(doc.children.count == 3)
        #expect(doc.children[0].kind == .heading(level: 1))
        #expect(doc.children[0].start == SourcePoint(line: 5, column: 1))
        #expect(doc.children[1].start == SourcePoint(line: 7, column: 1))
        #expect(doc.children[2].kind == .blockQuote)
        #expect(doc.children[2].children[0].start == SourcePoint(line: 9, column: 3))
    }

    @Test func columnsCountCharactersNotBytes() {
        // "- 上手" : the paragraph inside the item starts after "- " at column 3 both ways,
        // but a nested item after Chinese text shows the difference.
        let doc = CommonMark.parse("> 很好\n>  > 嵌套\n")
        let inner = doc.children[0].children[1]
        #expect(inner.kind == .blockQuote)
        #expect(inner.start == SourcePoint(line: 2, column: 4))
        let text = "上手 > x"
        #expect(LineTable(text).scalarColumn(line: 1, byteColumn: 8) == 4)
    }

    @Test func listsAndCodeAreCopied() {
        let doc = CommonMark.parse("3. one\n4. two\n\n```swift\nlet x = 1\n```\n")
        guard case .list(let ordered, let start, let tight) = doc.children[0].kind else {
            Issue.record("expected a list"); return
        }
        #expect(ordered && start == 3 && tight)
        #expect(doc.children[0].children.count == 2)
        #expect(doc.children[1].kind == .codeBlock(info: "swift"))
        #expect(doc.children[1].literal == "let x = 1\n")
    }

    @Test func invalidUTF8AndEmptyInputDoNotTrap() {
        #expect(CommonMark.parse("").children.isEmpty)
        let doc = CommonMark.parse(String(decoding: [0x61, 0xFF, 0x62], as: UTF8.self))
        #expect(doc.plainText == "a\u{FFFD}b")
    }
}
