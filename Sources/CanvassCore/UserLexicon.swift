/// A project's own additions to sentiment and keywords, from `content/data/lexicon.yml`:
/// `en: {word: valence}`, `zh: {词: valence}` (VADER's −4…+4 scale), `stopwords: [word, …]`.
public struct UserLexicon: Sendable, Equatable {
    public var english: [String: Double]
    public var chinese: [String: Double]
    public var stopwords: [String]

    public init(english: [String: Double] = [:], chinese: [String: Double] = [:], stopwords: [String] = []) {
        self.english = english
        self.chinese = chinese
        self.stopwords = stopwords
    }
}
