import CanvassCore

/// Lexicon-based sentiment in the manner of VADER, for English and Chinese text.
///
/// Each sentiment word contributes its valence; a negator among the three words before it (in
/// the same clause) flips and damps it (× −0.74); a degree word before it adds or removes 0.293
/// of magnitude; after "but"/"但是"/"可是"/"不过" the clause weighs 1.5 and the one before 0.5.
/// The sum x is normalised to x / √(x² + 15). Chinese is split by forward maximum matching
/// against the lexicon; everything else by words.
public struct SentimentAnalyzer: Sendable {
    public let lexicon: SentimentLexicon

    static let negation = -0.74
    static let normalisation = 15.0
    static let englishContrast: Set<String> = ["but", "however", "although", "though"]
    static let chineseContrast: Set<String> = ["但是", "但", "可是", "不过", "然而", "却"]

    public init(lexicon: SentimentLexicon = .bundled) {
        self.lexicon = lexicon
    }

    public func score(_ text: String) -> SentimentScore {
        let tokens = tokens(text)
        var contributions: [Double] = []
        var contrastIndex: Int?
        for (index, token) in tokens.enumerated() {
            if token.isContrast { contrastIndex = contributions.count; contributions.append(0); continue }
            // A negation that governs no sentiment word ("never arrives", "还没有收到") is itself a
            // mild complaint in feedback.
            if token.isNegator, token.valence == nil, !governsSentiment(tokens, after: index) {
                contributions.append(Self.bareNegation)
                continue
            }
            guard var valence = token.valence else { contributions.append(0); continue }
            // Look back up to three words in the same clause.
            var negated = false
            var back = index - 1
            var distance = 0
            while back >= 0, distance < 3, !tokens[back].isClauseBreak {
                let previous = tokens[back]
                if previous.isNegator { negated.toggle() }
                if let boost = previous.boost {
                    let scaled = boost * [1.0, 0.95, 0.9][distance]
                    valence += valence > 0 ? scaled : -scaled
                }
                back -= 1
                distance += 1
            }
            if negated { valence *= Self.negation }
            contributions.append(valence)
        }
        if let contrast = contrastIndex {
            for i in contributions.indices { contributions[i] *= i < contrast ? 0.5 : 1.5 }
        }
        let sum = contributions.reduce(0, +)
        return SentimentScore(score: sum / (sum * sum + Self.normalisation).squareRoot())
    }

    /// Valence of a negation with nothing to negate.
    static let bareNegation = -0.9

    /// Whether a sentiment word follows within three words in the same clause.
    func governsSentiment(_ tokens: [Token], after index: Int) -> Bool {
        var next = index + 1
        while next < tokens.count, next <= index + 3, !tokens[next].isClauseBreak {
            if tokens[next].valence != nil { return true }
            next += 1
        }
        return false
    }

    struct Token: Equatable {
        var text: String
        var valence: Double?
        var isNegator = false
        var boost: Double?
        var isClauseBreak = false
        var isContrast = false
    }

    /// The text's words, Chinese lexicon entries and clause breaks. ASCII text (most English
    /// feedback) is read byte by byte, to the same tokens as character by character.
    func tokens(_ text: String) -> [Token] {
        var copy = text
        let ascii = copy.withUTF8 { utf8 in utf8.allSatisfy { $0 < 0x80 } ? asciiTokens(utf8) : nil }
        return ascii ?? characterTokens(text)
    }

    /// A lower-cased English word as a token.
    private func wordToken(_ lower: String) -> Token {
        var token = Token(text: lower, valence: lexicon.english[lower])
        token.isNegator = SentimentLexicon.englishNegators.contains(lower) || lower.hasSuffix("n't")
        token.boost = SentimentLexicon.englishBoosters[lower]
        token.isContrast = Self.englishContrast.contains(lower)
        return token
    }

    /// `characterTokens` of ASCII text: letters, digits and `'` make words; `.,;:!?` and a line
    /// feed break clauses, but not the line feed of "\r\n", which is one `Character` of its own.
    func asciiTokens(_ utf8: UnsafeBufferPointer<UInt8>) -> [Token] {
        var tokens: [Token] = []
        var word: [UInt8] = []
        func flushWord() {
            guard !word.isEmpty else { return }
            tokens.append(wordToken(String(decoding: word, as: UTF8.self)))
            word.removeAll(keepingCapacity: true)
        }
        for (index, byte) in utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "'"):
                word.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                word.append(byte + 0x20)
            default:
                flushWord()
                let isBreak = switch byte {
                case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "!"), UInt8(ascii: "?"): true
                case UInt8(ascii: "\n"): index == 0 || utf8[index - 1] != UInt8(ascii: "\r")
                default: false
                }
                if isBreak { tokens.append(Token(text: String(UnicodeScalar(byte)), isClauseBreak: true)) }
            }
        }
        flushWord()
        return tokens
    }

    /// The tokens of any text, read character by character.
    func characterTokens(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var word = ""
        var han: [Character] = []
        func flushWord() {
            guard !word.isEmpty else { return }
            tokens.append(wordToken(word.lowercased()))
            word = ""
        }
        func flushHan() {
            var start = 0
            while start < han.count {
                var length = min(lexicon.chineseStarts[han[start]] ?? 0, lexiconLongest, han.count - start)
                var matched: Token?
                while length >= 1 {
                    let candidate = String(han[start..<(start + length)])
                    if let token = chineseToken(candidate) { matched = token; break }
                    length -= 1
                }
                if let matched { tokens.append(matched); start += matched.text.count } else {
                    tokens.append(Token(text: String(han[start])))
                    start += 1
                }
            }
            han.removeAll()
        }
        for character in text {
            if character.isHan {
                flushWord()
                han.append(character)
            } else if character.isLetterOrNumber || character == "'" || character == "’" {
                flushHan()
                word.append(character == "’" ? "'" : character)
            } else {
                flushWord()
                flushHan()
                if ".,;:!?。，；：！？\n".contains(character) {
                    tokens.append(Token(text: String(character), isClauseBreak: true))
                }
            }
        }
        flushWord()
        flushHan()
        return tokens
    }

    private var lexiconLongest: Int { lexicon.longestChinese }

    private func chineseToken(_ candidate: String) -> Token? {
        let valence = lexicon.chinese[candidate]
        let negator = SentimentLexicon.chineseNegators.contains(candidate)
        let boost = SentimentLexicon.chineseBoosters[candidate]
        let contrast = Self.chineseContrast.contains(candidate)
        guard valence != nil || negator || boost != nil || contrast else { return nil }
        var token = Token(text: candidate, valence: valence)
        token.isNegator = negator
        token.boost = boost
        token.isContrast = contrast
        return token
    }
}
