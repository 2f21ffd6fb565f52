import CanvassCore

/// Segments turned into personas: ordered by size, with traits and stable ids.
struct PersonaSegments: Sendable {
    let segmentation: Segmentation
    /// Labels from largest segment to smallest (ties by label).
    let order: [Int]
    /// Persona id by label.
    let ids: [Int: String]
    let traits: [Int: [PersonaTrait]]
    let sizes: [Int: Int]
    /// Each respondent's persona, first row of an id winning, in row order; and the same by id.
    let assignments: [(respondent: String, persona: String)]
    let personaOfRespondent: [String: String]

    static let traitRatio = 1.25
    static let traitShare = 0.30
    static let numericDistinction = 0.5

    init(segmentation: Segmentation, pool: RespondentPool, attributes: [String]) {
        self.segmentation = segmentation
        var sizes: [Int: Int] = [:]
        for label in segmentation.labels where label >= 0 { sizes[label, default: 0] += 1 }
        self.sizes = sizes
        order = sizes.keys.sorted { (sizes[$0]!, -$0) > (sizes[$1]!, -$1) }
        var traits: [Int: [PersonaTrait]] = [:]
        let values = Values(pool: pool, attributes: attributes)
        let overall = Self.overall(values, attributes: attributes)
        for label in order {
            let members = pool.rows.indices.filter { segmentation.labels[$0] == label }
            traits[label] = Self.traits(members: members, values: values, attributes: attributes, overall: overall)
        }
        self.traits = traits
        var ids: [Int: String] = [:]
        var used = Set<String>()
        for (position, label) in order.enumerated() {
            var id = segmentation.ruleIDs?[label] ?? Self.id(from: traits[label] ?? [], fallback: "persona-\(position + 1)")
            if used.contains(id) { id += "-\(position + 1)" }
            used.insert(id)
            ids[label] = id
        }
        self.ids = ids
        var assignments: [(respondent: String, persona: String)] = []
        var personaOf: [String: String] = [:]
        for (index, row) in pool.rows.enumerated() {
            let id = pool.surveys[row.survey].ids[row.row]
            guard personaOf[id] == nil, let persona = Self.personaID(row: index, labels: segmentation.labels, ids: ids) else { continue }
            personaOf[id] = persona
            assignments.append((id, persona))
        }
        self.assignments = assignments
        personaOfRespondent = personaOf
    }

    /// What every segment is compared with, per attribute: all respondents' values.
    enum Overall {
        case numeric(median: Double, sd: Double)
        case category(counts: [String: Int], total: Int)
    }

    /// Every pool row's value of each persona attribute, by attribute, in row order: read once
    /// for the overall figures and every segment's.
    struct Values {
        var numbers: [String: [Double?]] = [:]
        var texts: [String: [String?]] = [:]

        init(pool: RespondentPool, attributes: [String]) {
            for attribute in attributes {
                if pool.isNumeric(attribute) {
                    numbers[attribute] = pool.numbers(attribute)
                } else {
                    texts[attribute] = pool.texts(attribute)
                }
            }
        }

        /// The values `rows` have in `column`, missing ones left out.
        static func present<Value>(_ column: [Value?]?, _ rows: [Int]) -> [Value] {
            guard let column else { return [] }
            return rows.compactMap { column[$0] }
        }
    }

    /// The overall side of each attribute's comparison, worked out once for all segments.
    static func overall(_ values: Values, attributes: [String]) -> [String: Overall] {
        var result: [String: Overall] = [:]
        for attribute in attributes {
            if let column = values.numbers[attribute] {
                let all = column.compactMap { $0 }
                guard let median = Estimators.quantile(all, 0.5) else { continue }
                let mean = all.reduce(0, +) / Double(all.count)
                let sd = (all.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(all.count)).squareRoot()
                result[attribute] = .numeric(median: median, sd: sd)
            } else if let column = values.texts[attribute] {
                let all = column.compactMap { $0 }
                guard !all.isEmpty else { continue }
                var counts: [String: Int] = [:]
                for value in all { counts[value, default: 0] += 1 }
                result[attribute] = .category(counts: counts, total: all.count)
            }
        }
        return result
    }

    /// Distinguishing traits of a group of rows against all rows (SPEC §4.9), strongest first,
    /// then the numeric comparisons that do not distinguish.
    static func traits(members: [Int], values: Values, attributes: [String], overall: [String: Overall]) -> [PersonaTrait] {
        var distinguishing: [PersonaTrait] = []
        var others: [PersonaTrait] = []
        for attribute in attributes {
            switch overall[attribute] {
            case .numeric(let overallMedian, let sd)?:
                let mine = Values.present(values.numbers[attribute], members)
                guard let median = Estimators.quantile(mine, 0.5) else { continue }
                let trait = PersonaTrait(attribute: attribute, kind: .numeric(
                    median: median, overallMedian: overallMedian, distinguishing: sd > 0 && abs(median - overallMedian) >= numericDistinction * sd))
                if trait.strength > 0 { distinguishing.append(trait) } else { others.append(trait) }
            case .category(let overallCounts, let total)?:
                let mine = Values.present(values.texts[attribute], members)
                guard !mine.isEmpty else { continue }
                var counts: [String: Int] = [:]
                for value in mine { counts[value, default: 0] += 1 }
                for value in counts.keys.sorted() {
                    let share = Double(counts[value]!) / Double(mine.count)
                    let overall = Double(overallCounts[value]!) / Double(total)
                    if share >= traitShare && share / overall >= traitRatio {
                        distinguishing.append(PersonaTrait(attribute: attribute, kind: .category(value: value, share: share, overallShare: overall)))
                    }
                }
            case nil:
                continue
            }
        }
        distinguishing.sort { ($0.strength, $1.attribute) > ($1.strength, $0.attribute) }
        return distinguishing + others
    }

    /// `plan-basic-clinic-size-small` from the two strongest traits.
    static func id(from traits: [PersonaTrait], fallback: String) -> String {
        let parts = traits.filter { $0.strength > 0 }.prefix(2).map { trait -> String in
            switch trait.kind {
            case .category(let value, _, _): return "\(trait.attribute) \(value)"
            case .numeric(let median, let overall, _): return "\(trait.attribute) \(median > overall ? "high" : "low")"
            }
        }
        let slug = Slug.make(parts.joined(separator: " "))
        return slug.isEmpty ? fallback : slug
    }

    /// Persona id of pool row `index`, or nil when unplaced.
    private static func personaID(row index: Int, labels: [Int], ids: [Int: String]) -> String? {
        let label = labels[index]
        return label >= 0 ? ids[label] : nil
    }
}
