import CanvassCore

/// Every respondent of every survey, addressed by (survey, row), with the lookups the analysis
/// needs: a column's value, a respondent's wave, and the group a respondent falls in for an
/// attribute (numeric attributes in quartile bands).
struct RespondentPool {
    struct Row: Hashable {
        var survey: Int
        var row: Int
    }

    let surveys: [SurveyData]
    /// Rows in the statistics, in file order.
    let rows: [Row]
    /// Band of each row for numeric attributes, by attribute name.
    private var numericBands: [String: [Row: String]] = [:]
    private var bandOrder: [String: [String]] = [:]
    /// `rowsByGroup(of:)` and `rowsByWave()` worked out once by `preparePartitions(for:)`: every
    /// statistic is broken down the same ways, and each breakdown looked up every row's group.
    private var groupPartitions: [String: [(group: String, rows: [Row])]] = [:]
    private var wavePartition: [(wave: String, rows: [Row])]?
    /// Each survey row's weight (mean 1 over the pool) when the figures are weighted; nil otherwise.
    var weights: [[Double]]?

    init(surveys: [SurveyData], excluding excluded: Set<Row>) {
        self.surveys = surveys
        var rows: [Row] = []
        for (s, survey) in surveys.enumerated() {
            for r in 0..<survey.count where !excluded.contains(Row(survey: s, row: r)) {
                rows.append(Row(survey: s, row: r))
            }
        }
        self.rows = rows
    }

    /// The row's weight: 1 when the figures are not weighted.
    func weight(_ row: Row) -> Double {
        weights?[row.survey][row.row] ?? 1
    }

    func number(_ column: String, _ row: Row) -> Double? {
        surveys[row.survey].numbers[column]?[row.row] ?? nil
    }

    /// Each survey's numbers in the column `name` gives for it; nil where it names none or the
    /// survey has no such column. For passes over many rows, which then read
    /// `columns[row.survey]?[row.row]` rather than looking the column up by name for every row.
    func numberColumns(_ name: (Int) -> String?) -> [[Double?]?] {
        surveys.indices.map { survey in name(survey).flatMap { surveys[survey].numbers[$0] } }
    }

    /// Every row's number in the column `name` gives for its survey, in row order (nil where
    /// there is none): for passes over all rows, which would otherwise look the column up by
    /// name for each.
    func numbers(_ name: (Int) -> String?) -> [Double?] {
        let columns = numberColumns(name)
        return rows.map { columns[$0.survey]?[$0.row] ?? nil }
    }

    /// Every row's number in `column`, in row order.
    func numbers(_ column: String) -> [Double?] {
        numbers { _ in column }
    }

    /// Every row's text in `column`, in row order (as `numbers(_:)`).
    func texts(_ column: String) -> [String?] {
        let columns = surveys.map { $0.texts[column] }
        return rows.map { columns[$0.survey]?[$0.row] ?? nil }
    }

    func text(_ column: String, _ row: Row) -> String? {
        surveys[row.survey].texts[column]?[row.row] ?? nil
    }

    func wave(_ row: Row) -> String? {
        surveys[row.survey].waves.isEmpty ? nil : surveys[row.survey].waves[row.row]
    }

    /// Waves present, in label order.
    var waves: [String] {
        Array(Set(rows.compactMap(wave))).sorted()
    }

    func isNumeric(_ attribute: String) -> Bool {
        surveys.contains { $0.config.attributes.contains { $0.name == attribute && $0.kind == .numeric } }
    }

    // MARK: - Attribute groups

    /// Prepares quartile bands for the numeric attributes among `attributes`.
    mutating func prepareBands(for attributes: [String]) {
        for attribute in attributes where isNumeric(attribute) {
            let values = rows.compactMap { row in number(attribute, row).map { (row, $0) } }
            let sorted = values.map(\.1).sorted()
            guard !sorted.isEmpty else { continue }
            let cuts = [0.25, 0.5, 0.75].compactMap { Estimators.quantile(sorted, $0) }
            // Band index: how many cut points lie strictly below the value.
            var members: [Int: [Double]] = [:]
            var bandOf: [Row: Int] = [:]
            for (row, value) in values {
                let band = cuts.filter { value > $0 }.count
                members[band, default: []].append(value)
                bandOf[row] = band
            }
            var labels: [Int: String] = [:]
            for (band, list) in members {
                let low = list.min()!, high = list.max()!
                labels[band] = low == high ? Self.format(low) : "\(Self.format(low))–\(Self.format(high))"
            }
            numericBands[attribute] = bandOf.mapValues { labels[$0]! }
            bandOrder[attribute] = members.keys.sorted().map { labels[$0]! }
        }
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }

    /// The group a row falls in for an attribute: its category, or its numeric band.
    func group(_ attribute: String, _ row: Row) -> String? {
        if let bands = numericBands[attribute] { return bands[row] }
        return text(attribute, row)
    }

    /// The attribute's groups in display order: bands low to high, categories alphabetically.
    func groups(of attribute: String) -> [String] {
        if let order = bandOrder[attribute] { return order }
        return Array(Set(rows.compactMap { text(attribute, $0) })).sorted()
    }

    /// The rows of each group of `attribute` (`groups(of:)` order), each in pool order; rows
    /// without a value are in none.
    func rowsByGroup(of attribute: String) -> [(group: String, rows: [Row])] {
        if let known = groupPartitions[attribute] { return known }
        return partition(groups(of: attribute)) { group(attribute, $0) }
    }

    /// The rows of each wave (`waves` order), each in pool order.
    func rowsByWave() -> [(wave: String, rows: [Row])] {
        if let known = wavePartition { return known }
        return partition(waves) { wave($0) }.map { (wave: $0.group, rows: $0.rows) }
    }

    /// Works out the rows of each group of `attributes` (after `prepareBands`) and of each wave once.
    mutating func preparePartitions(for attributes: [String]) {
        for attribute in attributes { groupPartitions[attribute] = rowsByGroup(of: attribute) }
        wavePartition = rowsByWave()
    }

    /// Rows sorted into `groups` by `key` in one pass, in pool order within each.
    private func partition(_ groups: [String], key: (Row) -> String?) -> [(group: String, rows: [Row])] {
        let position = Dictionary(groups.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var lists = [[Row]](repeating: [], count: groups.count)
        for row in rows {
            if let group = key(row), let index = position[group] { lists[index].append(row) }
        }
        return zip(groups, lists).map { (group: $0, rows: $1) }
    }
}
