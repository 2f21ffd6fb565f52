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

/// A customer need (SPEC §4.10): a `need/…` tag or a codebook need, with its evidence and priority.
public struct Need: Sendable {
    /// Tags under this prefix name needs.
    public static let tagPrefix = "need/"
    /// The part after `need/`: `checklist` for `#need/checklist`.
    public var id: String
    public var label: String
    public var description: String?
    public var dimension: String?
    /// Distinct participants who raised it (speakers, or the sole participant of a note).
    public var participants: [String]
    /// Notes with several participants (a focus group, a workshop) where it was raised without a
    /// named speaker: each counts as one voice.
    public var groupNotes: Int
    /// Participants plus group notes: the voices that raised it.
    public var voices: Int { participants.count + groupNotes }
    public var excerpts: ExcerptList
    /// The dimension's mean importance and gap, when the survey has them.
    public var importance: Double?
    public var gap: Double?
    /// The documented priority score in [0, 1] and the priority it gives.
    public var score: Double
    public var priority: String
    /// The committed response time of that priority, e.g. `4h`.
    public var commitment: String?

    /// Where the priority score's bands start (documented on the needs page).
    public static let thresholds: [(priority: String, from: Double)] = [("P1", 0.6), ("P2", 0.4), ("P3", 0)]
    /// The fewest voices a priority needs: one person's wish is never above P3, P1 needs three.
    public static let minimumVoices: [String: Int] = ["P1": 3, "P2": 2, "P3": 0]

    /// The priority of `score` from `thresholds`, lowered until `voices` reach its minimum.
    public static func priority(score: Double, voices: Int) -> String {
        thresholds.first { score >= $0.from && voices >= (minimumVoices[$0.priority] ?? 0) }?.priority ?? thresholds[thresholds.count - 1].priority
    }

    public init(
        id: String, label: String, description: String?, dimension: String?, participants: [String], groupNotes: Int = 0,
        excerpts: ExcerptList, importance: Double?, gap: Double?, score: Double, priority: String, commitment: String?
    ) {
        self.groupNotes = groupNotes
        self.id = id
        self.label = label
        self.description = description
        self.dimension = dimension
        self.participants = participants
        self.excerpts = excerpts
        self.importance = importance
        self.gap = gap
        self.score = score
        self.priority = priority
        self.commitment = commitment
    }
}
