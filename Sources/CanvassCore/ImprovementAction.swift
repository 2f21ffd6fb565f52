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

/// The calendar days a survey wave's label names: `2026-Q2`, `2026-H1`, `2026-05`, `2026-05-14`
/// or `2026`. Waves named otherwise have no dates, and an action cannot be placed before or
/// after them.
public struct WavePeriod: Sendable, Hashable {
    public var start: CalendarDate
    public var end: CalendarDate

    public init?(label: String) {
        let parts = label.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard let first = parts.first, first.count == 4, let year = Int(first), first.allSatisfy(\.isASCII) else { return nil }
        func day(_ month: Int, _ day: Int) -> CalendarDate? {
            CalendarDate("\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)")
        }
        func lastDay(_ month: Int) -> CalendarDate? {
            (28...31).reversed().lazy.compactMap { day(month, $0) }.first
        }
        var range: (CalendarDate?, CalendarDate?)
        switch parts.count {
        case 1: range = (day(1, 1), day(12, 31))
        case 2:
            let second = parts[1]
            if second.count == 2, second.first == "Q", let q = Int(second.dropFirst()), (1...4).contains(q) {
                range = (day(3 * q - 2, 1), lastDay(3 * q))
            } else if second.count == 2, second.first == "H", let h = Int(second.dropFirst()), (1...2).contains(h) {
                range = (day(6 * h - 5, 1), lastDay(6 * h))
            } else if second.count == 2, let month = Int(second), (1...12).contains(month) {
                range = (day(month, 1), lastDay(month))
            } else {
                return nil
            }
        case 3:
            guard let date = CalendarDate(label) else { return nil }
            range = (date, date)
        default: return nil
        }
        guard let start = range.0, let end = range.1 else { return nil }
        self.start = start
        self.end = end
    }
}
