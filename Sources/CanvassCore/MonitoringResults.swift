/// Each monitored metric across the survey waves against its target, with 3-sigma control
/// limits (a p-chart for shares, an X̄-chart for means), and the alerts they raise.
public struct MonitoringResults: Sendable, Hashable {
    public var metrics: [MonitoredMetric]
    public init(metrics: [MonitoredMetric]) {
        self.metrics = metrics
    }

    /// Every metric's alerts, in metric order.
    public var alerts: [(metric: Metric, alert: MonitoredMetric.Alert)] {
        metrics.flatMap { m in m.alerts.map { (m.metric, $0) } }
    }
}

public struct MonitoredMetric: Sendable, Hashable {
    /// One wave: its figure, interval and control limits.
    public struct Point: Sendable, Hashable {
        public var wave: String
        public var n: Int
        /// Kish's effective n (n itself without weights).
        public var effectiveN: Double
        /// The wave's figure (percent for shares); nil with no answers.
        public var value: Double?
        public var ci95: Interval?
        /// The 3-sigma control limits for a wave of this size; nil without a centre line.
        public var limits: Interval?
        public var targetMet: Bool?
        public init(wave: String, n: Int, effectiveN: Double, value: Double?, ci95: Interval?) {
            self.wave = wave
            self.n = n
            self.effectiveN = effectiveN
            self.value = value
            self.ci95 = ci95
        }

        /// Outside its control limits: a change bigger than chance would make.
        public var outside: Bool {
            guard let value, let limits else { return false }
            return value < limits.lower || value > limits.upper
        }
    }

    public enum Alert: Sendable, Hashable {
        /// A wave's figure lies outside its control limits (above or below).
        case outsideLimits(wave: String, above: Bool)
        /// The target was missed in the two latest waves with answers.
        case targetMissed(waves: [String])

        public var kind: String {
            switch self {
            case .outsideLimits: return "outside-limits"
            case .targetMissed: return "target-missed"
            }
        }
    }

    public var metric: Metric
    public var target: Double?
    /// The centre line: the pooled figure over the waves with answers.
    public var centre: Double?
    /// For an X̄-chart, the pooled within-wave standard deviation; nil for a p-chart.
    public var sigma: Double?
    public var points: [Point]
    public var alerts: [Alert]

    public init(metric: Metric, target: Double?, centre: Double?, sigma: Double?, points: [Point], alerts: [Alert]) {
        self.metric = metric
        self.target = target
        self.centre = centre
        self.sigma = sigma
        self.points = points
        self.alerts = alerts
    }

    /// Whether the latest wave with a figure meets the target; nil without either.
    public var onTrack: Bool? {
        points.last { $0.value != nil }?.targetMet
    }
}
