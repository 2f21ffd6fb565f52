/// A result for one value of an attribute or one wave: `{label: result}` in a stable order.
public struct Group<Value: Sendable & Hashable>: Sendable, Hashable {
    public var label: String
    public var value: Value
    public init(label: String, value: Value) {
        self.label = label
        self.value = value
    }
}

/// A result broken down by every value of one attribute (SPEC §4.1 "for every value of every breakdown").
public struct Breakdown<Value: Sendable & Hashable>: Sendable, Hashable {
    public var attribute: String
    public var groups: [Group<Value>]
    public init(attribute: String, groups: [Group<Value>]) {
        self.attribute = attribute
        self.groups = groups
    }
}

/// Importance–performance quadrants (SPEC §4.4); "high" includes the crosshair itself.
public enum Quadrant: String, Sendable, CaseIterable, Hashable {
    case concentrateHere = "concentrate here"
    case keepUpTheGoodWork = "keep up the good work"
    case lowPriority = "low priority"
    case possibleOverkill = "possible overkill"

    public static func of(importance x: Double, performance y: Double, crosshairX: Double, crosshairY: Double) -> Quadrant {
        switch (x >= crosshairX, y >= crosshairY) {
        case (true, false): return .concentrateHere
        case (true, true): return .keepUpTheGoodWork
        case (false, false): return .lowPriority
        case (false, true): return .possibleOverkill
        }
    }
}

/// Where the weights of the weighted overall gap came from (SPEC §4.3).
public enum WeightSource: String, Sendable, Hashable {
    case configured = "weight"
    case importance
    case equal
}

/// One dimension of the needs model: what was expected, what was perceived, and the gap.
public struct DimensionResult: Sendable, Hashable {
    public var dimension: Dimension
    public var expectation: Descriptives
    public var perception: Descriptives
    public var importance: Descriptives?
    public var gap: PairedGap
    /// Normalised weight used in the weighted overall gap; nil when the dimension has no gap.
    public var weight: Double?
    /// IPA coordinates: importance (or expectation) mean, perception mean.
    public var x: Double?
    public var y: Double?
    public var quadrant: Quadrant?
    public var byAttribute: [Breakdown<PairedGap>]
    public var byWave: [Group<PairedGap>]
    public var byPersona: [Group<PairedGap>]
    /// Mean perception per wave, for monitoring and action effects.
    public var perceptionByWave: [Group<Descriptives>] = []

    public init(
        dimension: Dimension, expectation: Descriptives, perception: Descriptives, importance: Descriptives?, gap: PairedGap,
        weight: Double?, x: Double?, y: Double?, quadrant: Quadrant?, byAttribute: [Breakdown<PairedGap>],
        byWave: [Group<PairedGap>], byPersona: [Group<PairedGap>]
    ) {
        self.dimension = dimension
        self.expectation = expectation
        self.perception = perception
        self.importance = importance
        self.gap = gap
        self.weight = weight
        self.x = x
        self.y = y
        self.quadrant = quadrant
        self.byAttribute = byAttribute
        self.byWave = byWave
        self.byPersona = byPersona
    }
}

/// A plain rating item: descriptives overall and by breakdown.
public struct RatingItem: Sendable, Hashable {
    public var id: String
    public var column: String
    public var survey: String
    public var scale: RatingScale
    public var overall: Descriptives
    public var by: [Breakdown<Descriptives>]
    public var byWave: [Group<Descriptives>]

    public init(id: String, column: String, survey: String, scale: RatingScale, overall: Descriptives, by: [Breakdown<Descriptives>], byWave: [Group<Descriptives>]) {
        self.id = id
        self.column = column
        self.survey = survey
        self.scale = scale
        self.overall = overall
        self.by = by
        self.byWave = byWave
    }
}

/// A metric overall, by breakdown, by persona and by wave.
public struct SegmentedResult<Value: Sendable & Hashable>: Sendable, Hashable {
    public var overall: Value
    public var by: [Breakdown<Value>]
    public var byPersona: [Group<Value>]
    public var byWave: [Group<Value>]

    public init(overall: Value, by: [Breakdown<Value>], byPersona: [Group<Value>], byWave: [Group<Value>]) {
        self.overall = overall
        self.by = by
        self.byPersona = byPersona
        self.byWave = byWave
    }
}

/// A competitor rated on a dimension by the same respondents who rated us.
public struct CompetitorComparison: Sendable, Hashable {
    public var competitor: String
    public var dimension: String
    /// Our perception, among respondents who rated the competitor.
    public var ours: Descriptives
    public var theirs: Descriptives
    /// Paired ours − theirs; positive means we are rated higher.
    public var difference: PairedGap

    public init(competitor: String, dimension: String, ours: Descriptives, theirs: Descriptives, difference: PairedGap) {
        self.competitor = competitor
        self.dimension = dimension
        self.ours = ours
        self.theirs = theirs
        self.difference = difference
    }
}

/// Missing answers of one mapped column.
public struct MissingRate: Sendable, Hashable {
    public var file: String
    public var column: String
    public var empty: Int
    public var total: Int
    public var rate: Double? { total == 0 ? nil : Double(empty) / Double(total) }

    public init(file: String, column: String, empty: Int, total: Int) {
        self.file = file
        self.column = column
        self.empty = empty
        self.total = total
    }
}

public struct QualityReport: Sendable, Hashable {
    public var findings: [QualityFinding]
    public var missing: [MissingRate]
    public var straightLiners: Int
    public var speeders: Int
    /// Flag kinds removed from the statistics (`quality.exclude`).
    public var excluded: [QualityConfig.Exclusion]
    public var excludedRespondents: Int

    public init(findings: [QualityFinding], missing: [MissingRate], straightLiners: Int, speeders: Int, excluded: [QualityConfig.Exclusion], excludedRespondents: Int) {
        self.findings = findings
        self.missing = missing
        self.straightLiners = straightLiners
        self.speeders = speeders
        self.excluded = excluded
        self.excludedRespondents = excludedRespondents
    }
}

/// A KPI as a proportion: its share overall, by breakdown, persona and wave (weighted when the
/// figures are), each with a Wilson interval.
public struct KPIResult: Sendable, Hashable {
    public var id: String
    public var label: String
    public var share: SegmentedResult<ShareResult>
    public init(id: String, label: String, share: SegmentedResult<ShareResult>) {
        self.id = id
        self.label = label
        self.share = share
    }
}

/// Everything computed from the surveys (SPEC §4.1–4.8, 4.13).
public struct SurveyResults: Sendable {
    /// Respondents in the statistics (after exclusions) and in the files.
    public var respondents: Int
    public var respondentsInFiles: Int
    public var waves: [String]
    public var ratings: [RatingItem]
    public var dimensions: [DimensionResult]
    public var overallGap: (unweighted: Double?, weighted: Double?)
    public var weightSource: WeightSource
    /// Mean of the dimension points of the IPA chart.
    public var crosshair: (x: Double?, y: Double?)
    public var overallByWave: [Group<Double?>]
    public var nps: SegmentedResult<NPSResult>?
    public var csat: SegmentedResult<ShareResult>?
    public var csatScale: SurveyConfig.CSAT?
    public var kano: [KanoResult]
    public var competitors: [CompetitorComparison]
    public var quality: QualityReport
    /// Respondent weights and how the sample compares with the population; nil when unweighted.
    public var weighting: WeightingReport?
    /// The KPIs the surveys map, in the order first mapped.
    public var kpis: [KPIResult] = []
    /// Metrics across waves on control charts and against `targets:`; nil without waves to compare.
    public var monitoring: MonitoringResults?
    /// Whether the site has a monitoring page: metrics to follow across waves, or KPIs.
    public var hasMonitoring: Bool { monitoring != nil || !kpis.isEmpty }
    /// The target-segment ranking; nil without `targeting:` in canvass.yml.
    public var targeting: TargetingResults?

    public init(
        respondents: Int, respondentsInFiles: Int, waves: [String], ratings: [RatingItem], dimensions: [DimensionResult],
        overallGap: (unweighted: Double?, weighted: Double?), weightSource: WeightSource, crosshair: (x: Double?, y: Double?),
        overallByWave: [Group<Double?>], nps: SegmentedResult<NPSResult>?, csat: SegmentedResult<ShareResult>?,
        csatScale: SurveyConfig.CSAT?, kano: [KanoResult], competitors: [CompetitorComparison], quality: QualityReport
    ) {
        self.respondents = respondents
        self.respondentsInFiles = respondentsInFiles
        self.waves = waves
        self.ratings = ratings
        self.dimensions = dimensions
        self.overallGap = overallGap
        self.weightSource = weightSource
        self.crosshair = crosshair
        self.overallByWave = overallByWave
        self.nps = nps
        self.csat = csat
        self.csatScale = csatScale
        self.kano = kano
        self.competitors = competitors
        self.quality = quality
    }

    public func dimension(id: String) -> DimensionResult? {
        dimensions.first { $0.dimension.id == id }
    }
}
