import CanvassCore

/// Word valences for English and Chinese, with negators and degree words (SPEC §4.12).
///
/// English is the VADER lexicon (MIT licence); Chinese is Canvass's own. A project's
/// `content/data/lexicon.yml` adds words or overrides valences for either language.
public struct SentimentLexicon: Sendable {
    public let english: [String: Double]
    public let chinese: [String: Double]
    /// Longest Chinese entry, for maximum matching.
    let longestChinese: Int
    /// For each character that begins a Chinese entry (a sentiment, negation, degree or contrast
    /// word), the longest such entry: maximum matching tries no longer candidates from there, and
    /// none at all from any other character.
    let chineseStarts: [Character: Int]

    /// VADER with Canvass's customer-feedback adjustments, and Canvass's Chinese lexicon.
    public static let bundled = SentimentLexicon(
        english: parse(vaderEnglish).merging(parse(englishFeedback)) { _, feedback in feedback }, chinese: parse(chinese))

    public init(english: [String: Double], chinese: [String: Double]) {
        self.english = english
        self.chinese = chinese
        let words = Array(chinese.keys) + Array(Self.chineseNegators) + Array(Self.chineseBoosters.keys)
        longestChinese = words.map(\.count).max() ?? 1
        var starts: [Character: Int] = [:]
        for word in words + Array(SentimentAnalyzer.chineseContrast) {
            guard let first = word.first else { continue }
            starts[first] = max(starts[first] ?? 0, word.count)
        }
        chineseStarts = starts
    }

    /// The bundled lexicon with a project's own words added or overriding.
    public func extended(english more: [String: Double], chinese moreChinese: [String: Double]) -> SentimentLexicon {
        SentimentLexicon(
            english: english.merging(more.map { ($0.key.lowercased(), $0.value) }) { _, new in new },
            chinese: chinese.merging(moreChinese) { _, new in new })
    }

    static func parse(_ text: String) -> [String: Double] {
        var table: [String: Double] = [:]
        for line in text.split(separator: "\n") {
            guard let space = line.lastIndex(of: " "), let value = Double(line[line.index(after: space)...]) else { continue }
            table[String(line[..<space])] = value
        }
        return table
    }
}
