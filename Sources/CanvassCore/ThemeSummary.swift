/// A theme with the evidence behind it (SPEC §4.10, the counts that need no survey).
public struct ThemeSummary: Sendable {
    public var theme: Theme
    /// Every excerpt carrying the theme, newest note first, then in note order.
    public var excerpts: ExcerptList
    /// Notes with at least one such excerpt, in the project's note order.
    public var noteIDs: [String]
    /// Participants who raised it: a quote's speaker, or the sole participant of a one-to-one note.
    /// Observations in group sessions name nobody, so are not counted here.
    public var participantIDs: [String]

    /// Excerpts by the persona of their participant, most first (personas only).
    public var byPersona: [Group<Int>] = []
    /// Excerpts by note method, in method order.
    public var byMethod: [Group<Int>] = []
    /// Other themes on the same excerpts, with how many excerpts they share, most first.
    public var cooccurring: [Group<Int>] = []
    /// Mean sentiment of the excerpts, in [−1, 1]; nil without excerpts.
    public var sentiment: Double?
    /// TF-IDF keywords of the theme's excerpts against the other themes'.
    public var keywords: [Group<Double>] = []

    public init(theme: Theme, excerpts: ExcerptList, noteIDs: [String], participantIDs: [String]) {
        self.theme = theme
        self.excerpts = excerpts
        self.noteIDs = noteIDs
        self.participantIDs = participantIDs
    }
}
