/// Which personas and segments to serve first (customer positioning): each candidate measured on
/// the `targeting` criteria, scaled, scored and ranked, with the recommended primary and
/// secondary targets.
public struct TargetingResults: Sendable {
    public enum Kind: String, Sendable, Hashable {
        case persona, segment
    }

    /// Why a candidate's place needs care.
    public enum Caution: String, Sendable, Hashable {
        /// Fewer than 30 respondents: shown, never recommended.
        case smallSample
        /// Its shortfall's 95% interval reaches 0 (or it has none): the shortfall may be chance.
        case shortfallUncertain
        /// A criterion that counts could not be measured (no answers): not scored.
        case unmeasured
    }

    /// A persona, or one value of a segment attribute.
    public struct Candidate: Sendable, Hashable {
        public var kind: Kind
        /// The persona id, or the attribute's value.
        public var id: String
        /// The segment attribute; nil for a persona.
        public var attribute: String?
        public var n: Int
        /// Share of the respondents ×100 (weighted when the figures are), Wilson interval at n_eff.
        public var size: ShareResult
        /// The overall gap (dimension-weighted) of its respondents with a 95% interval.
        public var gap: Estimate?
        /// Means of the value, reach and growth attributes, where mapped.
        public var value: Descriptives?
        public var reach: Descriptives?
        public var growth: Descriptives?
        /// Each measured criterion scaled to 0…1 across the candidates of its kind; nil unmeasured.
        public var scaled: [TargetingConfig.Criterion: Double] = [:]
        /// Σ weight × scaled value; nil when a criterion that counts is unmeasured.
        public var score: Double?
        /// 1 for the highest score among its kind; nil when not scored.
        public var rank: Int?
        public var cautions: [Caution] = []

        public init(kind: Kind, id: String, attribute: String?, n: Int, size: ShareResult, gap: Estimate?) {
            self.kind = kind
            self.id = id
            self.attribute = attribute
            self.n = n
            self.size = size
            self.gap = gap
        }

        /// −(overall gap), at least 0: how far the candidate's experience falls short.
        public var shortfall: Double? { gap.map { max(0, -$0.mean) } }

        /// The measured amount of a criterion, before scaling.
        public func amount(_ criterion: TargetingConfig.Criterion) -> Double? {
            switch criterion {
            case .size: return size.score
            case .shortfall: return shortfall
            case .value: return value?.mean
            case .reach: return reach?.mean
            case .growth: return growth?.mean
            }
        }

        /// Eligible for a recommendation: scored and at least 30 respondents.
        public var eligible: Bool { score != nil && !cautions.contains(.smallSample) }
    }

    /// A mean with its 95% interval and the respondents behind it.
    public struct Estimate: Sendable, Hashable {
        public var n: Int
        public var mean: Double
        public var ci95: Interval?
        public init(n: Int, mean: Double, ci95: Interval?) {
            self.n = n
            self.mean = mean
            self.ci95 = ci95
        }
    }

    public var config: TargetingConfig
    /// The measured criteria and their normalised weights.
    public var criteria: [(criterion: TargetingConfig.Criterion, weight: Double)]
    /// Ranked: scored candidates by rank, then the others.
    public var personas: [Candidate]
    public var segments: [Candidate]
    /// Whether respondent weights entered the figures.
    public var weighted: Bool

    public init(config: TargetingConfig, personas: [Candidate], segments: [Candidate], weighted: Bool) {
        self.config = config
        self.criteria = config.normalisedWeights
        self.personas = personas
        self.segments = segments
        self.weighted = weighted
    }

    /// The kind the recommendation is made among: personas when the study has them.
    public var recommendedKind: Kind { personas.isEmpty ? .segment : .persona }

    /// The candidates the recommendation is made among.
    public var recommendable: [Candidate] { personas.isEmpty ? segments : personas }

    /// The best eligible candidate, and the next.
    public var primary: Candidate? { recommendable.first(where: \.eligible) }
    public var secondary: Candidate? { recommendable.filter(\.eligible).dropFirst().first }
}
