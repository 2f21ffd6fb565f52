import CanvassCore
import Foundation

/// Reads a service-records CSV (SPEC §3.3) with its mapping: timestamps that do not parse,
/// responses before the opening and priorities without a commitment become findings.
struct RecordsLoader {
    let config: RecordsConfig
    let file: SourceFile
    let commitments: [Commitment]
    let configFile: SourceFile?

    /// Reads the records from the CSV text of `file`.
    func load() -> (ServiceRecords?, [Diagnostic]) {
        let (table, csvDiagnostics) = CSVReader(file: file).read()
        guard let table else { return (nil, csvDiagnostics) }
        let (records, diagnostics) = load(table)
        return (records, csvDiagnostics + diagnostics)
    }

    /// Reads the records from `table`, read from `file` (CSV, or rows of a database numbered as lines).
    func load(_ table: CSVReader.Table) -> (ServiceRecords?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let mapped: [(key: String, column: String?)] = [
            ("priority", config.priority), ("opened", config.opened), ("responded", config.responded),
            ("resolved", config.resolved), ("dimension", config.dimension),
        ]
        var positions: [String: Int] = [:]
        for (index, name) in table.header.enumerated() { positions[name] = index }
        for entry in mapped {
            guard let column = entry.column, positions[column] == nil else { continue }
            let message = "\(config.database?.describe(in: file.path) ?? file.path) has no column `\(column)` (mapped by `records.\(entry.key)`)"
            let hint = Suggestion.didYouMean(column, in: table.header) ?? "its columns are: \(table.header.joined(separator: ", "))"
            if let location = config.location {
                diagnostics.append(.error(message, at: location, hint: hint, sourceLine: configFile?.line(location.line)))
            } else {
                diagnostics.append(.error(message, hint: hint))
            }
        }
        if config.opened == nil {
            diagnostics.append(.error("records `\(config.file)` needs `opened`: the column with each record's opening time", at: config.location))
        }
        guard !diagnostics.hasErrors else { return (nil, diagnostics) }

        let priorities = Set(commitments.map(\.priority))
        var records: [ServiceRecord] = []
        var findings: [QualityFinding] = []
        for (index, record) in table.records.enumerated() {
            func cell(_ column: String?) -> String? {
                guard let column, let position = positions[column] else { return nil }
                let value = record.fields[position].trimmingSpaces()
                return value.isEmpty ? nil : value
            }
            func finding(_ kind: QualityFinding.Kind, _ column: String?, _ value: String?, _ message: String) {
                findings.append(QualityFinding(kind: kind, file: file.path, row: index + 1, line: record.line, column: column,
                                               value: value, respondent: nil, message: message))
            }
            func time(_ column: String?) -> Double? {
                guard let text = cell(column) else { return nil }
                guard let value = Timestamp.parse(text) else {
                    finding(.invalidTimestamp, column, text, "`\(text)` is not an ISO 8601 timestamp such as 2026-09-12T08:12:00+02:00")
                    return nil
                }
                return value
            }
            let opened = time(config.opened)
            var responded = time(config.responded)
            var resolved = time(config.resolved)
            if let opened, let r = responded, r < opened {
                finding(.responseBeforeOpening, config.responded, cell(config.responded), "first response is before the opening time")
                responded = nil
            }
            if let opened, let r = resolved, r < opened {
                finding(.responseBeforeOpening, config.resolved, cell(config.resolved), "resolution is before the opening time")
                resolved = nil
            }
            var priority = cell(config.priority)
            if let value = priority, !priorities.isEmpty, !priorities.contains(value) {
                finding(.unknownPriority, config.priority, value,
                        "priority `\(value)` has no commitment (known: \(commitments.map(\.priority).joined(separator: ", ")))")
                priority = nil
            }
            let month = opened != nil ? cell(config.opened).map { String($0.prefix(7)) } : nil
            records.append(ServiceRecord(
                row: index + 1, line: record.line, priority: priority, opened: opened, responded: responded,
                resolved: resolved, dimension: cell(config.dimension), month: month))
        }
        return (ServiceRecords(config: config, path: file.path, records: records, findings: findings), diagnostics)
    }
}
