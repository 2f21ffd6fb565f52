import CPostgres
import Foundation

/// The one place that talks to PostgreSQL (and any engine speaking its protocol, such as Citus)
/// through libpq: a connection per query, parameters bound in the protocol (never pasted into the
/// SQL), the statement stopped by the server after its timeout, and every result copied into
/// Swift values and cleared before returning.
public enum PostgresDatabase {
    /// Every row of `sql` on the server `connection` names (a libpq connection string or URI),
    /// with `values` bound to `$1`, `$2`… as text. `timeout` seconds bound both connecting and the
    /// statement itself.
    public static func query(connection: String, _ sql: String, binding values: [String] = [], timeout: Double) throws(DatabaseError) -> QueryResult {
        let connection = try connect(connection, timeout: timeout)
        defer { PQfinish(connection) }
        // The server stops the statement itself: `statement_timeout` in milliseconds, set by a bound value.
        _ = try execute(connection, "SELECT set_config('statement_timeout', $1, false)", [String(max(1, Int((timeout * 1000).rounded())))], timeout: timeout)
        return try execute(connection, sql, values, timeout: timeout)
    }

    private static func connect(_ text: String, timeout: Double) throws(DatabaseError) -> OpaquePointer {
        // `connect_timeout` (whole seconds, at least 2 as libpq requires) unless the string sets it.
        let keys = ["connect_timeout", "client_encoding"]
        let values = [String(max(2, Int(timeout.rounded(.up)))), "UTF8"]
        var keywords = (keys + ["dbname"]).map { strdup($0) } + [nil]
        var settings = (values + [text]).map { strdup($0) } + [nil]
        defer { (keywords + settings).forEach { free($0) } }
        // `expand_dbname`: the last value, a connection string or URI, is read for its own settings,
        // which win over the defaults before it.
        let connection = keywords.withUnsafeMutableBufferPointer { keywordBuffer in
            settings.withUnsafeMutableBufferPointer { valueBuffer in
                keywordBuffer.withMemoryRebound(to: UnsafePointer<CChar>?.self) { k in
                    valueBuffer.withMemoryRebound(to: UnsafePointer<CChar>?.self) { v in
                        PQconnectdbParams(k.baseAddress, v.baseAddress, 1)
                    }
                }
            }
        }
        guard let connection else { throw DatabaseError("cannot connect: out of memory") }
        guard PQstatus(connection) == CONNECTION_OK else {
            // libpq may quote a malformed connection string back; it can hold a password.
            let message = Self.message(PQerrorMessage(connection)).replacingOccurrences(of: text, with: "…")
            PQfinish(connection)
            throw DatabaseError("cannot connect to the PostgreSQL server: " + message)
        }
        return connection
    }

    private static func execute(_ connection: OpaquePointer, _ sql: String, _ values: [String], timeout: Double) throws(DatabaseError) -> QueryResult {
        var copies = values.map { strdup($0) }
        defer { copies.forEach { free($0) } }
        let result = copies.withUnsafeMutableBufferPointer { buffer in
            buffer.withMemoryRebound(to: UnsafePointer<CChar>?.self) { parameters in
                PQexecParams(connection, sql, Int32(values.count), nil, parameters.baseAddress, nil, nil, 0)
            }
        }
        defer { PQclear(result) }
        guard let result else { throw DatabaseError(message(PQerrorMessage(connection))) }
        switch PQresultStatus(result) {
        case PGRES_TUPLES_OK, PGRES_COMMAND_OK:
            break
        default:
            // 57014: query_canceled, which is what `statement_timeout` ends a statement with.
            if let state = PQresultErrorField(result, Int32(UInt8(ascii: "C"))), String(cString: state) == "57014" {
                throw DatabaseError.timedOut(after: timeout)
            }
            throw DatabaseError(message(PQresultErrorMessage(result)))
        }
        let rows = Int(PQntuples(result)), fields = Int(PQnfields(result))
        let columns = (0..<fields).map { String(cString: PQfname(result, Int32($0))) }
        var table: [[String?]] = []
        table.reserveCapacity(rows)
        for row in 0..<Int32(rows) {
            table.append((0..<Int32(fields)).map { field in
                guard PQgetisnull(result, row, field) == 0 else { return nil }
                let length = Int(PQgetlength(result, row, field))
                return PQgetvalue(result, row, field).withMemoryRebound(to: UInt8.self, capacity: length) {
                    String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
                }
            })
        }
        return QueryResult(columns: columns, rows: table)
    }

    /// libpq's message without its `ERROR:` prefix and trailing line break.
    private static func message(_ text: UnsafePointer<CChar>?) -> String {
        var message = text.map { String(cString: $0) } ?? "unknown error"
        if message.hasPrefix("ERROR:  ") { message.removeFirst("ERROR:  ".count) }
        return message.split(separator: "\n").first.map(String.init) ?? message
    }
}
