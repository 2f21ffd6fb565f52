/// A survey figure that can be monitored across waves and given a target: written `nps`, `csat`,
/// `kpi.<id>`, `gap.<dimension>` or `perception.<dimension>` in canvass.yml and action files.
/// Shares (CSAT, KPIs) are in percent, like NPS; for every metric higher is better.
public enum Metric: Sendable, Hashable {
    case nps
    case csat
    case kpi(String)
    case gap(String)
    case perception(String)

    /// Parses the written form; nil for anything else.
    public init?(_ text: String) {
        switch text {
        case "nps": self = .nps
        case "csat": self = .csat
        default:
            guard let dot = text.firstIndex(of: "."), dot != text.startIndex, text.index(after: dot) != text.endIndex else { return nil }
            let name = String(text[text.index(after: dot)...])
            switch text[..<dot] {
            case "kpi": self = .kpi(name)
            case "gap": self = .gap(name)
            case "perception": self = .perception(name)
            default: return nil
            }
        }
    }

    /// The written form.
    public var id: String {
        switch self {
        case .nps: return "nps"
        case .csat: return "csat"
        case .kpi(let id): return "kpi." + id
        case .gap(let id): return "gap." + id
        case .perception(let id): return "perception." + id
        }
    }

    /// Shares are monitored with a p-chart; means (gaps, perceptions, NPS as a mean of −100/0/100) with an X̄-chart.
    public var isShare: Bool {
        switch self {
        case .csat, .kpi: return true
        case .nps, .gap, .perception: return false
        }
    }

    /// The written forms that exist, for hints.
    public static let forms = ["nps", "csat", "kpi.<id>", "gap.<dimension>", "perception.<dimension>"]
}

/// A target for a metric from `targets:` in canvass.yml: met when the metric is at least `value`.
public struct MetricTarget: Sendable, Equatable {
    public var metric: Metric
    public var value: Double
    public var location: SourceLocation?
    public init(metric: Metric, value: Double, location: SourceLocation? = nil) {
        self.metric = metric
        self.value = value
        self.location = location
    }
}
