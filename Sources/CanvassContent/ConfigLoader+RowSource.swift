import CanvassCore

/// Where the rows of a survey or records entry come from: a CSV `file` under `content/`, or a
/// table or query (`table`, `query`, `timeout`) of an SQLite `file` or of the PostgreSQL database
/// whose connection string the environment variable `postgres` names.
extension ConfigLoader {
    static let rowSourceKeys = ["file", "postgres", "table", "query", "timeout"]

    /// The entry's `file` (for PostgreSQL, `$` and the variable's name, as messages name it) and its
    /// database table, if any; nil when the entry cannot say where its rows are, which drops it:
    /// reading it would only add errors that follow from this one.
    func readRowSource(_ fields: Fields, _ node: YAMLNode, what: String, example: String) -> (file: String, database: DatabaseTable?)? {
        let postgres = fields.string("postgres")
        if postgres != nil, let node = fields["file"] {
            reader.error("\(what) reads a `file` or a `postgres` database, not both", at: node)
            return nil
        }
        guard let file = postgres.map({ "$" + $0 }) ?? fields.string("file") else {
            reader.error("\(what) needs a `file`", at: node, hint: "e.g. file: \(example)")
            return nil
        }
        if postgres == nil { checkContentPath(file, at: fields["file"] ?? node) }
        let table = fields["table"].flatMap { reader.string($0, "`table`") }
        let query = fields["query"].flatMap { reader.string($0, "`query`") }
        if table != nil, query != nil, let node = fields["query"] {
            reader.error("\(what) takes `table` or `query`, not both", at: node)
        }
        var database = (table.map(DatabaseTable.Rows.table) ?? query.map(DatabaseTable.Rows.query)).map { DatabaseTable(rows: $0) }
        if database != nil, postgres == nil, file.lowercased().hasSuffix(".csv"), let node = fields["table"] ?? fields["query"] {
            reader.error("`\(file)` is a CSV file; `table` and `query` read an SQLite database", at: node,
                         hint: "drop `table`/`query` to read the CSV, or name the database file, e.g. file: data/survey.sqlite")
            database = nil
        }
        if let postgres, let node = fields["postgres"] {
            guard !postgres.isEmpty, postgres.allSatisfy({ $0 == "_" || ($0.isASCII && ($0.isLetter || $0.isNumber)) }) else {
                reader.error("`postgres` names the environment variable that holds the connection string; `\(postgres)` is not such a name", at: node,
                             hint: "e.g. postgres: CANVASS_SURVEY_DB, with CANVASS_SURVEY_DB=postgresql://reader@db.example.com/research set where canvass runs")
                return nil
            }
            guard database != nil else {
                reader.error("\(what) read from PostgreSQL needs `table` or `query`", at: node, hint: "e.g. table: responses")
                return nil
            }
            database?.postgres = postgres
        }
        if let node = fields["timeout"] {
            if database == nil { reader.error("`timeout` is for rows read from a database (`table` or `query`)", at: node) }
            if let text = reader.string(node, "`timeout`"), let seconds = Double(text), seconds > 0, seconds.isFinite {
                database?.timeout = seconds
            } else {
                reader.error("`timeout` must be a number of seconds above 0", at: node, hint: "e.g. timeout: 30")
            }
        }
        return (file, database)
    }
}
