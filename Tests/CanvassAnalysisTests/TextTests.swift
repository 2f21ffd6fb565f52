import CanvassCore
import Foundation
import Testing
@testable import CanvassAnalysis

/// Hand-computed with VADER's rules: score = x / √(x² + 15); negation × −0.74; boosters ± 0.293.
@Suite struct SentimentTests {
    let analyzer = SentimentAnalyzer()

    func normalised(_ x: Double) -> Double { x / (x * x + 15).squareRoot() }

    func expectScore(_ text: String, _ x: Double, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let score = analyzer.score(text).score
        #expect(abs(score - normalised(x)) < 1e-9, "\(text): \(score) vs \(normalised(x))", sourceLocation: sourceLocation)
    }

    @Test func englishNegationAndIntensifiers() {
        expectScore("Good", 1.9)
        expectScore("not good", 1.9 * -0.74)
        expectScore("very good", 1.9 + 0.293)
        expectScore("not very good", (1.9 + 0.293) * -0.74)
        expectScore("slightly good", 1.9 - 0.293)
        expectScore("isn't good", 1.9 * -0.74)
        expectScore("dont love it", 3.2 * -0.74)
        // Negation does not cross a clause: "not." ends before "good".
        expectScore("Not. Good", -0.9 + 1.9)
    }

    @Test func englishContrastAndBareNegation() {
        // "but": the clause before weighs 0.5, the clause after 1.5 (slow is −1.5 for feedback).
        expectScore("good but slow", 1.9 * 0.5 - 1.5 * 1.5)
        // A negation with nothing to negate is a mild complaint.
        expectScore("the form never arrived", -0.9)
        // Requests are not praise in feedback.
        expectScore("please help", 0)
    }

    @Test func chineseNegationAndIntensifiers() {
        expectScore("好", 1.9)
        expectScore("喜欢", 2.2)
        expectScore("不喜欢", 2.2 * -0.74)
        expectScore("很喜欢", 2.2 + 0.293)
        expectScore("不太满意", 2.3 * -0.74)
        expectScore("有点慢", -1.7 - 0.293 * -1)
        expectScore("系统很卡，但是客服很好", (-2.4) * 0.5 + 2.5 * 1.5)
        // A listed phrase wins over its parts: 不好 is −2.0, not −0.74 × 好.
        expectScore("不好", -2.0)
        expectScore("还没有收到", -0.9)
    }

    @Test func labelsUseVADERThresholds() {
        #expect(SentimentScore(score: 0.05).label == .positive)
        #expect(SentimentScore(score: 0.049).label == .neutral)
        #expect(SentimentScore(score: -0.05).label == .negative)
        #expect(analyzer.score("").score == 0)
        #expect(analyzer.score("The clinic opens at nine").label == .neutral)
    }

    @Test func aProjectLexiconAddsAndOverrides() {
        let lexicon = SentimentLexicon.bundled.extended(english: ["Snappy": 2.0, "good": -1], chinese: ["丝滑": 2.5])
        let custom = SentimentAnalyzer(lexicon: lexicon)
        #expect(abs(custom.score("snappy").score - normalised(2.0)) < 1e-9)
        #expect(abs(custom.score("good").score - normalised(-1)) < 1e-9)
        #expect(abs(custom.score("很丝滑").score - normalised(2.5 + 0.293)) < 1e-9)
    }

    /// ASCII text is read byte by byte: to exactly the tokens the character-by-character reading
    /// gives, line breaks of every kind, apostrophes, negations and capitals included.
    @Test func asciiTextIsReadToTheSameTokensAsByCharacter() {
        let pieces = ["not", "Good", "VERY", "bad", "but", "isn't", "don't", "slow", "42", "a", "'", ".", ",", ";", ":", "!", "?",
                      " ", "  ", "\t", "\n", "\r", "\r\n", "\n\r", "-", "(", ")", "\"", "#", "/", "x"]
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...24, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            var copy = text
            let bytewise = copy.withUTF8 { analyzer.asciiTokens($0) }
            #expect(bytewise == analyzer.characterTokens(text), "\(text.debugDescription)")
        }
        #expect(analyzer.tokens("Not good.\r\nBut fine") == analyzer.characterTokens("Not good.\r\nBut fine"))
    }

    /// Chinese is split by forward maximum matching: at each place the longest lexicon entry
    /// (sentiment, negation, degree or contrast word) that starts there, else one character.
    @Test func chineseIsSplitByTheLongestEntryAtEachPlace() {
        let lexicon = analyzer.lexicon
        let entries = Set(lexicon.chinese.keys).union(SentimentLexicon.chineseNegators).union(SentimentLexicon.chineseBoosters.keys)
        let matchable = entries.union(SentimentAnalyzer.chineseContrast.filter { $0.count <= lexicon.longestChinese })
        let words = Array(entries).sorted().prefix(400) + ["的", "了", "我们", "系统", "但是", "不", "很", "非常"]
        var generator = SeededGenerator(seed: 11)
        for _ in 0..<500 {
            let han = Array((0..<Int.random(in: 1...12, using: &generator)).map { _ in words.randomElement(using: &generator)! }.joined())
            var expected: [String] = []
            var start = 0
            while start < han.count {
                let longest = stride(from: min(lexicon.longestChinese, han.count - start), through: 1, by: -1)
                    .first { matchable.contains(String(han[start..<(start + $0)])) } ?? 1
                expected.append(String(han[start..<(start + longest)]))
                start += longest
            }
            #expect(analyzer.tokens(String(han)).map(\.text) == expected, "\(String(han))")
        }
    }
}

@Suite struct KeywordTests {
    @Test func tfidfOnATinyCorpusByHand() {
        // d1 = slow slow search, d2 = slow booking; N = 2.
        // idf(slow) = ln(3/3) + 1 = 1; idf(search) = idf(booking) = ln(3/2) + 1 = 1.405465.
        let keywords = KeywordExtractor().keywords([(id: "d1", text: "Slow, slow search!"), (id: "d2", text: "the slow booking")])
        let idf = log(1.5) + 1
        #expect(keywords["d1"]!.map(\.label) == ["slow", "search"])
        #expect(abs(keywords["d1"]![0].value - 2.0 / 3.0) < 1e-12)
        #expect(abs(keywords["d1"]![1].value - idf / 3) < 1e-12)
        #expect(keywords["d2"]!.map(\.label) == ["booking", "slow"])
        #expect(abs(keywords["d2"]![0].value - idf / 2) < 1e-12)
        #expect(keywords["d2"]![1].value == 0.5)
    }

    @Test func chineseIsSplitIntoCharacterBigrams() {
        let extractor = KeywordExtractor()
        #expect(extractor.terms("系统很卡") == ["系统", "统很", "很卡"])
        #expect(extractor.terms("前台说：系统 slow，卡顿！") == ["前台", "台说", "系统", "slow", "卡顿"])
        #expect(extractor.terms("卡") == [])
        #expect(extractor.terms("The form and the app") == ["form", "app"])
    }

    @Test func projectStopwordsAreLeftOut() {
        #expect(KeywordExtractor(extraStopwords: ["Clinic", "诊所"]).terms("clinic 诊所 booking") == ["booking"])
    }
}
