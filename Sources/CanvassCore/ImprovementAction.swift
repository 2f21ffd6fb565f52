/// An improvement action from `content/actions/*.md`: what the team decided to fix, who owns
/// it, when, what it addresses and the figures it should move.
public struct ImprovementAction: Sendable {
    public enum Status: String, Sendable, CaseIterable {
        case planned
        case inProgress = "in-progress"
        case done
        case dropped
    }

    /// What an action addresses, written `need:<id>`, `theme:<id>` or `dimension:<id>`.
    public struct Addressed: Sendable, Hashable {
        public enum Kind: String, Sendable, CaseIterable { case need, theme, dimension }
        public var kind: Kind
        public var id: String
        public var location: SourceLocation?
        public init(kind: Kind, id: String, location: SourceLocation? = nil) {
            self.kind = kind
            self.id = id
            self.location = location
        }
    }

    /// Whose figure a target is about: everyone, one persona, or the respondents with one value
    /// of an attribute (a breakdown group, e.g. `plan: basic`).
    public enum Segment: Sendable, Hashable {
        case persona(String)
        case group(attribute: String, value: String)
    }

    /// A figure the action should move, and the level it should reach (met when at least `value`).
    public struct Target: Sendable, Hashable {
        public var metric: Metric
        public var value: Double
        public var segment: Segment?
        public var location: SourceLocation?
        public init(metric: Metric, value: Double, segment: Segment? = nil, location: SourceLocation? = nil) {
            self.metric = metric
            self.value = value
            self.segment = segment
            self.location = location
        }
    }

    public var id: String
    public var title: String
    public var owner: String?
    public var status: Status
    public var start: CalendarDate?
    public var due: CalendarDate?
    public var addresses: [Addressed]
    public var targets: [Target]
    public var body: MarkdownNode
    public var file: String

    public init(
        id: String, title: String, owner: String?, status: Status, start: CalendarDate?, due: CalendarDate?,
        addresses: [Addressed], targets: [Target], body: MarkdownNode, file: String
    ) {
        self.id = id
        self.title = title
        self.owner = owner
        self.status = status
        self.start = start
        self.due = due
        self.addresses = addresses
        self.targets = targets
        self.body = body
        self.file = file
    }
}
