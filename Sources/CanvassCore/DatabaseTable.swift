/// Rows a survey or records entry reads from a database instead of a CSV file: a table, or a query
/// of the user's own, of an SQLite file (the entry's `file`) or of a PostgreSQL database, whose
/// connection string an environment variable holds (never the repository).
public struct DatabaseTable: Sendable, Equatable {
    public enum Rows: Sendable, Equatable {
        case table(String)
        case query(String)
    }

    public var rows: Rows
    /// The environment variable holding the connection string; nil for the SQLite `file`.
    public var postgres: String?
    /// Seconds a query may run before it is stopped.
    public var timeout: Double = 30

    public init(rows: Rows, postgres: String? = nil) {
        self.rows = rows
        self.postgres = postgres
    }

    /// How messages name the rows of the database `source` names (`file`, or `$VARIABLE`).
    public func describe(in source: String) -> String {
        switch rows {
        case .table(let name): return "table `\(name)` of \(source)"
        case .query: return "the query of \(source)"
        }
    }
}
