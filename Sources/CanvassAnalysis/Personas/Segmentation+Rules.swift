import CanvassCore

extension Segmentation {
    /// `method: rules`: each respondent joins the first segment whose conditions all hold.
    /// Unknown attributes or values are errors; respondents matching no segment or several are warnings.
    static func rules(pool: RespondentPool, config: PersonaConfig, knownAttributes: [String]) -> Segmentation {
        var diagnostics: [Diagnostic] = []
        for segment in config.segments {
            for (attribute, condition) in segment.conditions {
                guard knownAttributes.contains(attribute) else {
                    diagnostics.append(.error(
                        "segment `\(segment.id)` names attribute `\(attribute)`, which no survey maps", at: segment.location,
                        hint: Suggestion.didYouMean(attribute, in: knownAttributes) ?? "known attributes: \(knownAttributes.joined(separator: ", "))"))
                    continue
                }
                switch condition {
                case .oneOf(let values) where !pool.isNumeric(attribute):
                    let observed = Set(pool.rows.compactMap { pool.text(attribute, $0) })
                    for value in values where !observed.contains(value) {
                        diagnostics.append(.error(
                            "segment `\(segment.id)` names `\(attribute)` value `\(value)`, which no respondent has", at: segment.location,
                            hint: Suggestion.didYouMean(value, in: observed) ?? "values in the data: \(observed.sorted().joined(separator: ", "))"))
                    }
                case .compare where !pool.isNumeric(attribute):
                    diagnostics.append(.error(
                        "segment `\(segment.id)` compares `\(attribute)` with a number, but it is a category", at: segment.location,
                        hint: "list its values instead, e.g. \(attribute): [a, b]"))
                default:
                    break
                }
            }
        }
        // Rules that name what does not exist would put everyone in the wrong place: stop here.
        if diagnostics.hasErrors {
            return Segmentation(labels: pool.rows.map { _ in -1 }, k: 0, silhouette: nil, ruleIDs: [], place: { _ in nil }, diagnostics: diagnostics)
        }
        @Sendable func matches(_ segment: PersonaConfig.Segment, value: (String) -> (number: Double?, text: String?)) -> Bool {
            segment.conditions.allSatisfy { attribute, condition in
                let (number, text) = value(attribute)
                switch condition {
                case .oneOf(let values):
                    if let text { return values.contains(text) }
                    if let number { return values.compactMap(Double.init).contains(number) }
                    return false
                case .compare(let op, let bound):
                    guard let number else { return false }
                    switch op {
                    case "<": return number < bound
                    case "<=": return number <= bound
                    case ">": return number > bound
                    default: return number >= bound
                    }
                }
            }
        }
        var labels: [Int] = []
        var unmatched: [String] = [], multiple: [String] = []
        for row in pool.rows {
            let hits = config.segments.indices.filter { index in
                matches(config.segments[index]) { (pool.number($0, row), pool.text($0, row)) }
            }
            labels.append(hits.first ?? -1)
            let id = pool.surveys[row.survey].ids[row.row]
            if hits.isEmpty { unmatched.append(id) } else if hits.count > 1 { multiple.append(id) }
        }
        let location = config.segments.first?.location
        if !unmatched.isEmpty {
            diagnostics.append(.warning(
                "\(unmatched.count) respondent\(unmatched.count == 1 ? " matches" : "s match") no segment: \(list(unmatched))", at: location,
                hint: "add a segment that catches them, or loosen a rule; they are left out of the personas"))
        }
        if !multiple.isEmpty {
            diagnostics.append(.warning(
                "\(multiple.count) respondent\(multiple.count == 1 ? " matches" : "s match") several segments and join the first: \(list(multiple))",
                at: location, hint: "make the rules exclusive, or order them from most to least specific"))
        }
        let segments = config.segments
        return Segmentation(
            labels: labels, k: segments.count, silhouette: nil, ruleIDs: segments.map(\.id),
            place: { attributes in
                segments.firstIndex { matches($0) { (attributes[$0].flatMap(Double.init), attributes[$0]) } }
            },
            diagnostics: diagnostics)
    }

    private static func list(_ ids: [String]) -> String {
        ids.prefix(5).joined(separator: ", ") + (ids.count > 5 ? ", …" : "")
    }
}
