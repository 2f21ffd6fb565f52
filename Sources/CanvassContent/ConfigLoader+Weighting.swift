import CanvassCore

extension ConfigLoader {
    /// `weighting: {margins: {attribute: {value: share}}, trim: {min, max}, flag}`: margins are
    /// shares of category attributes that sum to 1 per attribute; what the sample cannot meet (a
    /// value nobody in it has) is found when the survey is read.
    func readWeighting(_ node: YAMLNode, surveys: [SurveyConfig]) -> WeightingConfig? {
        guard let fields = reader.fields(node, "`weighting`", allowed: ["margins", "trim", "flag"]) else { return nil }
        var weighting = WeightingConfig()
        weighting.location = reader.location(of: node)
        let kinds = Dictionary(surveys.flatMap(\.attributes).map { ($0.name, $0.kind) }, uniquingKeysWith: { first, _ in first })
        if let mapped = surveys.first(where: { $0.weight != nil }) {
            reader.error("`weighting` rakes to margins, but survey `\(mapped.file)` maps a `weight` column", at: node,
                         hint: "use one: remove `weight:` from the survey or `weighting:` from canvass.yml")
        }
        guard let marginsNode = fields["margins"], let entries = reader.mapping(marginsNode, "`weighting.margins`") else {
            reader.error("`weighting` needs `margins`: the population's share of each value of an attribute", at: node,
                         hint: "e.g. margins: {plan: {basic: 0.40, pro: 0.35, enterprise: 0.25}}")
            return nil
        }
        for entry in entries {
            if !surveys.isEmpty, kinds[entry.key] == nil {
                reader.error("`weighting.margins` names attribute `\(entry.key)`, which no survey maps under `attributes`", at: entry.keyNode,
                             hint: Suggestion.didYouMean(entry.key, in: Array(kinds.keys)) ?? "add it to a survey's `attributes`")
                continue
            }
            if kinds[entry.key] == .numeric {
                reader.error("`weighting.margins` needs a category attribute, and `\(entry.key)` is numeric", at: entry.keyNode,
                             hint: "map a banded column (e.g. age_band: category) and give its margins")
                continue
            }
            guard let values = reader.mapping(entry.value, "the margins of `\(entry.key)`") else { continue }
            var shares: [WeightingConfig.Margin.Share] = []
            for value in values {
                guard let share = reader.number(value.value, "the share of `\(entry.key)` `\(value.key)`") else { continue }
                guard share > 0, share <= 1 else {
                    reader.error("the share of `\(entry.key)` `\(value.key)` must be above 0 and at most 1, not \(value.value.scalar?.string ?? "")",
                                 at: value.value, hint: "shares are proportions: 0.25 for a quarter; leave out a value the population lacks")
                    continue
                }
                shares.append(.init(value: value.key, share: share, location: reader.location(of: value.keyNode)))
            }
            guard shares.count == values.count else { continue }
            let total = shares.reduce(0) { $0 + $1.share }
            if abs(total - 1) > 0.001 {
                reader.error("the margins of `\(entry.key)` sum to \(NumberText.plain(total)), not 1", at: entry.keyNode,
                             hint: "each attribute's shares must add up to 1 (within 0.001); check for a missing or mistyped value")
                continue
            }
            weighting.margins.append(.init(attribute: entry.key, shares: shares, location: reader.location(of: entry.keyNode)))
        }
        if let trimNode = fields["trim"], let trim = reader.fields(trimNode, "`weighting.trim`", allowed: ["min", "max"]) {
            let low = trim.number("min") ?? 0, high = trim.number("max") ?? .infinity
            if low < 0 || low >= 1 || high <= 1 {
                reader.error("`weighting.trim` needs 0 ≤ min < 1 < max (multiples of the mean weight)", at: trimNode,
                             hint: "e.g. trim: {min: 0.3, max: 3}")
            } else {
                weighting.trim = (low, high)
            }
        }
        if let flagNode = fields["flag"], let flag = reader.number(flagNode, "`weighting.flag`") {
            if flag > 0, flag < 1 { weighting.flag = flag } else {
                reader.error("`weighting.flag` is a proportion between 0 and 1, not \(flagNode.scalar?.string ?? "")", at: flagNode,
                             hint: "0.05 flags a sample share five points from the population's")
            }
        }
        return weighting
    }
}

/// Numbers as a user wrote them, for messages: no trailing zeros.
enum NumberText {
    static func plain(_ value: Double) -> String {
        let rounded = (value * 1_000_000).rounded() / 1_000_000
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
