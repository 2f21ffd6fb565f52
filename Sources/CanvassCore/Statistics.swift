/// A closed interval `[lower, upper]`, e.g. a 95% confidence interval.
public struct Interval: Sendable, Hashable {
    public var lower: Double
    public var upper: Double
    public init(_ lower: Double, _ upper: Double) {
        self.lower = lower
        self.upper = upper
    }
}

/// Descriptive statistics of one rating item (SPEC §4.1). Absent estimates are nil, never 0 or NaN.
public struct Descriptives: Sendable, Hashable {
    public var n: Int
    public var mean: Double?
    /// Sample standard deviation (n − 1); nil below n = 2.
    public var sd: Double?
    /// `mean ± t(0.975, n−1)·sd/√n`; nil below n = 2.
    public var ci95: Interval?
    /// Answers per scale point, every point of the scale present (0 where nobody chose it).
    public var counts: [Int: Int]

    public init(n: Int, mean: Double?, sd: Double?, ci95: Interval?, counts: [Int: Int]) {
        self.n = n
        self.mean = mean
        self.sd = sd
        self.ci95 = ci95
        self.counts = counts
    }

    public var isSmallSample: Bool { n < 30 }
}

/// Paired difference perception − expectation (SPEC §4.2); negative is a shortfall.
public struct PairedGap: Sendable, Hashable {
    public var n: Int
    public var mean: Double?
    public var sd: Double?
    public var ci95: Interval?
    /// t statistic of the paired t-test; nil when the differences do not vary.
    public var t: Double?
    /// Two-sided p-value; nil when the differences do not vary or n < 2.
    public var p: Double?

    public init(n: Int, mean: Double?, sd: Double?, ci95: Interval?, t: Double?, p: Double?) {
        self.n = n
        self.mean = mean
        self.sd = sd
        self.ci95 = ci95
        self.t = t
        self.p = p
    }

    public var isSmallSample: Bool { n < 30 }
}

/// Net Promoter Score (SPEC §4.5).
public struct NPSResult: Sendable, Hashable {
    public var n: Int
    public var promoters: Int
    public var passives: Int
    public var detractors: Int
    /// 100·(P − D)/n; nil when n = 0.
    public var score: Double?
    /// 95% margin of error in NPS points; nil when n = 0.
    public var moe95: Double?

    public init(n: Int, promoters: Int, passives: Int, detractors: Int, score: Double?, moe95: Double?) {
        self.n = n
        self.promoters = promoters
        self.passives = passives
        self.detractors = detractors
        self.score = score
        self.moe95 = moe95
    }
}

/// A share with a Wilson interval, both ×100 (CSAT, share within commitment).
public struct ShareResult: Sendable, Hashable {
    public var n: Int
    public var hits: Int
    /// 100·hits/n; nil when n = 0.
    public var score: Double?
    public var ci95: Interval?

    public init(n: Int, hits: Int, score: Double?, ci95: Interval?) {
        self.n = n
        self.hits = hits
        self.score = score
        self.ci95 = ci95
    }
}

/// Kano categories (SPEC §4.8): attractive, one-dimensional, must-be, indifferent, reverse, questionable.
public enum KanoCategory: String, Sendable, CaseIterable, Hashable {
    case attractive = "A"
    case oneDimensional = "O"
    case mustBe = "M"
    case indifferent = "I"
    case reverse = "R"
    case questionable = "Q"
}

public struct KanoResult: Sendable, Hashable {
    public var feature: String
    public var n: Int
    public var counts: [KanoCategory: Int]
    /// Most frequent category, ties broken M > O > A > I > R > Q; nil when n = 0.
    public var category: KanoCategory?
    /// (A+O)/(A+O+M+I); nil when the denominator is 0.
    public var better: Double?
    /// −(O+M)/(A+O+M+I); nil when the denominator is 0.
    public var worse: Double?

    public init(feature: String, n: Int, counts: [KanoCategory: Int], category: KanoCategory?, better: Double?, worse: Double?) {
        self.feature = feature
        self.n = n
        self.counts = counts
        self.category = category
        self.better = better
        self.worse = worse
    }
}
