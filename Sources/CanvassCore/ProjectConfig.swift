/// `canvass.yml`, typed. Every key of SPEC §2 is here, even those later stages consume,
/// so a misspelt key is caught when the config loads rather than silently ignored.
public struct ProjectConfig: Sendable, Equatable {
    public var title: String
    public var language: Language = .english
    public var baseURL: String = "/"
    public var scale: RatingScale = RatingScale(min: 1, max: 7)
    public var dimensions: [Dimension] = []
    public var surveys: [SurveyConfig] = []
    public var breakdowns: [String] = []
    public var personas: PersonaConfig?
    public var commitments: [Commitment] = []
    public var records: [RecordsConfig] = []
    public var profile: Profile = .internal
    public var markdown = MarkdownConfig()
    public var quality = QualityConfig()
    /// Population margins the sample is raked to; nil when figures are not weighted this way.
    public var weighting: WeightingConfig?
    /// Targets per metric for monitoring (`targets:`), in the order written.
    public var targets: [MetricTarget] = []
    /// The day improvement actions are judged overdue on; nil: the study's latest date.
    public var asOf: CalendarDate?
    /// What makes a persona or segment a target; nil when no ranking is wanted.
    public var targeting: TargetingConfig?
    /// What readers see for survey names, in the site's language: an attribute (`plan`), one of
    /// its values (`plan.basic`) or a rating question's column (`q_ease`).
    public var labels: [String: String] = [:]

    public init(title: String) {
        self.title = title
    }

    public func dimension(id: String) -> Dimension? {
        dimensions.first { $0.id == id }
    }

    /// The label of an attribute, or the attribute's name with `_` read as a space.
    public func label(attribute: String) -> String {
        labels[attribute] ?? attribute.replacingOccurrences(of: "_", with: " ")
    }

    /// The label of an attribute's value, or the value as the data has it.
    public func label(attribute: String, value: String) -> String {
        labels[attribute + "." + value] ?? value
    }

    /// The label of a rating question, or its column name.
    public func label(question column: String) -> String {
        labels[column] ?? column
    }

    /// Whether a survey or records entry reads a database server, whose tables can change while
    /// no file of the project does.
    public var readsServer: Bool {
        surveys.contains { $0.database?.postgres != nil } || records.contains { $0.database?.postgres != nil }
    }
}

public enum Language: String, Sendable, CaseIterable {
    case english = "en"
    case chinese = "zh-Hans"
}

public enum Profile: String, Sendable, CaseIterable {
    case `internal`
    case `public`
}

public struct RatingScale: Sendable, Hashable {
    public var min: Int
    public var max: Int
    public init(min: Int, max: Int) {
        self.min = min
        self.max = max
    }
}

/// A dimension of the customer-needs model: what customers expect and perceive.
public struct Dimension: Sendable, Hashable {
    public var id: String
    public var label: String
    /// Relative weight; normalised to sum 1 when the overall gap is weighted.
    public var weight: Double?
    public init(id: String, label: String, weight: Double? = nil) {
        self.id = id
        self.label = label
        self.weight = weight
    }
}

public struct MarkdownConfig: Sendable, Equatable {
    /// Keep raw HTML from notes and pages. Off by default: content is not trusted.
    public var unsafe = false
    public init() {}
}

public struct QualityConfig: Sendable, Equatable {
    public enum Exclusion: String, Sendable, CaseIterable {
        case straightLiners = "straight-liners"
        case speeders
    }
    public var exclude: [Exclusion] = []
    public init() {}
}

/// A committed first-response time for a priority, e.g. `P1: 4h`.
public struct Commitment: Sendable, Equatable {
    public var priority: String
    public var seconds: Int
    public var text: String
    public init(priority: String, seconds: Int, text: String) {
        self.priority = priority
        self.seconds = seconds
        self.text = text
    }

    /// Parses `Nm`, `Nh` or `Nd` into seconds.
    public static func seconds(from text: String) -> Int? {
        guard let unit = text.last, let value = Int(text.dropLast()), value > 0 else { return nil }
        switch unit {
        case "m": return value * 60
        case "h": return value * 3600
        case "d": return value * 86400
        default: return nil
        }
    }
}
