import CanvassCore
import CanvassMarkdown
import CanvassSupport

/// The offline search index (SPEC §5): every note, excerpt, free-text answer, persona, theme,
/// dimension and report page, with an inverted index of terms.
///
/// Terms: English words lower-cased and stemmed by a few suffix rules; Chinese as character
/// bigrams (a single character where a run has only one). `assets/search.js` tokenises queries the
/// same way; `query` here mirrors it for tests. Written as scripts (browsers refuse `fetch` from
/// `file://`), split so that a search loads only what it reads (`SearchIndex+Files.swift`).
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

    public let documents: [Document]
    public let terms: [String: [Int]]
    /// The terms in the order the scripts list them, each with its documents.
    let sortedTerms: [(term: String, documents: ArraySlice<Int32>)]
    /// For each term, the documents whose title holds it, which rank first.
    let titleDocuments: [String: [Int32]]

    public init(documents: [Document]) {
        self.documents = documents
        // Terms are numbered as they first appear, and each (term, document) pair noted once.
        // Documents are read in order, so sorting the pairs by term, keeping the order within a
        // term, gives every term its documents sorted.
        var pairs = Pairs()
        var titles = Pairs()
        var tokens = Tokens()
        for (index, document) in documents.enumerated() {
            let number = Int32(index)
            tokens.read(document.title) { pairs.add($0, document: number); titles.add($0, document: number) }
            tokens.finishRun { pairs.add($0, document: number); titles.add($0, document: number) }
            for text in [document.text, document.hidden] {
                tokens.read(text) { pairs.add($0, document: number) }
                tokens.finishRun { pairs.add($0, document: number) }
            }
        }
        var byTitleTerm = [[Int32]](repeating: [], count: titles.table.count)
        for (term, document) in zip(titles.terms, titles.documents) { byTitleTerm[Int(term)].append(document) }
        titleDocuments = Dictionary(uniqueKeysWithValues: byTitleTerm.indices.map { (titles.table.term($0), byTitleTerm[$0]) })
        let (table, pairTerms, pairDocuments) = (pairs.table, pairs.terms, pairs.documents)
        var starts = [Int](repeating: 0, count: table.count + 1)
        for term in pairTerms { starts[Int(term) + 1] += 1 }
        for id in 0..<table.count { starts[id + 1] += starts[id] }
        var next = starts
        var postings = [Int32](repeating: 0, count: pairTerms.count)
        for (term, document) in zip(pairTerms, pairDocuments) {
            postings[next[Int(term)]] = document
            next[Int(term)] += 1
        }
        let names = (0..<table.count).map(table.term)
        sortedTerms = names.indices.sorted { names[$0] < names[$1] }.map { (names[$0], postings[starts[$0]..<starts[$0 + 1]]) }
        terms = Dictionary(uniqueKeysWithValues: names.indices.map { (names[$0], postings[starts[$0]..<starts[$0 + 1]].map(Int.init)) })
    }

    /// Each (term, document) pair, once.
    private struct Pairs {
        var table = TermTable()
        var terms: [Int32] = []
        var documents: [Int32] = []
        var lastDocument: [Int32] = []

        mutating func add(_ term: UnsafeBufferPointer<UInt8>, document: Int32) {
            let id = table.id(of: term)
            if id == lastDocument.count { lastDocument.append(-1) }
            guard lastDocument[id] != document else { return }
            lastDocument[id] = document
            terms.append(Int32(id))
            documents.append(document)
        }
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

    /// `stem` for a lower-case ASCII word, in place: one UTF-16 unit per byte.
    static func stemASCII(_ word: inout [UInt8]) {
        let count = word.count
        guard count > 3 else { return }
        func endsWith(_ suffix: StaticString) -> Bool {
            let n = suffix.utf8CodeUnitCount
            return count >= n && (0..<n).allSatisfy { word[count - n + $0] == suffix.utf8Start[$0] }
        }
        if endsWith("ies") {
            word.removeLast(3)
            word.append(UInt8(ascii: "y"))
        } else if endsWith("ing") && count > 5 {
            word.removeLast(3)
        } else if (endsWith("ed") || endsWith("es")) && count > 4 {
            word.removeLast(2)
        } else if endsWith("s") && !endsWith("ss") {
            word.removeLast()
        }
    }

    public static func terms(_ text: String) -> [String] {
        var tokens = Tokens()
        var terms: [String] = []
        let add = { (term: UnsafeBufferPointer<UInt8>) in terms.append(String(decoding: term, as: UTF8.self)) }
        tokens.read(text, emit: add)
        tokens.finishRun(emit: add)
        return terms
    }

    /// Splits text into terms code point by code point, as `assets/search.js` does (`Array.from`):
    /// a Han ideograph in the script's ranges joins a run of bigrams, a letter or digit (`\p{L}`,
    /// `\p{N}`) a word, and anything else ends both. Terms go to `emit` as UTF-8 bytes; the text
    /// is read byte by byte, decoding a code point only where a byte is not ASCII.
    struct Tokens {
        /// The word under way as UTF-8, lower-cased as read while it is all ASCII.
        private var word: [UInt8] = []
        private var wordIsASCII = true
        /// The Han run under way as UTF-8, and where each of its characters ends.
        private var han: [UInt8] = []
        private var hanEnds: [Int] = []

        mutating func read(_ text: String, emit: (UnsafeBufferPointer<UInt8>) -> Void) {
            var text = text
            text.withUTF8 { bytes in
                var index = 0
                while index < bytes.count {
                    let lead = bytes[index]
                    if lead < 0x80 {
                        index += 1
                        if (lead >= 0x61 && lead <= 0x7A) || (lead >= 0x30 && lead <= 0x39) {
                            finishHan(emit: emit)
                            word.append(lead)
                        } else if lead >= 0x41 && lead <= 0x5A {
                            finishHan(emit: emit)
                            word.append(wordIsASCII ? lead + 0x20 : lead)
                        } else {
                            finishRun(emit: emit)
                        }
                        continue
                    }
                    let (value, width) = SimpleText.scalar(in: bytes, at: index)
                    let encoded = UnsafeBufferPointer(rebasing: bytes[index..<(index + width)])
                    index += width
                    let scalar = Unicode.Scalar(value)!
                    if Self.isHan(scalar) {
                        finishWord(emit: emit)
                        han.append(contentsOf: encoded)
                        hanEnds.append(han.count)
                    } else if Self.isLetterOrNumber(scalar) {
                        finishHan(emit: emit)
                        // From here `finishWord` lower-cases the whole word; the ASCII letters
                        // lower-cased so far come out the same.
                        wordIsASCII = false
                        word.append(contentsOf: encoded)
                    } else {
                        finishRun(emit: emit)
                    }
                }
            }
        }

        /// Ends the word or Han run under way.
        mutating func finishRun(emit: (UnsafeBufferPointer<UInt8>) -> Void) {
            finishWord(emit: emit)
            finishHan(emit: emit)
        }

        private mutating func finishWord(emit: (UnsafeBufferPointer<UInt8>) -> Void) {
            guard !word.isEmpty else { return }
            if wordIsASCII {
                SearchIndex.stemASCII(&word)
                word.withUnsafeBufferPointer(emit)
            } else {
                var term = SearchIndex.stem(String(decoding: word, as: UTF8.self).lowercased())
                term.withUTF8(emit)
            }
            word.removeAll(keepingCapacity: true)
            wordIsASCII = true
        }

        private mutating func finishHan(emit: (UnsafeBufferPointer<UInt8>) -> Void) {
            guard !hanEnds.isEmpty else { return }
            han.withUnsafeBufferPointer { han in
                if hanEnds.count == 1 { emit(han) }
                var start = 0
                for pair in hanEnds.indices.dropLast() {
                    emit(UnsafeBufferPointer(rebasing: han[start..<hanEnds[pair + 1]]))
                    start = hanEnds[pair]
                }
            }
            han.removeAll(keepingCapacity: true)
            hanEnds.removeAll(keepingCapacity: true)
        }

        /// The script's `/[\u3400-\u9fff\uf900-\ufaff]/`.
        static func isHan(_ scalar: Unicode.Scalar) -> Bool {
            (0x3400...0x9FFF).contains(scalar.value) || (0xF900...0xFAFF).contains(scalar.value)
        }

        /// The script's `/[\p{L}\p{N}]/u`, for code points beyond ASCII.
        static func isLetterOrNumber(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .decimalNumber, .letterNumber, .otherNumber:
                return true
            default:
                return false
            }
        }
    }

    /// Terms as UTF-8 bytes, numbered in the order they are first seen: an open-addressing hash
    /// table over the bytes, so a term read from a text is looked up without making a `String`.
    struct TermTable {
        private var bytes: [UInt8] = []
        private var ends: [Int] = []
        private var hashes: [UInt64] = []
        /// Term number + 1 in each slot, 0 where empty; the size is a power of two.
        private var slots = [Int32](repeating: 0, count: 1024)

        var count: Int { ends.count }

        func term(_ id: Int) -> String {
            String(decoding: bytes[(id == 0 ? 0 : ends[id - 1])..<ends[id]], as: UTF8.self)
        }

        mutating func id(of term: UnsafeBufferPointer<UInt8>) -> Int {
            let hash = ContentDigest.fnv1a(term)
            let mask = slots.count - 1
            var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
            while slots[slot] != 0 {
                let id = Int(slots[slot]) - 1
                if hashes[id] == hash && equals(id, term) { return id }
                slot = (slot + 1) & mask
            }
            let id = ends.count
            bytes.append(contentsOf: term)
            ends.append(bytes.count)
            hashes.append(hash)
            slots[slot] = Int32(id + 1)
            if ends.count * 2 > slots.count { grow() }
            return id
        }

        private func equals(_ id: Int, _ term: UnsafeBufferPointer<UInt8>) -> Bool {
            let start = id == 0 ? 0 : ends[id - 1]
            guard ends[id] - start == term.count else { return false }
            return term.indices.allSatisfy { bytes[start + $0] == term[$0] }
        }

        private mutating func grow() {
            slots = [Int32](repeating: 0, count: slots.count * 2)
            let mask = slots.count - 1
            for (id, hash) in hashes.enumerated() {
                var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
                while slots[slot] != 0 { slot = (slot + 1) & mask }
                slots[slot] = Int32(id + 1)
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

}
