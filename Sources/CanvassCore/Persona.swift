/// A trait that sets a persona apart from everyone else (SPEC §4.9).
public struct PersonaTrait: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// A category over-represented in the persona: share ÷ overall share ≥ 1.25, share ≥ 30%.
        case category(value: String, share: Double, overallShare: Double)
        /// A numeric attribute's median in the persona against everyone's; `distinguishing` when the
        /// medians differ by at least half the overall standard deviation.
        case numeric(median: Double, overallMedian: Double, distinguishing: Bool)
    }

    public var attribute: String
    public var kind: Kind

    public init(attribute: String, kind: Kind) {
        self.attribute = attribute
        self.kind = kind
    }

    /// How strongly the trait sets the persona apart, for ordering and naming.
    public var strength: Double {
        switch kind {
        case .category(_, let share, let overall): return overall > 0 ? share / overall : 0
        case .numeric(let median, let overall, let distinguishing): return distinguishing ? 1 + abs(median - overall) / max(abs(overall), 1) : 0
        }
    }
}

/// A persona's own write-up from `content/personas/*.md`, replacing the generated name and summary.
public struct PersonaNarrative: Sendable {
    public var id: String
    public var name: String?
    public var summary: String?
    /// Project-relative path of a photo, if given.
    public var photo: String?
    public var body: MarkdownNode
    public var file: String

    public init(id: String, name: String?, summary: String?, photo: String?, body: MarkdownNode, file: String) {
        self.id = id
        self.name = name
        self.summary = summary
        self.photo = photo
        self.body = body
        self.file = file
    }
}

/// A group of respondents that behaves alike, with the evidence behind it.
public struct Persona: Sendable {
    /// Stable id from the strongest traits (`plan-basic-clinic-size-small`); names are composed
    /// from the traits when rendering, in the site's language, unless a narrative gives one.
    public var id: String
    public var size: Int
    /// The persona's share of the respondents, weighted when the survey figures are.
    public var share: Double
    /// The share of respondents counted once each; equal to `share` without weights.
    public var sampleShare: Double = 0
    /// Distinguishing traits first (strongest first), then the other numeric comparisons.
    public var traits: [PersonaTrait]
    /// Gap per dimension id, in config order.
    public var gaps: [Group<PairedGap>]
    public var nps: NPSResult?
    public var csat: ShareResult?
    /// Theme ids with how many of the persona's excerpts carry them, most first.
    public var themes: [Group<Int>]
    /// Quotes spoken by participants placed in the persona.
    public var quotes: [Excerpt]
    /// `need/…` tags raised by the persona's participants, with counts.
    public var needs: [Group<Int>]
    /// Note participants placed in the persona (by survey row or front-matter attributes).
    public var participants: [String]
    public var narrative: PersonaNarrative?

    public init(
        id: String, size: Int, share: Double, traits: [PersonaTrait],
        gaps: [Group<PairedGap>], nps: NPSResult?, csat: ShareResult?, themes: [Group<Int>], quotes: [Excerpt],
        needs: [Group<Int>], participants: [String], narrative: PersonaNarrative?
    ) {
        self.id = id
        self.size = size
        self.share = share
        self.traits = traits
        self.gaps = gaps
        self.nps = nps
        self.csat = csat
        self.themes = themes
        self.quotes = quotes
        self.needs = needs
        self.participants = participants
        self.narrative = narrative
    }
}

/// The segmentation: how personas were found, how well they hold up, and who is in which.
public struct PersonaResults: Sendable {
    public var method: PersonaConfig.Method
    public var k: Int
    public var seed: UInt64
    public var attributes: [String]
    /// Mean silhouette of the chosen solution (k-prototypes), on the seeded sample.
    public var silhouette: Double?
    /// Mean silhouette of every k tried by `k: auto`.
    public var silhouetteByK: [Group<Double?>]
    /// Mean adjusted Rand index against the 5 subsample runs, and each run's.
    public var stability: Double?
    public var stabilityRuns: [Double]
    public var sampleSize: Int
    public var personas: [Persona]
    /// Respondent id → persona id, in file order; respondents with no persona attribute are absent.
    public var assignments: [(respondent: String, persona: String)]

    public init(
        method: PersonaConfig.Method, k: Int, seed: UInt64, attributes: [String], silhouette: Double?, silhouetteByK: [Group<Double?>],
        stability: Double?, stabilityRuns: [Double], sampleSize: Int, personas: [Persona], assignments: [(respondent: String, persona: String)]
    ) {
        self.method = method
        self.k = k
        self.seed = seed
        self.attributes = attributes
        self.silhouette = silhouette
        self.silhouetteByK = silhouetteByK
        self.stability = stability
        self.stabilityRuns = stabilityRuns
        self.sampleSize = sampleSize
        self.personas = personas
        self.assignments = assignments
    }

    public func persona(id: String) -> Persona? {
        personas.first { $0.id == id }
    }
}
