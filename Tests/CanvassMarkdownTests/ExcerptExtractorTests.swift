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

/// Excerpt text has its white space collapsed byte by byte when it is ASCII: the same words and
/// single spaces as splitting on white-space characters gives.
@Suite struct CollapsingSpacesTests {
    @Test func asciiAndCharacterWaysAgree() {
        let pieces = ["a", "Word", "4", " ", "  ", "\t", "\n", "\r\n", "\u{0B}", "\u{0C}", "\u{1F}", ".", "#x", "\u{A0}", "é", "中"]
        var random = RandomTexts(seed: 0x2545_F491_4F6C_DD1D)
        for _ in 0..<2_000 {
            let text = random.text(from: pieces, most: 10)
            #expect(ExcerptExtractor.collapsingSpaces(text) == text.split(whereSeparator: \.isWhitespace).joined(separator: " "),
                    "\(text.unicodeScalars.map(\.value))")
        }
        #expect(ExcerptExtractor.collapsingSpaces("  Too\t slow \r\n to  start. ") == "Too slow to start.")
    }
}
