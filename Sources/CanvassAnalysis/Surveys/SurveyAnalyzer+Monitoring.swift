import CanvassCore

/// Monitoring (issue: close the loop): NPS, CSAT, every KPI, every dimension's gap and any
/// targeted perception, wave by wave, on a control chart and against its target.
extension SurveyAnalyzer {
    /// Nil unless the pool has waves and either several of them or a target to check.
    func monitoring(_ pool: RespondentPool, dimensions: [DimensionResult]) -> MonitoringResults? {
        let waves = pool.rowsByWave()
        guard !waves.isEmpty, waves.count >= 2 || !config.targets.isEmpty else { return nil }
        var metrics: [Metric] = []
        if surveys.contains(where: { $0.config.nps != nil }) { metrics.append(.nps) }
        if surveys.contains(where: { $0.config.csat != nil }) { metrics.append(.csat) }
        for kpi in surveys.flatMap(\.config.kpis) where !metrics.contains(.kpi(kpi.id)) { metrics.append(.kpi(kpi.id)) }
        metrics += dimensions.map { .gap($0.dimension.id) }
        for target in config.targets where !metrics.contains(target.metric) { metrics.append(target.metric) }
        return MonitoringResults(metrics: metrics.map { metric in
            monitor(metric, waves: waves.map { ($0.wave, answers(metric, pool, $0.rows)) })
        })
    }

    /// Each respondent's contribution to a metric among `rows`, with their weights: 100, 0 or
    /// −100 for NPS, 1 or 0 for a share, the difference for a gap, the rating for a perception.
    func answers(_ metric: Metric, _ pool: RespondentPool, _ rows: [RespondentPool.Row]) -> (values: [Double], weights: [Double]) {
        switch metric {
        case .nps:
            let observed = observations(pool, rows) { surveys[$0].config.nps }
            return (observed.values.map { $0 >= 9 ? 100 : $0 <= 6 ? -100 : 0 }, observed.weights)
        case .csat:
            var values: [Double] = [], weights: [Double] = []
            for row in rows {
                guard let csat = surveys[row.survey].config.csat, let value = pool.number(csat.column, row) else { continue }
                values.append(value >= Double(csat.scale.max - csat.top + 1) ? 1 : 0)
                weights.append(pool.weight(row))
            }
            return (values, weights)
        case .kpi(let id):
            return kpiAnswers(id, pool, rows)
        case .gap(let id):
            let pairs = pairColumns(id)
            var values: [Double] = [], weights: [Double] = []
            for row in rows {
                guard let pair = pairs[row.survey], let e = pool.number(pair.expectation, row), let p = pool.number(pair.perception, row) else { continue }
                values.append(p - e)
                weights.append(pool.weight(row))
            }
            return (values, weights)
        case .perception(let id):
            let pairs = pairColumns(id)
            return observations(pool, rows) { pairs[$0]?.perception }
        case .service:
            // Not a survey figure: `targets:` refuses it, and actions read it from the records.
            return ([], [])
        }
    }

    /// A metric's figure over some answers as pages show it (shares ×100) with its 95% interval:
    /// Wilson for shares, NPS's own margin of error (SPEC §4.5), t for means; and the weighted
    /// mean (0…1 for shares), sd and n_eff behind it.
    func figure(_ metric: Metric, _ answers: (values: [Double], weights: [Double])) -> (value: Double?, ci95: Interval?, mean: Double?, sd: Double?, effectiveN: Double) {
        let scale = metric.isShare ? 100.0 : 1
        let (mean, sd, ci, nEff) = Estimators.meanAndInterval(answers.values, weights: answers.weights)
        var interval = ci.map { Interval($0.lower * scale, $0.upper * scale) }
        if let mean, nEff > 0 {
            if metric.isShare {
                let wilson = Estimators.wilson(proportion: mean, n: nEff)
                interval = Interval(100 * wilson.lower, 100 * wilson.upper)
            } else if metric == .nps {
                let squares = zip(answers.values, answers.weights).reduce(0) { $0 + $1.1 * $1.0 * $1.0 } / answers.weights.reduce(0, +)
                let half = 1.96 * (max(0, squares - mean * mean) / nEff).squareRoot()
                interval = Interval(mean - half, mean + half)
            }
        }
        return (mean.map { $0 * scale }, interval, mean, sd, nEff)
    }

    func monitor(_ metric: Metric, waves: [(wave: String, answers: (values: [Double], weights: [Double]))]) -> MonitoredMetric {
        let target = config.targets.first { $0.metric == metric }?.value
        var chartWaves: [ControlChart.Wave] = []
        var points: [MonitoredMetric.Point] = waves.map { wave, answers in
            let figure = figure(metric, answers)
            chartWaves.append(ControlChart.Wave(mean: figure.mean, sd: figure.sd, n: figure.effectiveN))
            var point = MonitoredMetric.Point(wave: wave, n: answers.values.count, effectiveN: figure.effectiveN, value: figure.value, ci95: figure.ci95)
            if let target, let value = point.value { point.targetMet = value >= target }
            return point
        }
        var centre: Double?, sigma: Double?
        if metric.isShare {
            let chart = ControlChart.p(chartWaves)
            centre = chart.centre.map { $0 * 100 }
            for index in points.indices { points[index].limits = chart.limits[index].map { Interval($0.lower * 100, $0.upper * 100) } }
        } else {
            let chart = ControlChart.xbar(chartWaves)
            (centre, sigma) = (chart.centre, chart.sigma)
            for index in points.indices { points[index].limits = chart.limits[index] }
        }
        var alerts: [MonitoredMetric.Alert] = points.filter(\.outside).map { .outsideLimits(wave: $0.wave, above: $0.value! > $0.limits!.upper) }
        let answered = points.filter { $0.value != nil }.suffix(2)
        if answered.count == 2, answered.allSatisfy({ $0.targetMet == false }) { alerts.append(.targetMissed(waves: answered.map(\.wave))) }
        return MonitoredMetric(metric: metric, target: target, centre: centre, sigma: sigma, points: points, alerts: alerts)
    }

    /// KPI `id`'s answers among `rows` as 1 (counts) or 0, with the rows' weights.
    func kpiAnswers(_ id: String, _ pool: RespondentPool, _ rows: [RespondentPool.Row]) -> (values: [Double], weights: [Double]) {
        let rules = surveys.map { $0.config.kpis.first { $0.id == id } }
        var values: [Double] = [], weights: [Double] = []
        for row in rows {
            guard let kpi = rules[row.survey] else { continue }
            switch kpi.rule {
            case .yes(let accepted):
                guard let answer = pool.text(kpi.column, row)?.trimmingSpaces(), !answer.isEmpty else { continue }
                values.append(accepted.contains { $0.trimmingSpaces().lowercased() == answer.lowercased() } ? 1 : 0)
            case .topBox(let scale, let top):
                guard let value = pool.number(kpi.column, row) else { continue }
                values.append(value >= Double(scale.max - top + 1) ? 1 : 0)
            }
            weights.append(pool.weight(row))
        }
        return (values, weights)
    }
}
