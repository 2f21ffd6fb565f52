@testable import CanvassAnalysis
import CanvassCore
import Foundation
import Testing

/// The public profile's name finder (SPEC §8): whole words, any case, the longest name first.
@Suite struct NameMatcherTests {
    static let latin = ["Margaret Thornbury", "Margaret", "Thornbury", "Ann", "Ann-Marie Ødegaard", "Ødegaard",
                        "José Núñez", "Núñez", "O'Brien", "Li Wei"]

    func redacted(_ text: String, latin: [String] = latin, han: [String] = []) -> String {
        NameMatcher(latin: latin, han: han).replacing(in: text, with: "[name]")
    }

    /// Against an established engine: ICU's `\b(name|…)\b`, ignoring case, with the longest name
    /// first, which is what the public profile ran before. Random texts of names, parts of names,
    /// words that merely begin like them, punctuation and case changes; letters only from the Latin
    /// scripts, where the two define words alike.
    @Test func agreesWithAWholeWordCaseInsensitivePattern() throws {
        let alternatives = Self.latin.sorted { ($0.count, $0) > ($1.count, $1) }.map(NSRegularExpression.escapedPattern(for:))
        let pattern = try NSRegularExpression(pattern: "\\b(" + alternatives.joined(separator: "|") + ")\\b", options: [.caseInsensitive])
        let pieces = ["Margaret", "margaret", "MARGARET", "Thornbury", "Margarets", "Thornburys", "Ann", "ann", "Annual", "Anna",
                      "Ann-Marie", "Marie", "Ødegaard", "ødegaard", "ØDEGAARD", "José", "JOSÉ", "Núñez", "nuñez", "Nunez",
                      "O'Brien", "o'brien", "OBrien", "Li", "Wei", "li wei", "said", "the", "week view", "2", "Ann2", "_Ann",
                      "é", "called"]
        let separators = [" ", " ", " ", ", ", "-", ". ", "'s ", "\n", "(", ") ", "—", "'"]
        var generator = SeededGenerator(seed: 7)
        var matched = 0
        for _ in 0..<3000 {
            var text = ""
            for _ in 0..<(1 + generator.index(below: 8)) {
                text += pieces[generator.index(below: pieces.count)] + separators[generator.index(below: separators.count)]
            }
            let expected = pattern.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: "[name]")
            #expect(redacted(text) == expected, "\(text.debugDescription)")
            if expected != text { matched += 1 }
        }
        // The texts exercise both outcomes.
        #expect(matched > 1000 && matched < 2900)
    }

    @Test func theLongestNameIsTakenAndNoneInsideAWord() {
        #expect(redacted("Margaret Thornbury met Margaret and THORNBURY.") == "[name] met [name] and [name].")
        #expect(redacted("Annual review with Ann, Anna and Ann-Marie Ødegaard") == "Annual review with [name], Anna and [name]")
        #expect(redacted("Ann-Marie said") == "[name]-Marie said")
        #expect(redacted("nothing to see") == "nothing to see")
    }

    /// Chinese puts no space between a Latin name and the words around it: ICU's `\b` sees one
    /// word there, and the name stayed.
    @Test func latinNamesBesideChineseTextAreFound() {
        #expect(redacted("我和Margaret聊过，Thornbury说很好。") == "我和[name]聊过，[name]说很好。")
        #expect(redacted("昨天Li Wei来了") == "昨天[name]来了")
    }

    @Test func chineseNamesAreFoundWhereverTheyStandLongestFirst() {
        let han = ["陈志强", "志强", "王芳"]
        #expect(redacted("陈志强说志强很忙，王芳芳也是", latin: [], han: han) == "[name]说[name]很忙，[name]芳也是")
        #expect(redacted("和Margaret一起的陈志强", han: han) == "和[name]一起的[name]")
        #expect(redacted("没有名字", han: han) == "没有名字")
    }

    /// Case-insensitive as ICU is: full case folding, so `ß` meets `SS`.
    @Test func caseFoldingMeetsSharpSAndFinalSigma() {
        #expect(redacted("STRASSE called", latin: ["Straße"]) == "[name] called")
        #expect(redacted("ΟΔΥΣΣΕΑΣ called", latin: ["Οδυσσέας", "Οδυσσεας"]) == "[name] called")
    }

    /// Thousands of names are looked up by their first word, not tried one by one.
    @Test func aStudyOfManyNames() {
        let names = (0..<20_000).map { "Person\($0) Surname\($0 % 97)" }
        let matcher = NameMatcher(latin: names, han: (0..<5_000).map { "王" + String(UnicodeScalar(0x4E00 + $0)!) })
        #expect(matcher.replacing(in: "Person19999 Surname17 and person7 surname7 met 王丁", with: "[name]") == "[name] and [name] met [name]")
        #expect(matcher.replacing(in: "Person7 Surname8 came", with: "[name]") == "Person7 Surname8 came")
    }
}
