/// A narrative report page from `content/pages/**/*.md` (SPEC §3.5).
public struct ReportPage: Sendable {
    /// Path under `content/pages` without `.md`, e.g. `findings/summary`; also its address.
    public var id: String
    public var title: String
    /// Position in the navigation; pages without one come after, by title.
    public var order: Int?
    public var summary: String?
    public var draft: Bool
    public var file: String
    public var body: MarkdownNode
    /// The analysis blocks of the page, by where their fenced block starts.
    public var blocks: [SourcePoint: BlockInvocation]

    public init(id: String, title: String, order: Int?, summary: String?, draft: Bool, file: String, body: MarkdownNode, blocks: [SourcePoint: BlockInvocation]) {
        self.id = id
        self.title = title
        self.order = order
        self.summary = summary
        self.draft = draft
        self.file = file
        self.body = body
        self.blocks = blocks
    }
}

/// One ```{name} block: its options as written, and where each stands.
public struct BlockInvocation: Sendable, Hashable {
    public enum Value: Sendable, Hashable {
        case text(String)
        case list([String])

        public var text: String? {
            if case .text(let value) = self { return value }
            return nil
        }

        /// A list, or a single value as a list of one.
        public var list: [String] {
            switch self {
            case .text(let value): return [value]
            case .list(let values): return values
            }
        }
    }

    public var name: String
    public var options: [String: Value]
    /// Where the block and each option are written, for diagnostics about their values.
    public var location: SourceLocation
    public var optionLocations: [String: SourceLocation]

    public init(name: String, options: [String: Value], location: SourceLocation, optionLocations: [String: SourceLocation]) {
        self.name = name
        self.options = options
        self.location = location
        self.optionLocations = optionLocations
    }

    public func text(_ key: String) -> String? { options[key]?.text }
    public func list(_ key: String) -> [String]? { options[key]?.list }
}

/// The built-in blocks and the options each takes.
public enum BlockCatalog {
    public static let blocks: [String: [String]] = [
        "metric": ["value", "label"],
        "nps": ["by"],
        "gap-chart": ["dimensions", "persona"],
        "gap-table": ["dimensions", "persona", "by"],
        "ipa-chart": [],
        "trend-chart": ["dimensions"],
        "competitor-chart": ["competitor", "dimensions"],
        "persona-card": ["persona"],
        "persona-grid": ["limit"],
        "quotes": ["theme", "persona", "dimension", "need", "limit"],
        "theme-chart": ["limit", "dimension"],
        "kano-table": [],
        "service-levels": ["by"],
        "needs-table": ["limit", "priority"],
        "target-segments": ["of", "limit"],
        "monitoring": ["metric"],
        "actions": ["action", "status"],
    ]

    /// Values `metric` can show.
    public static let metrics = ["respondents", "nps", "csat", "weighted-gap", "unweighted-gap", "notes", "excerpts", "participants", "themes", "within-commitment"]
}
