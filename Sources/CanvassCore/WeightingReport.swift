/// How the survey sample compares with the population and the weights that correct it.
public struct WeightingReport: Sendable, Hashable {
    public enum Method: String, Sendable, Hashable {
        /// Raked to `weighting.margins` in canvass.yml.
        case raking
        /// Read from a survey's `weight` column.
        case column
    }

    /// One value of an attribute: the sample's count and share, the population's share, the
    /// weighted share after raking, and whether the sample strays by more than `weighting.flag`.
    public struct Cell: Sendable, Hashable {
        public var value: String
        public var sampleCount: Int
        public var sampleShare: Double
        public var populationShare: Double
        public var weightedShare: Double
        public var flagged: Bool
        public init(value: String, sampleCount: Int, sampleShare: Double, populationShare: Double, weightedShare: Double, flagged: Bool) {
            self.value = value
            self.sampleCount = sampleCount
            self.sampleShare = sampleShare
            self.populationShare = populationShare
            self.weightedShare = weightedShare
            self.flagged = flagged
        }
    }

    /// An attribute's cells with Pearson's goodness-of-fit test of the sample against the population.
    public struct Margin: Sendable, Hashable {
        public var attribute: String
        public var cells: [Cell]
        /// Respondents with a value for the attribute.
        public var n: Int
        public var chiSquare: Double?
        public var degreesOfFreedom: Int?
        public var p: Double?
        public init(attribute: String, cells: [Cell], n: Int, chiSquare: Double?, degreesOfFreedom: Int?, p: Double?) {
            self.attribute = attribute
            self.cells = cells
            self.n = n
            self.chiSquare = chiSquare
            self.degreesOfFreedom = degreesOfFreedom
            self.p = p
        }
    }

    /// The weights of the respondents in the statistics, normalised to mean 1.
    public struct Summary: Sendable, Hashable {
        public var n: Int
        public var min: Double
        public var max: Double
        /// Kish's design effect n·Σw²/(Σw)².
        public var designEffect: Double
        /// Kish's effective sample size (Σw)²/Σw².
        public var effectiveN: Double
        public init(n: Int, min: Double, max: Double, designEffect: Double, effectiveN: Double) {
            self.n = n
            self.min = min
            self.max = max
            self.designEffect = designEffect
            self.effectiveN = effectiveN
        }
    }

    /// The headline figures computed without weights, kept one click away from the weighted ones.
    public struct Unweighted: Sendable, Hashable {
        public var nps: Double?
        public var csat: Double?
        public var overallGap: Double?
        /// Dimension id → its gap.
        public var gaps: [Group<Double?>]
        public init(nps: Double?, csat: Double?, overallGap: Double?, gaps: [Group<Double?>]) {
            self.nps = nps
            self.csat = csat
            self.overallGap = overallGap
            self.gaps = gaps
        }
    }

    public var method: Method
    public var margins: [Margin]
    public var summary: Summary
    /// Raking sweeps (0 for a weight column) and respondents whose weight was trimmed.
    public var iterations: Int
    public var trimmed: Int
    public var trim: (min: Double, max: Double)?
    /// Each wave is raked on its own, so that a trend compares like with like.
    public var rakedByWave: Bool
    public var unweighted: Unweighted?

    public init(method: Method, margins: [Margin], summary: Summary, iterations: Int, trimmed: Int,
                trim: (min: Double, max: Double)?, rakedByWave: Bool, unweighted: Unweighted? = nil) {
        self.method = method
        self.margins = margins
        self.summary = summary
        self.iterations = iterations
        self.trimmed = trimmed
        self.trim = trim
        self.rakedByWave = rakedByWave
        self.unweighted = unweighted
    }

    public static func == (lhs: WeightingReport, rhs: WeightingReport) -> Bool {
        lhs.method == rhs.method && lhs.margins == rhs.margins && lhs.summary == rhs.summary && lhs.iterations == rhs.iterations
            && lhs.trimmed == rhs.trimmed && lhs.trim?.min == rhs.trim?.min && lhs.trim?.max == rhs.trim?.max
            && lhs.rakedByWave == rhs.rakedByWave && lhs.unweighted == rhs.unweighted
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(method)
        hasher.combine(margins)
        hasher.combine(summary)
        hasher.combine(unweighted)
    }
}
