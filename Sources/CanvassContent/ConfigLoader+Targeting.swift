import CanvassCore

extension ConfigLoader {
    /// `targeting: {value, reach, growth, segments, weights}`: the numeric attributes measuring
    /// value, reach and growth, the attributes whose values are candidate segments (default: the
    /// breakdowns) and the criteria's relative weights.
    func readTargeting(_ node: YAMLNode, surveys: [SurveyConfig], breakdowns: [String], hasPersonas: Bool) -> TargetingConfig? {
        typealias Criterion = TargetingConfig.Criterion
        guard let fields = reader.fields(node, "`targeting`", allowed: ["value", "reach", "growth", "segments", "weights"]) else { return nil }
        var targeting = TargetingConfig()
        targeting.location = reader.location(of: node)
        if surveys.isEmpty {
            reader.error("`targeting` ranks personas and segments by survey figures, but no survey is configured", at: node,
                         hint: "add a survey under `surveys`, or remove `targeting`")
            return nil
        }
        let kinds = Dictionary(surveys.flatMap(\.attributes).map { ($0.name, $0.kind) }, uniquingKeysWith: { first, _ in first })
        func numericAttribute(_ key: Criterion) -> String? {
            guard let valueNode = fields[key.rawValue], let name = reader.string(valueNode, "`targeting.\(key.rawValue)`") else { return nil }
            guard let kind = kinds[name] else {
                reader.error("`targeting.\(key.rawValue)` names attribute `\(name)`, which no survey maps under `attributes`", at: valueNode,
                             hint: Suggestion.didYouMean(name, in: Array(kinds.keys)) ?? "add it to a survey's `attributes` as numeric")
                return nil
            }
            guard kind == .numeric else {
                reader.error("`targeting.\(key.rawValue)` needs a numeric attribute, and `\(name)` is a category", at: valueNode,
                             hint: "map it as `\(name): numeric` under the survey's `attributes`; its mean per candidate is the \(key.rawValue)")
                return nil
            }
            return name
        }
        targeting.value = numericAttribute(.value)
        targeting.reach = numericAttribute(.reach)
        targeting.growth = numericAttribute(.growth)
        if let segmentsNode = fields["segments"], let names = reader.strings(segmentsNode, "`targeting.segments`") {
            checkAttributes(names, at: segmentsNode, key: "targeting.segments", surveys: surveys)
            let entries: [YAMLNode]
            if case .sequence(let sequence, _) = segmentsNode { entries = sequence } else { entries = [segmentsNode] }
            for (index, name) in names.enumerated() where kinds[name] == .numeric && !breakdowns.contains(name) {
                reader.error("`targeting.segments` names numeric attribute `\(name)`, which is not a breakdown", at: index < entries.count ? entries[index] : segmentsNode,
                             hint: "a numeric attribute is cut into quartile bands only as a breakdown: add it to `breakdowns`, or name a category")
            }
            targeting.segments = names
        }
        if let weightsNode = fields["weights"], let entries = reader.mapping(weightsNode, "`targeting.weights`") {
            for entry in entries {
                guard let criterion = Criterion(rawValue: entry.key) else {
                    reader.error("`targeting.weights` has no criterion `\(entry.key)`", at: entry.keyNode,
                                 hint: Suggestion.didYouMean(entry.key, in: Criterion.allCases.map(\.rawValue)) ?? "the criteria are: size, value, shortfall, reach, growth")
                    continue
                }
                guard let weight = reader.number(entry.value, "the weight of `\(entry.key)`") else { continue }
                guard weight >= 0 else {
                    reader.error("the weight of `\(entry.key)` must not be negative", at: entry.value,
                                 hint: "weights are relative importances: 0 leaves a criterion out of the score")
                    continue
                }
                if !targeting.measures(criterion) {
                    reader.error("`targeting.weights` weighs `\(entry.key)`, but `targeting.\(entry.key)` maps no attribute to measure it", at: entry.keyNode,
                                 hint: "add `\(entry.key): <numeric attribute>` under `targeting`, or drop its weight")
                    continue
                }
                targeting.weights[criterion] = weight
            }
            if !entries.isEmpty, targeting.normalisedWeights.allSatisfy({ $0.weight == 0 }) {
                reader.error("`targeting.weights` gives every criterion weight 0, so nothing would be scored", at: weightsNode,
                             hint: "give at least one criterion a positive weight, e.g. {size: 1, shortfall: 1}")
            }
        }
        if !hasPersonas, (targeting.segments ?? breakdowns).isEmpty {
            reader.error("`targeting` has nothing to rank: no `personas`, no `breakdowns` and no `targeting.segments`", at: node,
                         hint: "add `personas:`, or name the attributes whose values are segments, e.g. segments: [plan]")
        }
        return targeting
    }
}
