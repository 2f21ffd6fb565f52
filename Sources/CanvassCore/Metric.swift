/// A figure that can be given a target: written `nps`, `csat`, `kpi.<id>`, `gap.<dimension>` or
/// `perception.<dimension>` (survey figures, monitored across waves) in canvass.yml and action
/// files, or `service.<priority>` / `service.all` (the share of service records answered within
/// commitment) in action files. Shares are in percent, like NPS; for every metric higher is better.
public enum Metric: Sendable, Hashable {
    case nps
    case csat
    case kpi(String)
    case gap(String)
    case perception(String)
    /// The share of service records of a priority (`all`: every priority) answered within its commitment.
    case service(String)

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
            case "service": self = .service(name)
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
        case .service(let priority): return "service." + priority
        }
    }

    /// Shares are monitored with a p-chart; means (gaps, perceptions, NPS as a mean of −100/0/100) with an X̄-chart.
    public var isShare: Bool {
        switch self {
        case .csat, .kpi, .service: return true
        case .nps, .gap, .perception: return false
        }
    }

    /// The written forms that exist, for hints.
    public static let forms = ["nps", "csat", "kpi.<id>", "gap.<dimension>", "perception.<dimension>", "service.<priority>"]

    /// Whether the figure comes from the surveys (and can be monitored wave by wave).
    public var isSurveyFigure: Bool {
        if case .service = self { return false }
        return true
    }
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
