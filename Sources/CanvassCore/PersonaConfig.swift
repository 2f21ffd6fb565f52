/// How respondents are grouped into personas (SPEC §2 `personas`, §4.9).
public struct PersonaConfig: Sendable, Equatable {
    public enum Method: String, Sendable, CaseIterable {
        case kPrototypes = "k-prototypes"
        case rules
    }

    public enum K: Sendable, Equatable {
        case auto
        case fixed(Int)
    }

    /// A rules segment: respondents whose attributes satisfy every condition.
    public struct Segment: Sendable, Equatable {
        public enum Condition: Sendable, Equatable {
            case oneOf([String])
            /// A numeric comparison such as `<40` or `>=65`.
            case compare(op: String, value: Double)
        }
        public var id: String
        public var label: String?
        public var conditions: [(attribute: String, condition: Condition)]
        public var location: SourceLocation?

        public init(id: String, label: String? = nil, conditions: [(attribute: String, condition: Condition)], location: SourceLocation? = nil) {
            self.id = id
            self.label = label
            self.conditions = conditions
            self.location = location
        }

        public static func == (lhs: Segment, rhs: Segment) -> Bool {
            lhs.id == rhs.id && lhs.label == rhs.label && lhs.location == rhs.location
                && lhs.conditions.map(\.attribute) == rhs.conditions.map(\.attribute)
                && lhs.conditions.map(\.condition) == rhs.conditions.map(\.condition)
        }
    }

    public var method: Method = .kPrototypes
    public var attributes: [String] = []
    public var k: K = .auto
    public var seed: UInt64 = 42
    public var segments: [Segment] = []

    public init() {}
}
