/// A service-records file and its column mapping (SPEC §2 `records`).
public struct RecordsConfig: Sendable, Equatable {
    /// As a survey's `file` (`SurveyConfig.file`).
    public var file: String
    /// The table or query the records come from, when read from a database.
    public var database: DatabaseTable?
    public var priority: String?
    public var opened: String?
    public var responded: String?
    public var resolved: String?
    public var dimension: String?
    public var location: SourceLocation?

    public init(file: String) {
        self.file = file
    }
}
