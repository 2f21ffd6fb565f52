/// A data-quality finding (SPEC §4.7): a value excluded or a respondent flagged, with its place.
public struct QualityFinding: Sendable, Hashable {
    public enum Kind: String, Sendable, CaseIterable {
        case outOfRange = "out-of-range"
        case nonNumeric = "non-numeric"
        case straightLiner = "straight-liner"
        case speeder
        case invalidTimestamp = "invalid-timestamp"
        case responseBeforeOpening = "response-before-opening"
        case unknownPriority = "unknown-priority"
    }

    public var kind: Kind
    /// Project-relative path of the CSV.
    public var file: String
    /// Data row, counting from 1 after the header.
    public var row: Int
    /// File line on which the row starts (differs from row + 1 when quoted fields span lines).
    public var line: Int
    /// Column name; nil for findings about a whole respondent.
    public var column: String?
    public var value: String?
    public var respondent: String?
    public var message: String

    public init(kind: Kind, file: String, row: Int, line: Int, column: String?, value: String?, respondent: String?, message: String) {
        self.kind = kind
        self.file = file
        self.row = row
        self.line = line
        self.column = column
        self.value = value
        self.respondent = respondent
        self.message = message
    }
}

/// One survey's responses, by column: valid numbers where a column is numeric, text otherwise.
///
/// Invalid ratings are already excluded (and reported as findings); empty cells are missing.
public struct SurveyData: Sendable {
    public var config: SurveyConfig
    /// Project-relative path, e.g. `content/surveys/2026-q3.csv`.
    public var path: String
    public var ids: [String]
    /// File line of each row.
    public var lines: [Int]
    /// Wave of each row, when the survey has waves.
    public var waves: [String?]
    /// Valid numeric values of every numeric mapped column.
    public var numbers: [String: [Double?]]
    /// Trimmed, non-empty text of every category attribute and free-text column.
    public var texts: [String: [String?]]
    /// Empty cells per mapped column.
    public var emptyCounts: [String: Int]
    /// Every mapped column, in mapping order.
    public var mappedColumns: [String]
    public var findings: [QualityFinding]
    /// Digest of the file's text, so an unchanged survey is recognised without comparing rows.
    public var digest = ""

    public init(
        config: SurveyConfig, path: String, ids: [String], lines: [Int], waves: [String?], numbers: [String: [Double?]],
        texts: [String: [String?]], emptyCounts: [String: Int], mappedColumns: [String], findings: [QualityFinding]
    ) {
        self.config = config
        self.path = path
        self.ids = ids
        self.lines = lines
        self.waves = waves
        self.numbers = numbers
        self.texts = texts
        self.emptyCounts = emptyCounts
        self.mappedColumns = mappedColumns
        self.findings = findings
    }

    public var count: Int { ids.count }

    /// The rating scale of this survey's pairs and plain ratings.
    public func scale(default fallback: RatingScale) -> RatingScale {
        config.scale ?? fallback
    }
}
