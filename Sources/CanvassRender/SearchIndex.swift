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
        var terms: [String: Set<Int>] = [:]
        for (index, document) in documents.enumerated() {
            for term in Self.terms(document.title + " " + document.text + " " + document.hidden) { terms[term, default: []].insert(index) }
        }
        self.terms = terms.mapValues { $0.sorted() }
    }

    /// Stemming of English words: the same rules as `assets/search.js`.
    public static func stem(_ word: String) -> String {
        let count = word.count
        guard count > 3 else { return word }
        if word.hasSuffix("ies") { return String(word.dropLast(3)) + "y" }
        if word.hasSuffix("ing") && count > 5 { return String(word.dropLast(3)) }
        if word.hasSuffix("ed") && count > 4 { return String(word.dropLast(2)) }
        if word.hasSuffix("es") && count > 4 { return String(word.dropLast(2)) }
        if word.hasSuffix("s") && !word.hasSuffix("ss") { return String(word.dropLast()) }
        return word
    }

    public static func terms(_ text: String) -> [String] {
        var result: [String] = []
        var word = ""
        var han: [Character] = []
        func flushWord() {
            if !word.isEmpty { result.append(stem(word.lowercased())) }
            word = ""
        }
        func flushHan() {
            if han.count == 1 { result.append(String(han[0])) }
            if han.count >= 2 { for i in 0..<(han.count - 1) { result.append(String(han[i...(i + 1)])) } }
            han.removeAll()
        }
        for character in text {
            if character.isHan {
                flushWord()
                han.append(character)
            } else if character.isLetterOrNumber {
                flushHan()
                word.append(character)
            } else {
                flushWord()
                flushHan()
            }
        }
        flushWord()
        flushHan()
        return result
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
        let docs = JSONValue.array(documents.map { .array([.string($0.type), .string($0.title), .string($0.text), .string($0.url)]) })
        let index = JSONValue.object(terms.keys.sorted().map { ($0, .array(terms[$0]!.map { .int($0) })) })
        return "window.CANVASS_SEARCH = {\"docs\": " + docs.compact() + ", \"terms\": " + index.compact() + "};\n"
    }
}
