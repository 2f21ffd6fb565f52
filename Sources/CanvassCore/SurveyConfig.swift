/// One survey file and how its columns map onto the analysis (SPEC §2 `surveys`).
public struct SurveyConfig: Sendable, Equatable {
    public enum Wave: Sendable, Equatable {
        case fixed(String)
        case column(String)
    }

    public enum AttributeKind: String, Sendable, CaseIterable {
        case numeric, category
    }

    public struct Pair: Sendable, Equatable {
        public var dimension: String
        public var expectation: String
        public var perception: String
        public var importance: String?
        public init(dimension: String, expectation: String, perception: String, importance: String? = nil) {
            self.dimension = dimension
            self.expectation = expectation
            self.perception = perception
            self.importance = importance
        }
    }

    /// A KPI as a proportion (issue: close the loop): the share of answers that say yes, or that
    /// fall in the top points of a rating scale (top-2-box).
    public struct KPI: Sendable, Equatable {
        public enum Rule: Sendable, Equatable {
            /// A text column: an answer counts when it is one of these (case and spaces ignored).
            case yes([String])
            /// A rating column: an answer counts when it is in the top `top` points of `scale`.
            case topBox(scale: RatingScale, top: Int)
        }

        public var id: String
        public var label: String
        public var column: String
        public var rule: Rule
        public init(id: String, label: String, column: String, rule: Rule) {
            self.id = id
            self.label = label
            self.column = column
            self.rule = rule
        }
    }

    public struct CSAT: Sendable, Equatable {
        public var column: String
        public var scale: RatingScale
        public var top: Int
        public init(column: String, scale: RatingScale, top: Int) {
            self.column = column
            self.scale = scale
            self.top = top
        }
    }

    public struct Attribute: Sendable, Equatable {
        public var name: String
        public var kind: AttributeKind
        public init(name: String, kind: AttributeKind) {
            self.name = name
            self.kind = kind
        }
    }

    public struct Competitor: Sendable, Equatable {
        public var name: String
        /// Dimension id → column with the competitor's perception rating.
        public var columns: [String: String]
        public init(name: String, columns: [String: String]) {
            self.name = name
            self.columns = columns
        }
    }

    public struct KanoFeature: Sendable, Equatable {
        public var id: String
        public var functional: String
        public var dysfunctional: String
        public init(id: String, functional: String, dysfunctional: String) {
            self.id = id
            self.functional = functional
            self.dysfunctional = dysfunctional
        }
    }

    /// Path relative to `content/`: a CSV file, or an SQLite database when `database` reads it;
    /// for a PostgreSQL survey, `$` and the name of its environment variable.
    public var file: String
    /// The table or query the rows come from, for a survey read from a database.
    public var database: DatabaseTable?
    public var idColumn: String
    public var wave: Wave?
    public var scale: RatingScale?
    public var pairs: [Pair] = []
    public var ratings: [String] = []
    public var nps: String?
    public var csat: CSAT?
    public var attributes: [Attribute] = []
    public var text: [String] = []
    public var duration: String?
    /// A column of respondent weights (non-negative), used instead of raking.
    public var weight: String?
    public var competitors: [Competitor] = []
    public var kano: [KanoFeature] = []
    public var kpis: [KPI] = []
    /// Where the entry stands in `canvass.yml`, for diagnostics about its columns.
    public var location: SourceLocation?

    public init(file: String, idColumn: String) {
        self.file = file
        self.idColumn = idColumn
    }
}
