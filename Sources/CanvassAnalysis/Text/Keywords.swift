import Foundation
import CanvassCore

/// Keywords by TF-IDF (SPEC §4.12).
///
/// Variant: tf(t, d) = count of t in d ÷ number of terms in d; idf(t) = ln((1 + N) / (1 + df(t))) + 1,
/// the smoothed idf of scikit-learn; weight = tf × idf. Terms are lower-cased English words of three
/// letters or more that are not stopwords, and character bigrams of Chinese (Han) text.
public struct KeywordExtractor: Sendable {
    public var stopwords: Set<String>

    public init(extraStopwords: [String] = []) {
        stopwords = Self.englishStopwords.union(extraStopwords.map { $0.lowercased() })
    }

    /// Terms of a text in order.
    public func terms(_ text: String) -> [String] {
        var terms: [String] = []
        var word = ""
        var han: [Character] = []
        func flushWord() {
            let lower = word.lowercased()
            if lower.count >= 3, !stopwords.contains(lower), lower.contains(where: \.isLetter) { terms.append(lower) }
            word = ""
        }
        func flushHan() {
            if han.count >= 2 {
                for i in 0..<(han.count - 1) {
                    let bigram = String(han[i...(i + 1)])
                    if !stopwords.contains(bigram) { terms.append(bigram) }
                }
            }
            han.removeAll()
        }
        for character in text {
            if character.isHan {
                flushWord()
                han.append(character)
            } else if character.isLetterOrNumber || character == "'" {
                flushHan()
                if character != "'" { word.append(character) }
            } else {
                flushWord()
                flushHan()
            }
        }
        flushWord()
        flushHan()
        return terms
    }

    /// The `limit` highest-weighted terms of each document, ties by term.
    public func keywords(_ documents: [(id: String, text: String)], limit: Int = 8) -> [String: [Group<Double>]] {
        var vocabulary = Vocabulary()
        let terms = documents.map { vocabulary.numbers(self.terms($0.text)) }
        let results = Self.keywords(documents: terms.map { [$0] }, vocabulary: vocabulary, limit: limit)
        return Dictionary(zip(documents.map(\.id), results), uniquingKeysWith: { _, last in last })
    }

    /// Keywords of documents given as lists of term numbers (each document the concatenation of
    /// its lists), numbered by `vocabulary`; one result per document, in order.
    static func keywords(documents: [[[Int32]]], vocabulary: Vocabulary, limit: Int = 8) -> [[Group<Double>]] {
        // Per document, each term's count (first-seen order); the scratch array is cleared after each.
        var scratch = [Int32](repeating: 0, count: vocabulary.count)
        var documentFrequency = [Int32](repeating: 0, count: vocabulary.count)
        let counted = documents.map { lists -> (counts: [(term: Int32, count: Int32)], total: Int) in
            var seen: [Int32] = []
            var total = 0
            for list in lists {
                total += list.count
                for term in list {
                    if scratch[Int(term)] == 0 { seen.append(term) }
                    scratch[Int(term)] += 1
                }
            }
            let counts = seen.map { term in (term: term, count: scratch[Int(term)]) }
            for term in seen {
                scratch[Int(term)] = 0
                documentFrequency[Int(term)] += 1
            }
            return (counts, total)
        }
        let n = Double(documents.count)
        return counted.map { document in
            guard document.total > 0 else { return [] }
            let weights = document.counts.map { term, count -> (String, Double) in
                let tf = Double(count) / Double(document.total)
                let idf = log((1 + n) / (1 + Double(documentFrequency[Int(term)]))) + 1
                return (vocabulary.term(term), tf * idf)
            }
            return weights.sorted { ($0.1, $1.0) > ($1.1, $0.0) }.prefix(limit).map { Group(label: $0.0, value: $0.1) }
        }
    }

    static let englishStopwords: Set<String> = [
        "the", "and", "for", "are", "but", "not", "you", "your", "all", "any", "can", "had", "her", "was", "one", "our", "out",
        "has", "have", "him", "his", "how", "its", "may", "new", "now", "old", "see", "two", "way", "who", "did", "get", "got",
        "let", "put", "say", "she", "too", "use", "that", "with", "this", "they", "them", "then", "than", "there", "their",
        "what", "when", "where", "which", "while", "will", "would", "could", "should", "from", "into", "onto", "about", "after",
        "before", "again", "also", "been", "being", "very", "just", "only", "some", "such", "much", "many", "more", "most",
        "other", "over", "same", "each", "both", "these", "those", "were", "does", "doing", "done", "here", "why", "because",
        "until", "through", "during", "under", "above", "below", "between", "off", "own", "don", "isn", "wasn", "didn",
        "doesn", "won", "can't", "cannot", "every", "even", "still", "yet", "like", "really", "thing", "things", "lot", "lots",
        "want", "wants", "need", "needs", "know", "think", "make", "made", "take", "took", "going", "said", "says", "told",
        "first", "day", "days", "week", "weeks", "time", "times",
    ]
}
