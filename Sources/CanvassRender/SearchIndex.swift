import CanvassCore

/// The offline search index (SPEC §5): every note, excerpt, free-text answer, persona, theme,
/// dimension and report page, with an inverted index of terms.
///
/// Terms: English words lower-cased and stemmed by a few suffix rules; Chinese as character
/// bigrams (a single character where a run has only one). `assets/search.js` tokenises queries the
/// same way; `query` here mirrors it for tests. Written as `search/index.js`, a script that sets
/// `window.CANVASS_SEARCH`, because browsers refuse `fetch` from `file://`.
public struct SearchIndex: Sendable {
    public struct Document: Sendable, Hashable {
        public var type: String
        public var title: String
        public var text: String
        /// Site path, or "" for documents without a page of their own.
        public var url: String
        /// Searchable but not shown: a theme's tags and keywords.
        public var hidden: String = ""
    }

    public var documents: [Document]
    public var terms: [String: [Int]]

    public init(documents: [Document]) {
        self.documents = documents
        var terms: [String: [Int]] = [:]
        for (index, document) in documents.enumerated() {
            var tokens = Tokens()
            for text in [document.title, document.text, document.hidden] {
                tokens.read(text)
                tokens.finishRun()
            }
            // Documents are read in order, so each list stays sorted; a repeat is the last entry.
            func add(_ postings: inout [Int]) {
                if postings.last != index { postings.append(index) }
            }
            for term in tokens.terms { add(&terms[term, default: []]) }
        }
        self.terms = terms
    }

    /// Stemming of English words: the same rules as `assets/search.js`, lengths counted as
    /// JavaScript counts them (UTF-16 code units).
    public static func stem(_ word: String) -> String {
        let count = word.utf16.count
        guard count > 3 else { return word }
        if word.hasSuffix("ies") { return String(word.dropLast(3)) + "y" }
        if word.hasSuffix("ing") && count > 5 { return String(word.dropLast(3)) }
        if word.hasSuffix("ed") && count > 4 { return String(word.dropLast(2)) }
        if word.hasSuffix("es") && count > 4 { return String(word.dropLast(2)) }
        if word.hasSuffix("s") && !word.hasSuffix("ss") { return String(word.dropLast()) }
        return word
    }

    public static func terms(_ text: String) -> [String] {
        var tokens = Tokens()
        tokens.read(text)
        tokens.finishRun()
        return tokens.terms
    }

    /// Splits text into terms code point by code point, as `assets/search.js` does (`Array.from`):
    /// a Han ideograph in the script's ranges joins a run of bigrams, a letter or digit (`\p{L}`,
    /// `\p{N}`) a word, and anything else ends both.
    struct Tokens {
        var terms: [String] = []
        /// The word under way as UTF-8, and whether it is all ASCII (then lower-cased byte by byte).
        private var word: [UInt8] = []
        private var wordIsASCII = true
        private var han: [Unicode.Scalar] = []

        mutating func read(_ text: String) {
            for scalar in text.unicodeScalars {
                if Self.isHan(scalar) {
                    finishWord()
                    han.append(scalar)
                } else if Self.isLetterOrNumber(scalar) {
                    finishHan()
                    if scalar.isASCII {
                        word.append(UInt8(scalar.value))
                    } else {
                        word.append(contentsOf: UTF8.encode(scalar)!)
                        wordIsASCII = false
                    }
                } else {
                    finishRun()
                }
            }
        }

        /// Ends the word or Han run under way.
        mutating func finishRun() {
            finishWord()
            finishHan()
        }

        private mutating func finishWord() {
            guard !word.isEmpty else { return }
            if wordIsASCII {
                for i in word.indices where word[i] >= UInt8(ascii: "A") && word[i] <= UInt8(ascii: "Z") { word[i] += 0x20 }
                terms.append(SearchIndex.stem(String(decoding: word, as: UTF8.self)))
            } else {
                terms.append(SearchIndex.stem(String(decoding: word, as: UTF8.self).lowercased()))
            }
            word.removeAll(keepingCapacity: true)
            wordIsASCII = true
        }

        private mutating func finishHan() {
            if han.count == 1 { terms.append(String(han[0])) }
            if han.count >= 2 {
                for i in 0..<(han.count - 1) {
                    var pair = String.UnicodeScalarView()
                    pair.append(han[i])
                    pair.append(han[i + 1])
                    terms.append(String(pair))
                }
            }
            han.removeAll(keepingCapacity: true)
        }

        /// The script's `/[\u3400-\u9fff\uf900-\ufaff]/`.
        static func isHan(_ scalar: Unicode.Scalar) -> Bool {
            (0x3400...0x9FFF).contains(scalar.value) || (0xF900...0xFAFF).contains(scalar.value)
        }

        /// The script's `/[\p{L}\p{N}]/u`.
        static func isLetterOrNumber(_ scalar: Unicode.Scalar) -> Bool {
            if scalar.isASCII {
                let v = scalar.value
                return (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || (v >= 0x30 && v <= 0x39)
            }
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .decimalNumber, .letterNumber, .otherNumber:
                return true
            default:
                return false
            }
        }
    }

    /// Documents holding every term of the query, best first (title matches first), as the page does.
    public func query(_ text: String, type: String? = nil) -> [Document] {
        let wanted = Array(Set(Self.terms(text)))
        guard !wanted.isEmpty else { return [] }
        var hits: Set<Int>?
        for term in wanted {
            let postings = Set(terms[term] ?? [])
            hits = hits.map { $0.intersection(postings) } ?? postings
        }
        let titleTerms = { (i: Int) in Set(Self.terms(documents[i].title)) }
        return (hits ?? []).filter { type == nil || documents[$0].type == type }
            .sorted { a, b in
                let (ta, tb) = (wanted.filter(titleTerms(a).contains).count, wanted.filter(titleTerms(b).contains).count)
                return ta != tb ? ta > tb : a < b
            }
            .map { documents[$0] }
    }

    /// `window.CANVASS_SEARCH = {docs: [[type, title, text, url], …], terms: {term: [ids]}};`
    public func script() -> String {
        String(decoding: scriptBytes(), as: UTF8.self)
    }

    /// `script()` as UTF-8 bytes, for the file.
    public func scriptBytes() -> [UInt8] {
        let docs = JSONValue.array(documents.map { .array([.string($0.type), .string($0.title), .string($0.text), .string($0.url)]) })
        let index = JSONValue.object(terms.keys.sorted().map { ($0, .array(terms[$0]!.map { .int($0) })) })
        return Array("window.CANVASS_SEARCH = {\"docs\": ".utf8) + docs.compactBytes() + Array(", \"terms\": ".utf8) + index.compactBytes()
            + Array("};\n".utf8)
    }
}
