import CanvassCore
import CanvassTestSupport
import Testing
@testable import CanvassMarkdown

@Suite struct ExcerptExtractorTests {
    let source = """
    ## Setup
    > It took us two weeks to get the first appointment booked. #onboarding #service
    > — r-0042

    - Wants a checklist for the first day #onboarding #need/checklist
      - nested with `#code` only
      - nested tagged #setup
    - untagged item

    A plain paragraph.

    A tagged paragraph with `#notatag` in code #pricing.

    ```
    #inside-code-block
    ```
    """

    @Test func findsQuotesAndTaggedBlocksInOrder() {
        let (_, excerpts) = ExcerptExtractor.extract(from: CommonMark.parse(source))
        #expect(excerpts.map(\.kind) == [.quote, .observation, .observation, .observation])
        #expect(excerpts[0].speaker == "r-0042")
        #expect(excerpts[0].tags == ["onboarding", "service"])
        #expect(excerpts[0].text == "It took us two weeks to get the first appointment booked.")
        #expect(excerpts[0].node.start == SourcePoint(line: 2, column: 1))
        #expect(excerpts[1].tags == ["need/checklist", "onboarding"])
        #expect(excerpts[1].text == "Wants a checklist for the first day")
        #expect(excerpts[2].tags == ["setup"])
        #expect(excerpts[2].node.start == SourcePoint(line: 7, column: 3))
        #expect(excerpts[3].tags == ["pricing"])
        #expect(excerpts[3].node.start == SourcePoint(line: 12, column: 1))
    }

    @Test func speakerLineIsLiftedOutOfTheQuote() {
        let (document, excerpts) = ExcerptExtractor.extract(from: CommonMark.parse(source))
        #expect(!document.plainText.contains("r-0042"))
        #expect(!excerpts[0].node.plainText.contains("—"))
        let separate = ExcerptExtractor.extract(from: CommonMark.parse("> Too slow.\n>\n> -- p1\n")).excerpts
        #expect(separate[0].speaker == "p1")
        #expect(separate[0].node.children.count == 1)
    }

    @Test func quoteWithoutSpeakerKeepsAllText() {
        let found = ExcerptExtractor.extract(from: CommonMark.parse("> first\n> — two words\n")).excerpts
        #expect(found[0].speaker == nil)
        #expect(found[0].text == "first — two words")
    }

    @Test func nestedQuotesAreOneExcerpt() {
        let found = ExcerptExtractor.extract(from: CommonMark.parse("> outer #a\n>\n> > inner #b\n")).excerpts
        #expect(found.count == 1)
        #expect(found[0].tags == ["a", "b"])
    }
}

/// Excerpt text has its white space collapsed code point by code point when every code point is a
/// character of its own (ASCII, Chinese): the same words and single spaces as splitting on
/// white-space characters gives, also where marks, joiners or controls send it the long way.
@Suite struct CollapsingSpacesTests {
    @Test func asciiAndCharacterWaysAgree() {
        let pieces = ["a", "Word", "4", " ", "  ", "\t", "\n", "\r\n", "\r", "\u{0B}", "\u{0C}", "\u{1F}", ".", "#x", "\u{A0}", "é", "中", "培训",
                      "\u{3000}", "，", "。", "e\u{301}", "\u{301}", "\u{302A}", "\u{AD}", "\u{2028}", "\u{85}", "\u{2003}", "\u{FF01}", "\u{3400}",
                      "\u{600}", "\u{200D}", "👍", "“", "…"]
        var random = RandomTexts(seed: 0x2545_F491_4F6C_DD1D)
        for _ in 0..<4_000 {
            let text = random.text(from: pieces, most: 10)
            #expect(ExcerptExtractor.collapsingSpaces(text) == text.split(whereSeparator: \.isWhitespace).joined(separator: " "),
                    "\(text.unicodeScalars.map(\.value))")
        }
        #expect(ExcerptExtractor.collapsingSpaces("  Too\t slow \r\n to  start. ") == "Too slow to start.")
    }
}

/// The speaker line of a quote: the first look at its bytes must not turn away a line the full
/// reading accepts.
@Suite struct SpeakerLineTests {
    @Test func theFirstLookTurnsAwayOnlyLinesTheReadingRejects() {
        #expect(ExcerptExtractor.speakerID(in: "— r-0042") == "r-0042")
        #expect(ExcerptExtractor.speakerID(in: "\u{3000}-- 王芳 ") == "王芳")
        #expect(ExcerptExtractor.speakerID(in: "\u{A0}―r-7") == "r-7")
        #expect(ExcerptExtractor.speakerID(in: "a — r-0042") == nil)
        #expect(ExcerptExtractor.speakerID(in: "— two words") == nil)
        let pieces = ["—", "―", "--", "-", " ", "\t", "\u{A0}", "\u{3000}", "\u{2003}", "r-0042", "王", "x y", "é", "\u{301}", "\n"]
        var random = RandomTexts(seed: 0x9FB2_1C65_1E98_DF25)
        var accepted = 0
        for _ in 0..<3_000 {
            let line = random.text(from: pieces, fewest: 1, most: 6)
            let read = ExcerptExtractor.readingSpeakerID(in: line)
            #expect(ExcerptExtractor.speakerID(in: line) == read, "\(line.unicodeScalars.map(\.value))")
            if read != nil { accepted += 1 }
        }
        #expect(accepted > 100)
    }
}
