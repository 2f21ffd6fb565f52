/// The rows a query gave, every value as the text a CSV cell would hold: integers and reals in
/// their shortest exact decimal form, text as stored, NULL as nil.
public struct QueryResult: Sendable, Equatable {
    public var columns: [String]
    public var rows: [[String?]]

    public init(columns: [String], rows: [[String?]]) {
        self.columns = columns
        self.rows = rows
    }
}

/// Why a database could not give its rows, in words for the researcher: the engine's own message
/// with what Canvass was doing.
public struct DatabaseError: Error, Sendable, Equatable {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    /// A query stopped because it ran past `timeout` seconds.
    static func timedOut(after timeout: Double) -> DatabaseError {
        let seconds = timeout == timeout.rounded() ? "\(Int(timeout)) s" : "\(timeout) s"
        return DatabaseError("the query took longer than \(seconds) and was stopped")
    }
}

/// SQL text Canvass writes itself. Values never go into it: they are bound. Names (of tables and
/// columns, from canvass.yml) are quoted, so no name can end the statement or add to it.
public enum SQLText {
    /// `name` as a quoted SQL identifier: `"name"`, with every `"` inside doubled. A dotted name
    /// (`schema.table`) is quoted part by part.
    public static func identifier(_ name: String) -> String {
        name.split(separator: ".", omittingEmptySubsequences: false)
            .map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
            .joined(separator: ".")
    }

    /// Every row and column of `table`.
    public static func selectAll(from table: String) -> String {
        "SELECT * FROM " + identifier(table)
    }
}
