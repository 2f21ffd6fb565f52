/// A sentiment score in [−1, 1] with its label (SPEC §4.12).
public struct SentimentScore: Sendable, Hashable {
    public enum Label: String, Sendable, Hashable {
        case positive, neutral, negative
    }
    public var score: Double
    public var label: Label

    /// VADER's thresholds: ≥ 0.05 positive, ≤ −0.05 negative.
    public init(score: Double) {
        self.score = score
        label = score >= 0.05 ? .positive : score <= -0.05 ? .negative : .neutral
    }
}

/// A free-text survey answer, kept as evidence attributed to its respondent (SPEC §4.12).
public struct SurveyAnswer: Sendable, Hashable {
    public var respondent: String
    public var column: String
    /// Project-relative path of the survey and the line of the row.
    public var file: String
    public var line: Int
    public var text: String
    public var sentiment: Double
    public var label: String

    public init(respondent: String, column: String, file: String, line: Int, text: String, sentiment: Double, label: String) {
        self.respondent = respondent
        self.column = column
        self.file = file
        self.line = line
        self.text = text
        self.sentiment = sentiment
        self.label = label
    }
}

/// Sentiment of every excerpt and answer.
public struct TextResults: Sendable {
    /// Score in [−1, 1] of each excerpt of the analysed notes: `[n][e]` for excerpt `e` of note `n`,
    /// in the project's note order.
    public var excerptSentiment: [[Double]] = []
    public var answers: [SurveyAnswer] = []

    public init(excerptSentiment: [[Double]] = [], answers: [SurveyAnswer] = []) {
        self.excerptSentiment = excerptSentiment
        self.answers = answers
    }

    /// How the data files name an excerpt: `noteID#anchor`.
    public static func key(_ excerpt: Excerpt) -> String { "\(excerpt.noteID)#\(excerpt.anchor)" }
}
