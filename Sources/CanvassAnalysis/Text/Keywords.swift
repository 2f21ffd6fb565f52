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
            } else if character.isLetter || character.isNumber || character == "'" {
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
        keywords(termLists: documents.map { (id: $0.id, terms: terms($0.text)) }, limit: limit)
    }

    /// The same from each document's terms, already extracted.
    public func keywords(termLists documents: [(id: String, terms: [String])], limit: Int = 8) -> [String: [Group<Double>]] {
        let termLists = documents.map(\.terms)
        var documentFrequency: [String: Int] = [:]
        for list in termLists { for term in Set(list) { documentFrequency[term, default: 0] += 1 } }
        let n = Double(documents.count)
        var result: [String: [Group<Double>]] = [:]
        for (document, list) in zip(documents, termLists) {
            guard !list.isEmpty else { result[document.id] = []; continue }
            var counts: [String: Int] = [:]
            for term in list { counts[term, default: 0] += 1 }
            let weights = counts.map { term, count -> (String, Double) in
                let tf = Double(count) / Double(list.count)
                let idf = log((1 + n) / (1 + Double(documentFrequency[term]!))) + 1
                return (term, tf * idf)
            }
            result[document.id] = weights.sorted { ($0.1, $1.0) > ($1.1, $0.0) }.prefix(limit).map { Group(label: $0.0, value: $0.1) }
        }
        return result
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
