import CanvassCore
import CanvassSupport
import Foundation

/// Reads one survey CSV with its column mapping (SPEC §3.2): checks that every mapped column
/// exists, that ids are unique, and turns invalid ratings into findings rather than values.
struct SurveyLoader {
    let survey: SurveyConfig
    let file: SourceFile
    let defaultScale: RatingScale
    let configFile: SourceFile?

    /// What kind of value a mapped column holds, and so how its cells are checked.
    enum ColumnRule {
        case rating(RatingScale)
        case number
        case nonNegative
        case text
    }

    /// Every mapped column with the key that maps it (for diagnostics) and its rule, in order.
    func mappedColumns() -> [(column: String, key: String, rule: ColumnRule)] {
        let scale = survey.scale ?? defaultScale
        var columns: [(String, String, ColumnRule)] = [(survey.idColumn, "id", .text)]
        if case .column(let wave) = survey.wave { columns.append((wave, "waveColumn", .text)) }
        for pair in survey.pairs {
            columns.append((pair.expectation, "pairs.\(pair.dimension).expectation", .rating(scale)))
            columns.append((pair.perception, "pairs.\(pair.dimension).perception", .rating(scale)))
            if let importance = pair.importance { columns.append((importance, "pairs.\(pair.dimension).importance", .rating(scale))) }
        }
        for rating in survey.ratings { columns.append((rating, "ratings", .rating(scale))) }
        if let nps = survey.nps { columns.append((nps, "nps", .rating(RatingScale(min: 0, max: 10)))) }
        if let csat = survey.csat { columns.append((csat.column, "csat.column", .rating(csat.scale))) }
        for attribute in survey.attributes {
            columns.append((attribute.name, "attributes.\(attribute.name)", attribute.kind == .numeric ? .number : .text))
        }
        for text in survey.text { columns.append((text, "text", .text)) }
        if let duration = survey.duration { columns.append((duration, "duration", .nonNegative)) }
        if let weight = survey.weight { columns.append((weight, "weight", .nonNegative)) }
        for competitor in survey.competitors {
            for (dimension, column) in competitor.columns.sorted(by: { $0.key < $1.key }) {
                columns.append((column, "competitors.\(competitor.name).\(dimension)", .rating(scale)))
            }
        }
        for feature in survey.kano {
            columns.append((feature.functional, "kano.\(feature.id).functional", .rating(RatingScale(min: 1, max: 5))))
            columns.append((feature.dysfunctional, "kano.\(feature.id).dysfunctional", .rating(RatingScale(min: 1, max: 5))))
        }
        for kpi in survey.kpis {
            switch kpi.rule {
            case .yes: columns.append((kpi.column, "kpis.\(kpi.id).column", .text))
            case .topBox(let scale, _): columns.append((kpi.column, "kpis.\(kpi.id).column", .rating(scale)))
            }
        }
        // A column mapped twice (e.g. an attribute that is also a rating) is read once, by its first rule.
        var seen = Set<String>()
        return columns.filter { seen.insert($0.0).inserted }
    }

    /// Reads the survey from the CSV text of `file`.
    func load() -> (SurveyData?, [Diagnostic]) {
        let (table, csvDiagnostics) = CSVReader(file: file).read()
        guard let table else { return (nil, csvDiagnostics) }
        let (data, diagnostics) = load(table, digest: ContentDigest.of(file.text))
        return (data, csvDiagnostics + diagnostics)
    }

    /// Reads the survey from `table`, read from `file` (CSV, or rows of a database numbered as
    /// lines); `digest` stands for its content ("" when unknown: never the same as another's).
    func load(_ table: CSVReader.Table, digest: String) -> (SurveyData?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let columns = mappedColumns()
        var positions: [String: Int] = [:]
        for (index, name) in table.header.enumerated() { positions[name] = index }
        for mapped in columns where positions[mapped.column] == nil {
            diagnostics.append(configDiagnostic(
                "\(source) has no column `\(mapped.column)` (mapped by `\(mapped.key)`)",
                hint: Suggestion.didYouMean(mapped.column, in: table.header) ?? "its columns are: \(table.header.joined(separator: ", "))"))
        }
        guard !diagnostics.hasErrors else { return (nil, diagnostics) }

        let idIndex = positions[survey.idColumn]!
        var firstLine: [String: Int] = [:]
        var ids: [String] = []
        for record in table.records {
            let id = record.fields[idIndex].trimmingSpaces()
            if id.isEmpty {
                diagnostics.append(file.diagnostic(.error, "row has no respondent id in column `\(survey.idColumn)`", line: record.line, column: record.columns[idIndex]))
            } else if let first = firstLine[id] {
                diagnostics.append(file.diagnostic(
                    .error, "respondent id `\(id)` is used twice (first on line \(first))",
                    line: record.line, column: record.columns[idIndex], hint: "every row needs its own id"))
            } else {
                firstLine[id] = record.line
            }
            ids.append(id)
        }
        guard !diagnostics.hasErrors else { return (nil, diagnostics) }

        // Columns are independent: each is read on whichever core is free, and the results are
        // put together in the configuration's order, findings included.
        let (records, columnIndex, respondents) = (table.records, positions, ids)
        let parsed = ParallelMap.map(columns) { mapped -> (numeric: [Double?], textual: [String?], empty: Int, findings: [QualityFinding]) in
            let index = columnIndex[mapped.column]!
            var numeric: [Double?] = []
            var textual: [String?] = []
            var emptyCount = 0
            var findings: [QualityFinding] = []
            // Rows are read through a buffer pointer: iterating the array retained each row's
            // fields, and both cores retaining the same rows made that a fifth of the load.
            records.withUnsafeBufferPointer { rows in
                for row in rows.indices {
                    let cell = rows[row].fields[index].trimmingSpaces()
                    if cell.isEmpty { emptyCount += 1 }
                    var problem: (kind: QualityFinding.Kind, message: String)?
                    switch mapped.rule {
                    case .text:
                        textual.append(cell.isEmpty ? nil : cell)
                    case .rating, .number, .nonNegative:
                        guard !cell.isEmpty else { numeric.append(nil); continue }
                        guard let value = Double(cell), value.isFinite else {
                            problem = (.nonNumeric, "`\(cell)` is not a number")
                            numeric.append(nil)
                            break
                        }
                        switch mapped.rule {
                        case .rating(let scale) where value < Double(scale.min) || value > Double(scale.max) || value != value.rounded():
                            problem = (.outOfRange, "`\(cell)` is not a point of the \(scale.min)–\(scale.max) scale")
                            numeric.append(nil)
                        case .nonNegative where value < 0:
                            problem = (.outOfRange, "`\(cell)` is negative")
                            numeric.append(nil)
                        default:
                            numeric.append(value)
                        }
                    }
                    if let problem {
                        findings.append(QualityFinding(
                            kind: problem.kind, file: file.path, row: row + 1, line: rows[row].line, column: mapped.column,
                            value: cell, respondent: respondents[row], message: problem.message))
                    }
                }
            }
            return (numeric, textual, emptyCount, findings)
        }
        var numbers: [String: [Double?]] = [:]
        var texts: [String: [String?]] = [:]
        var empty: [String: Int] = [:]
        var findings: [QualityFinding] = []
        for (mapped, column) in zip(columns, parsed) {
            empty[mapped.column] = column.empty
            if case .text = mapped.rule { texts[mapped.column] = column.textual } else { numbers[mapped.column] = column.numeric }
            findings += column.findings
        }
        let waves: [String?]
        switch survey.wave {
        case .fixed(let wave)?: waves = Array(repeating: wave, count: ids.count)
        case .column(let column)?: waves = texts[column] ?? []
        case nil: waves = Array(repeating: nil, count: ids.count)
        }
        var data = SurveyData(
            config: survey, path: file.path, ids: ids, lines: table.records.map(\.line), waves: waves, numbers: numbers,
            texts: texts, emptyCounts: empty, mappedColumns: columns.map(\.column), findings: findings)
        data.digest = digest
        return (data, diagnostics)
    }

    /// What the columns are read from, as messages name it.
    private var source: String {
        survey.database?.describe(in: file.path) ?? file.path
    }

    /// A diagnostic about the survey's mapping, placed at its entry in canvass.yml.
    private func configDiagnostic(_ message: String, hint: String?) -> Diagnostic {
        guard let location = survey.location else { return .error(message, hint: hint) }
        return .error(message, at: location, hint: hint, sourceLine: configFile?.line(location.line))
    }
}
