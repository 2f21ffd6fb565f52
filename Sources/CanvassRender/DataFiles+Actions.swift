import CanvassCore

extension DataFiles {
    /// data/actions.json: each improvement action with what it addresses and, per target, the
    /// wave before its start against the latest wave after, the difference with its 95% interval,
    /// the test and the verdict. Shares, NPS and their differences are ×100 (points).
    func actions(_ results: ActionResults) -> JSONValue {
        func side(_ side: ActionEffect.Side?) -> JSONValue {
            guard let side else { return .null }
            return .object([
                ("wave", .string(side.wave)), ("n", .int(side.n)), ("effectiveN", .number(side.effectiveN)),
                ("value", .number(side.value)), ("ci95", Self.interval(side.ci95)),
            ])
        }
        func segment(_ segment: ImprovementAction.Segment?) -> [(String, JSONValue)] {
            switch segment {
            case nil: return []
            case .persona(let id): return [("persona", .string(id))]
            case .group(let attribute, let value): return [("segment", .object([(attribute, .string(value))]))]
            }
        }
        return .object([
            Self.respondentWeights(analysis.surveys),
            ("asOf", .string(results.asOf?.description)),
            ("actions", .array(results.actions.map { result in
                let action = result.action
                return .object([
                    ("id", .string(action.id)), ("title", .string(action.title)), ("owner", .string(action.owner)),
                    ("status", .string(action.status.rawValue)), ("start", .string(action.start?.description)),
                    ("due", .string(action.due?.description)), ("overdue", .bool(result.overdue)),
                    ("verdict", .string(result.verdict?.rawValue)),
                    ("addresses", .array(action.addresses.map { .object([("kind", .string($0.kind.rawValue)), ("id", .string($0.id))]) })),
                    ("targets", .array(result.effects.map { effect in
                        .object([("metric", .string(effect.target.metric.id)), ("value", .number(effect.target.value))] + segment(effect.target.segment) + [
                            ("before", side(effect.before)), ("after", side(effect.after)),
                            ("difference", .number(effect.difference)), ("ci95", Self.interval(effect.ci95)),
                            ("test", effect.test.map { test in
                                .object([("kind", .string(test.kind.rawValue)), ("statistic", .number(test.statistic)),
                                         ("degreesOfFreedom", .number(test.degreesOfFreedom)), ("p", .number(test.p))])
                            } ?? .null),
                            ("verdict", .string(effect.verdict.rawValue)), ("targetMet", effect.targetMet.map { .bool($0) } ?? .null),
                        ])
                    })),
                    ("file", .string(action.file)),
                ])
            })),
        ])
    }
}
