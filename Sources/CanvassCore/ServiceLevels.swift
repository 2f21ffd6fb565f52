/// Service levels for one group of records — a priority, a dimension or a month (SPEC §4.11).
public struct ServiceLevel: Sendable, Hashable {
    public var label: String
    /// Committed first-response time in seconds; nil for groups that mix priorities.
    public var committed: Double?
    public var records: Int
    /// Records with a valid first response.
    public var responded: Int
    public var responseMedian: Double?
    public var responseP90: Double?
    public var resolutionMedian: Double?
    public var resolutionP90: Double?
    /// Responses within their priority's commitment, ×100 with a Wilson interval.
    public var within: ShareResult

    public init(
        label: String, committed: Double?, records: Int, responded: Int, responseMedian: Double?, responseP90: Double?,
        resolutionMedian: Double?, resolutionP90: Double?, within: ShareResult
    ) {
        self.label = label
        self.committed = committed
        self.records = records
        self.responded = responded
        self.responseMedian = responseMedian
        self.responseP90 = responseP90
        self.resolutionMedian = resolutionMedian
        self.resolutionP90 = resolutionP90
        self.within = within
    }
}

/// A record that missed its commitment, for the list behind the figures.
public struct ServiceBreach: Sendable, Hashable {
    public var file: String
    public var line: Int
    public var priority: String
    public var dimension: String?
    public var response: Double
    public var committed: Double

    public init(file: String, line: Int, priority: String, dimension: String?, response: Double, committed: Double) {
        self.file = file
        self.line = line
        self.priority = priority
        self.dimension = dimension
        self.response = response
        self.committed = committed
    }
}

public struct ServiceResults: Sendable {
    public var byPriority: [ServiceLevel]
    public var byDimension: [ServiceLevel]
    /// Present when the records span more than one month.
    public var byMonth: [ServiceLevel]
    public var overall: ServiceLevel
    public var breaches: [ServiceBreach]
    public var findings: [QualityFinding]

    public init(byPriority: [ServiceLevel], byDimension: [ServiceLevel], byMonth: [ServiceLevel], overall: ServiceLevel, breaches: [ServiceBreach], findings: [QualityFinding]) {
        self.byPriority = byPriority
        self.byDimension = byDimension
        self.byMonth = byMonth
        self.overall = overall
        self.breaches = breaches
        self.findings = findings
    }
}
