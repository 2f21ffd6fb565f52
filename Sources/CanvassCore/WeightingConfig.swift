/// `weighting:` in canvass.yml: population margins that the survey sample is raked to, the
/// bounds weights are trimmed to, and how far a sample share may stray before it is flagged.
/// A survey may instead map a column of weights (`weight:` in its entry).
public struct WeightingConfig: Sendable, Equatable {
    /// One attribute's population shares, e.g. plan: {basic: 0.40, pro: 0.35, enterprise: 0.25}.
    public struct Margin: Sendable, Equatable {
        public struct Share: Sendable, Equatable {
            public var value: String
            public var share: Double
            public var location: SourceLocation?
            public init(value: String, share: Double, location: SourceLocation? = nil) {
                self.value = value
                self.share = share
                self.location = location
            }
        }

        public var attribute: String
        public var shares: [Share]
        public var location: SourceLocation?
        public init(attribute: String, shares: [Share], location: SourceLocation? = nil) {
            self.attribute = attribute
            self.shares = shares
            self.location = location
        }
    }

    public var margins: [Margin] = []
    /// Weights are kept within these multiples of the mean weight (1), re-raking after each cut.
    public var trim: (min: Double, max: Double)?
    /// A sample share more than this many points (as a proportion) from the population's is flagged.
    public var flag: Double = 0.05
    public var location: SourceLocation?

    public init() {}

    public static func == (lhs: WeightingConfig, rhs: WeightingConfig) -> Bool {
        lhs.margins == rhs.margins && lhs.trim?.min == rhs.trim?.min && lhs.trim?.max == rhs.trim?.max
            && lhs.flag == rhs.flag && lhs.location == rhs.location
    }
}
