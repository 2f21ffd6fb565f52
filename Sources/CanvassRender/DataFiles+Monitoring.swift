import CanvassCore

extension DataFiles {
    /// `SHARE = {n, hits, score, ci95}`: a share ×100 with its Wilson interval, as service.json's `within`.
    static func share(_ s: ShareResult) -> JSONValue {
        .object([("n", .int(s.n)), ("hits", .int(s.hits)), ("score", .number(s.score)), ("ci95", interval(s.ci95))])
    }

    static func alert(_ alert: MonitoredMetric.Alert) -> [(String, JSONValue)] {
        switch alert {
        case .outsideLimits(let wave, let above):
            return [("kind", .string(alert.kind)), ("wave", .string(wave)), ("direction", .string(above ? "above" : "below"))]
        case .targetMissed(let waves):
            return [("kind", .string(alert.kind)), ("waves", .array(waves.map { .string($0) }))]
        }
    }

    /// data/monitoring.json: every monitored metric wave by wave with its control limits and
    /// target, the alerts, and the KPIs overall, by breakdown, persona and wave. Shares and NPS
    /// are ×100; `effectiveN` is Kish's (n without weights).
    func monitoring(_ surveys: SurveyResults) -> JSONValue {
        let metrics = surveys.monitoring?.metrics ?? []
        return .object([
            Self.respondentWeights(surveys),
            ("metrics", .array(metrics.map { m in
                .object([
                    ("id", .string(m.metric.id)), ("chart", .string(m.metric.isShare ? "p" : "xbar")),
                    ("target", .number(m.target)), ("onTrack", m.onTrack.map { .bool($0) } ?? .null),
                    ("centre", .number(m.centre)), ("sigma", .number(m.sigma)),
                    ("waves", .array(m.points.map { p in
                        .object([
                            ("wave", .string(p.wave)), ("n", .int(p.n)), ("effectiveN", .number(p.effectiveN)),
                            ("value", .number(p.value)), ("ci95", Self.interval(p.ci95)), ("limits", Self.interval(p.limits)),
                            ("outside", .bool(p.outside)), ("targetMet", p.targetMet.map { .bool($0) } ?? .null),
                        ])
                    })),
                    ("alerts", .array(m.alerts.map { .object(Self.alert($0)) })),
                ])
            })),
            ("alerts", .array((surveys.monitoring?.alerts ?? []).map { .object([("metric", .string($0.metric.id))] + Self.alert($0.alert)) })),
            ("kpis", .array(surveys.kpis.map { k in
                .object([
                    ("id", .string(k.id)), ("label", .string(k.label)), ("overall", Self.share(k.share.overall)),
                    ("by", Self.breakdowns(k.share.by, Self.share)), ("byPersona", Self.groups(k.share.byPersona, Self.share)),
                    ("byWave", Self.groups(k.share.byWave, Self.share)),
                ])
            })),
        ])
    }
}
