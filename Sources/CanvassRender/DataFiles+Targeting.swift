import CanvassCore

extension DataFiles {
    /// data/targets.json: the criteria and their weights, the recommended targets, and every
    /// candidate measured, scaled, scored and ranked. `size` is a proportion of the respondents
    /// (weighted when `respondentWeights` says so), `gap` the overall gap (dimension-weighted).
    func targets(_ results: TargetingResults, surveys: SurveyResults) -> JSONValue {
        .object([
            ("criteria", .array(results.criteria.map { item in
                .object([
                    ("id", .string(item.criterion.rawValue)), ("attribute", .string(results.config.attribute(for: item.criterion))),
                    ("weight", .number(item.weight)),
                ])
            })),
            Self.respondentWeights(surveys),
            ("recommendFrom", .string(results.recommendedKind == .persona ? "personas" : "segments")),
            ("primary", .string(results.primary?.id)),
            ("secondary", .string(results.secondary?.id)),
            ("personas", .array(results.personas.map(candidate))),
            ("segments", .array(results.segments.map(candidate))),
        ])
    }

    func candidate(_ c: TargetingResults.Candidate) -> JSONValue {
        func mean(_ d: Descriptives?) -> JSONValue {
            d.map { .object([("n", .int($0.n)), ("mean", .number($0.mean)), ("sd", .number($0.sd)), ("ci95", Self.interval($0.ci95))]) } ?? .null
        }
        var fields: [(String, JSONValue)] = [("id", .string(c.id))]
        if c.kind == .persona { fields.append(("name", .string(names[c.id]))) } else { fields.append(("attribute", .string(c.attribute))) }
        fields += [
            ("n", .int(c.n)),
            ("size", .object([
                ("share", .number(c.size.score.map { $0 / 100 })),
                ("ci95", Self.interval(c.size.ci95.map { Interval($0.lower / 100, $0.upper / 100) })),
            ])),
            ("gap", c.gap.map { .object([("n", .int($0.n)), ("mean", .number($0.mean)), ("ci95", Self.interval($0.ci95))]) } ?? .null),
            ("shortfall", .number(c.shortfall)),
            ("value", mean(c.value)), ("reach", mean(c.reach)), ("growth", mean(c.growth)),
            ("scaled", .object(TargetingConfig.Criterion.allCases.compactMap { criterion in c.scaled.keys.contains(criterion) ? (criterion.rawValue, .number(c.scaled[criterion]!)) : nil })),
            ("score", .number(c.score)),
            ("rank", c.rank.map { .int($0) } ?? .null),
            ("eligible", .bool(c.eligible)),
            ("cautions", .array(c.cautions.map { .string($0.rawValue) })),
        ]
        return .object(fields)
    }
}
