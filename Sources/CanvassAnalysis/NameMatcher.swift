import CanvassCore
import CanvassSupport

/// Finds participants' names in a text, for the public profile to replace (SPEC §8).
///
/// Names in letters (`Margaret Thornbury`, `José`) are found as whole words, ignoring case: the
/// name's words in the same order, with the same characters between them. A name does not match
/// inside a longer word (`Ann` in `Annual`), but does beside Chinese or Japanese text, which puts
/// no spaces between words (`和Margaret聊过`). Chinese names (`陈志强`) are found wherever they stand.
/// Where several names start at the same place, the longest is taken.
///
/// A study's names are looked up by their first word (or first character, for Chinese), so the
/// time a text takes grows with its length, not with the number of names: a pattern with one
/// alternative per name took minutes for a study of 10,000 participants.
struct NameMatcher: Sendable {
    /// A name in letters: its words and what stands between them, case-folded.
    private struct Words: Sendable {
        var words: [String]
        var gaps: [String]
    }

    /// Names in letters by their first word, case-folded; the longest first.
    private var byFirstWord: [String: [Words]] = [:]
    /// The first words' hashes, which most words of a text are turned away by before being folded and looked up.
    private var firstWordHashes = HashFilter()
    /// Chinese names by their first character; the longest first.
    private var byFirstScalar: [Unicode.Scalar: [[Unicode.Scalar]]] = [:]
    /// Whether a character of the Basic Multilingual Plane starts a Chinese name, by its code.
    private var startsHanName = [Bool](repeating: false, count: 0x10000)

    /// `latin`: names and parts of names in letters; `han`: names in Chinese characters.
    init(latin: some Sequence<String>, han: some Sequence<String>) {
        for name in latin.sorted(by: Self.longestFirst) {
            let found = Self.words(in: name)
            guard !found.isEmpty else { continue }
            let words = found.map { Self.fold(name[$0.range]) }
            let gaps = zip(found, found.dropFirst()).map { Self.fold(name[$0.range.upperBound..<$1.range.lowerBound]) }
            byFirstWord[words[0], default: []].append(Words(words: words, gaps: gaps))
            firstWordHashes.insert(ContentDigest.fnv1a(words[0].utf8))
        }
        for name in han.sorted(by: Self.longestFirst) {
            let scalars = Array(name.unicodeScalars)
            guard let first = scalars.first else { continue }
            byFirstScalar[first, default: []].append(scalars)
            if first.value < 0x10000 { startsHanName[Int(first.value)] = true }
        }
    }

    /// Longer names first, then by text, so that the order never depends on a set's.
    private static func longestFirst(_ a: String, _ b: String) -> Bool {
        (a.count, a) > (b.count, b)
    }

    /// `text` with every name replaced by `placeholder`.
    func replacing(in text: String, with placeholder: String) -> String {
        var result = byFirstWord.isEmpty ? text : replacingWords(in: text, with: placeholder)
        if !byFirstScalar.isEmpty { result = replacingHan(in: result, with: placeholder) }
        return result
    }

    private func replacingWords(in text: String, with placeholder: String) -> String {
        let found = Self.words(in: text)
        var result = ""
        var copied = text.startIndex
        var index = 0
        while index < found.count {
            // An ASCII word's hash is of its folded form; another word is always looked up.
            let first = found[index]
            let match = first.asciiHash.map(firstWordHashes.mayContain) == false ? nil : byFirstWord[Self.fold(text[first.range])]?.first { name in
                guard index + name.words.count <= found.count else { return false }
                for offset in name.words.indices.dropFirst() {
                    let previous = found[index + offset - 1], word = found[index + offset]
                    guard Self.fold(text[word.range]) == name.words[offset],
                          Self.fold(text[previous.range.upperBound..<word.range.lowerBound]) == name.gaps[offset - 1]
                    else { return false }
                }
                return true
            }
            guard let match else {
                index += 1
                continue
            }
            result += text[copied..<first.range.lowerBound]
            result += placeholder
            copied = found[index + match.words.count - 1].range.upperBound
            index += match.words.count
        }
        guard copied != text.startIndex else { return text }
        result += text[copied...]
        return result
    }

    private func replacingHan(in text: String, with placeholder: String) -> String {
        let scalars = text.unicodeScalars
        var result = ""
        var copied = scalars.startIndex
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if scalar.value >= 0x10000 || startsHanName[Int(scalar.value)],
               let match = byFirstScalar[scalar]?.first(where: { scalars[index...].starts(with: $0) }) {
                result += text[copied..<index]
                result += placeholder
                index = scalars.index(index, offsetBy: match.count)
                copied = index
            } else {
                index = scalars.index(after: index)
            }
        }
        guard copied != scalars.startIndex else { return text }
        result += text[copied...]
        return result
    }

    // MARK: - Words

    struct Word {
        var range: Range<String.Index>
        /// For a word of ASCII letters and digits, the FNV-1a hash of it in lower case.
        var asciiHash: UInt64?
    }

    /// The words of `text`: runs of letters, marks, digits and `_` (a regular expression's `\w`),
    /// which Chinese, Japanese and Korean characters end, as those scripts need no spaces between words.
    static func words(in text: String) -> [Word] {
        var result: [Word] = []
        let scalars = text.unicodeScalars
        var start: String.Index?
        var hash = ContentDigest.fnv1aOffset, ascii = true
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if isWordScalar(scalar) {
                if start == nil {
                    start = index
                    hash = ContentDigest.fnv1aOffset
                    ascii = true
                }
                if scalar.isASCII {
                    let lower = UInt8(scalar.value) | (scalar.value >= 0x41 && scalar.value <= 0x5A ? 0x20 : 0)
                    hash = ContentDigest.fnv1aStep(hash, lower)
                } else {
                    ascii = false
                }
            } else if let wordStart = start {
                result.append(Word(range: wordStart..<index, asciiHash: ascii ? hash : nil))
                start = nil
            }
            index = scalars.index(after: index)
        }
        if let wordStart = start { result.append(Word(range: wordStart..<text.endIndex, asciiHash: ascii ? hash : nil)) }
        return result
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (value >= 0x61 && value <= 0x7A) || (value >= 0x41 && value <= 0x5A) || (value >= 0x30 && value <= 0x39) || value == 0x5F
        }
        if scalar.value == 0x200C || scalar.value == 0x200D { return true }
        let properties = scalar.properties
        if properties.isIdeographic || isKanaOrHangul(scalar.value) { return false }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .connectorPunctuation: return true
        default: return properties.isAlphabetic
        }
    }

    private static func isKanaOrHangul(_ value: UInt32) -> Bool {
        (0x3040...0x30FF).contains(value) || (0x31F0...0x31FF).contains(value) || (0xFF66...0xFF9F).contains(value)
            || (0x1100...0x11FF).contains(value) || (0x3130...0x318F).contains(value) || (0xAC00...0xD7AF).contains(value)
    }

    /// A set of hashes that may answer yes for a hash it was not given, never no for one it was:
    /// one bit per hash in a table of 2^20.
    struct HashFilter: Sendable {
        private var bits = [UInt64](repeating: 0, count: 1 << 14)

        mutating func insert(_ hash: UInt64) {
            let slot = Int(truncatingIfNeeded: hash) & ((1 << 20) - 1)
            bits[slot >> 6] |= 1 << UInt64(slot & 63)
        }

        func mayContain(_ hash: UInt64) -> Bool {
            let slot = Int(truncatingIfNeeded: hash) & ((1 << 20) - 1)
            return bits[slot >> 6] & (1 << UInt64(slot & 63)) != 0
        }
    }

    /// Case folding as case-insensitive matching does it: upper case then lower, so that `ß`
    /// meets `SS` and `ς` meets `Σ`.
    static func fold(_ text: Substring) -> String {
        text.utf8.allSatisfy { $0 < 0x80 } ? text.lowercased() : text.uppercased().lowercased()
    }
}
