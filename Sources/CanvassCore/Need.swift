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
