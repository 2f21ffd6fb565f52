import CanvassTestSupport
import Testing
@testable import CanvassMarkdown

@Suite struct TagScannerTests {
    @Test func findsTagsOfEveryScriptAndNesting() {
        #expect(TagScanner.tags(in: "Wants a checklist #onboarding #need/checklist") == ["onboarding", "need/checklist"])
        #expect(TagScanner.tags(in: "太慢了 #上手 #性能") == ["上手", "性能"])
        #expect(TagScanner.tags(in: "(#Price_Plan), and #setup-.") == ["price_plan", "setup"])
        #expect(TagScanner.tags(in: "#a-b/c_d2") == ["a-b/c_d2"])
    }

    @Test func leavesNumbersAnchorsAndWordsAlone() {
        #expect(TagScanner.tags(in: "ticket #4521 and C# and page#anchor and &#39;") == [])
        #expect(TagScanner.tags(in: "## not a heading inside text ##") == [])
        #expect(TagScanner.tags(in: "http://x.org/#frag") == [])
    }

    @Test func rangesCoverTheWrittenTag() {
        let text = "See #Onboarding now"
        let match = TagScanner.matches(in: text)[0]
        #expect(text[match.range] == "#Onboarding")
        #expect(match.name == "onboarding")
    }
}

/// The scanner jumps from `#` to `#`; it must find exactly what reading every character finds
/// (this reference reads every character), also where marks and joiners cling to a `#`.
@Suite struct TagScannerAgreementTests {
    static func everyCharacter(_ text: String) -> [TagScanner.Match] {
        var result: [TagScanner.Match] = []
        var index = text.startIndex
        var previous: Character?
        while index < text.endIndex {
            let character = text[index]
            if character == "#", TagScanner.allowsTag(after: previous) {
                var end = text.index(after: index)
                while end < text.endIndex, TagScanner.isTagCharacter(text[end]) { end = text.index(after: end) }
                while end > text.index(after: index), ["/", "-"].contains(text[text.index(before: end)]) { end = text.index(before: end) }
                let name = text[text.index(after: index)..<end]
                if name.contains(where: \.isLetter) {
                    result.append(TagScanner.Match(name: name.lowercased(), range: index..<end))
                    previous = text[text.index(before: end)]
                    index = end
                    continue
                }
            }
            previous = character
            index = text.index(after: index)
        }
        return result
    }

    @Test func jumpingFindsWhatReadingEveryCharacterFinds() {
        let pieces = ["#", "#", "a", "Tag", "上手", "-", "/", "_", "4", " ", "\n", "&", ":", "\\", "é", "e\u{301}", "\u{301}", "\u{FE0F}\u{20E3}",
                      "\u{200D}", "\u{600}", "👍", "#\u{301}", "C#", "##", "。", "提醒", "\u{3000}", "，", "\u{FF03}", "\u{A0}"]
        var random = RandomTexts(seed: 0x9E37_79B9_7F4A_7C15)
        for _ in 0..<3_000 {
            let text = random.text(from: pieces, fewest: 1, most: 12)
            #expect(TagScanner.matches(in: text) == Self.everyCharacter(text), "\(text.unicodeScalars.map(\.value))")
        }
    }

    /// ASCII text is scanned byte by byte; it must agree with the reference just the same.
    @Test func asciiTextAgreesByteForByte() {
        let pieces = ["#", "#", "a", "Tag", "Z", "-", "/", "_", "4", "42", " ", "\n", "\r\n", "\r", "&", ":", "\\", ".", "(", "C#", "##", "#-", "/#"]
        var random = RandomTexts(seed: 0x2545_F491_4F6C_DD1D)
        for _ in 0..<3_000 {
            let text = random.text(from: pieces, fewest: 1, most: 14)
            #expect(TagScanner.matches(in: text) == Self.everyCharacter(text), "\(Array(text.utf8))")
        }
    }

    /// Chinese and Latin-1 text is scanned code point by code point; it must agree as well.
    @Test func simpleTextAgreesCodePointForCodePoint() {
        let pieces = ["#", "#", "提醒", "上手", "a", "Tag", "-", "/", "_", "4", " ", "\n", "\r\n", "&", ":", "\\", "。", "，", "\u{3000}",
                      "\u{A0}", "é", "Ö", "\u{FF03}", "\u{FF21}", "C#", "##", "“", "…"]
        var random = RandomTexts(seed: 0x7A3D_5E11_0B9C_44F1)
        for _ in 0..<3_000 {
            let text = random.text(from: pieces, fewest: 1, most: 12)
            #expect(TagScanner.matches(in: text) == Self.everyCharacter(text), "\(text.unicodeScalars.map(\.value))")
        }
    }
}
