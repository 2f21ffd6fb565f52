import CanvassCore

/// The respondent weights of a pool: raked to `weighting.margins` (each wave on its own, so a
/// trend compares like with like), or read from the surveys' `weight` columns; with the
/// representativeness report. What the sample cannot meet is a located error, never a silent
/// fallback to unweighted figures.
enum RespondentWeights {
    struct Outcome {
        /// Each survey row's weight, mean 1 over the pool (0 for rows not in it).
        var weights: [[Double]]
        var report: WeightingReport
    }

    /// Nil without diagnostics when nothing asks for weights.
    static func compute(config: ProjectConfig, pool: RespondentPool) -> (Outcome?, [Diagnostic]) {
        if let weighting = config.weighting { return raked(weighting, pool) }
        if pool.surveys.contains(where: { $0.config.weight != nil }) { return fromColumns(pool) }
        return (nil, [])
    }

    // MARK: - Raking

    private static func raked(_ weighting: WeightingConfig, _ pool: RespondentPool) -> (Outcome?, [Diagnostic]) {
        var failures: [Diagnostic] = []
        // Each pool row's cell per margin; a value the margins do not give is an error.
        var cells: [[Int?]] = []
        for margin in weighting.margins {
            let index = Dictionary(margin.shares.enumerated().map { ($1.value, $0) }, uniquingKeysWith: { first, _ in first })
            var unknown: [String: Int] = [:]
            cells.append(pool.rows.map { row in
                guard let value = pool.text(margin.attribute, row) else { return nil }
                if let cell = index[value] { return cell }
                unknown[value, default: 0] += 1
                return nil
            })
            for (value, count) in unknown.sorted(by: { $0.key < $1.key }) {
                failures.append(.error(
                    "\(count) respondent\(count == 1 ? " has" : "s have") `\(margin.attribute)` `\(value)`, for which `weighting.margins` gives no share",
                    at: margin.location, hint: "add `\(value): <share>` to the margins of `\(margin.attribute)`, the shares still summing to 1"))
            }
        }
        guard failures.isEmpty else { return (nil, failures) }
        // Each wave on its own; respondents without a wave (or a study without waves) together.
        let unwaved = pool.rows.filter { pool.wave($0) == nil }
        let waves = pool.rowsByWave() + (unwaved.isEmpty ? [] : [(wave: "", rows: unwaved)])
        let position = Dictionary(pool.rows.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var weights = pool.surveys.map { [Double](repeating: 0, count: $0.count) }
        var iterations = 0, trimmed = 0
        for (wave, rows) in waves {
            let margins = zip(weighting.margins, cells).map { margin, cells in
                Raking.Margin(cells: rows.map { cells[position[$0]!] }, shares: margin.shares.map(\.share))
            }
            let within = wave.isEmpty ? "" : " in wave \(wave)"
            switch Raking.rake(rows: rows.count, margins: margins, trim: weighting.trim) {
            case .success(let result):
                for (row, weight) in zip(rows, result.weights) { weights[row.survey][row.row] = weight }
                iterations += result.iterations
                trimmed += result.trimmed
            case .failure(.emptyCell(let m, let cell)):
                let margin = weighting.margins[m], share = margin.shares[cell]
                failures.append(.error(
                    "no respondent\(within) has `\(margin.attribute)` `\(share.value)`, so no weight can give it its population share",
                    at: share.location, hint: "merge it with a neighbouring value in the margins and the data, or leave `\(margin.attribute)` out"))
            case .failure(.noConvergence(let miss, let sweeps)):
                failures.append(.error(
                    "raking\(within) did not converge in \(sweeps) sweeps: a margin is still off by \(miss)",
                    at: weighting.location, hint: "margins that the sample makes contradict each other cannot all be met; drop one"))
            case .failure(.trimmingDoesNotSettle(let rounds)):
                failures.append(.error(
                    "the weights\(within) cannot meet the margins within `weighting.trim` (\(rounds) rounds of trimming and re-raking)",
                    at: weighting.location, hint: "widen `trim`, e.g. {min: 0.2, max: 5}, or drop a margin"))
            }
        }
        guard failures.isEmpty else { return (nil, failures) }
        // Mean 1 over the whole pool: each wave's weights already have mean 1 within it.
        let margins = zip(weighting.margins, cells).map { margin, cells in
            representativeness(margin, cells: cells, weights: pool.rows.map { weights[$0.survey][$0.row] }, flag: weighting.flag)
        }
        let report = WeightingReport(
            method: .raking, margins: margins, summary: summary(pool.rows.map { weights[$0.survey][$0.row] }),
            iterations: iterations, trimmed: trimmed, trim: weighting.trim, rakedByWave: !pool.waves.isEmpty)
        return (Outcome(weights: weights, report: report), [])
    }

    /// The sample against the population for one margin: shares, the weighted shares, flags and
    /// Pearson's goodness-of-fit test on the unweighted counts.
    static func representativeness(_ margin: WeightingConfig.Margin, cells: [Int?], weights: [Double], flag: Double) -> WeightingReport.Margin {
        var counts = [Int](repeating: 0, count: margin.shares.count)
        var weighted = [Double](repeating: 0, count: margin.shares.count)
        for (cell, weight) in zip(cells, weights) {
            guard let cell else { continue }
            counts[cell] += 1
            weighted[cell] += weight
        }
        let n = counts.reduce(0, +), total = weighted.reduce(0, +)
        let rows = margin.shares.enumerated().map { index, share in
            let sample = n > 0 ? Double(counts[index]) / Double(n) : 0
            return WeightingReport.Cell(
                value: share.value, sampleCount: counts[index], sampleShare: sample, populationShare: share.share,
                weightedShare: total > 0 ? weighted[index] / total : 0, flagged: abs(sample - share.share) > flag)
        }
        let test = ChiSquare.goodnessOfFit(observed: counts, shares: margin.shares.map(\.share))
        return WeightingReport.Margin(attribute: margin.attribute, cells: rows, n: n, chiSquare: test?.statistic, degreesOfFreedom: test?.degreesOfFreedom, p: test?.p)
    }

    // MARK: - A weight column

    private static func fromColumns(_ pool: RespondentPool) -> (Outcome?, [Diagnostic]) {
        var failures: [Diagnostic] = []
        var weights = pool.surveys.map { [Double](repeating: 0, count: $0.count) }
        for (s, survey) in pool.surveys.enumerated() {
            guard let column = survey.config.weight else {
                failures.append(.error("survey `\(survey.config.file)` maps no `weight` column, but another survey does", at: survey.config.location,
                                       hint: "map `weight:` in every survey, or in none"))
                continue
            }
            let missing = pool.rows.filter { $0.survey == s && (pool.number(column, $0) ?? 0) <= 0 }
            if let first = missing.first {
                failures.append(.error(
                    "\(missing.count) respondent\(missing.count == 1 ? " has" : "s have") no positive weight in `\(column)`, the first on line \(survey.lines[first.row])",
                    at: SourceLocation(file: survey.path, line: survey.lines[first.row], column: 1),
                    hint: "every respondent in the statistics needs a weight above 0; exclude the row or give it one"))
            }
        }
        guard failures.isEmpty else { return (nil, failures) }
        let raw = pool.rows.map { pool.number(pool.surveys[$0.survey].config.weight!, $0)! }
        let mean = raw.reduce(0, +) / Double(max(raw.count, 1))
        for (row, weight) in zip(pool.rows, raw) { weights[row.survey][row.row] = weight / mean }
        let report = WeightingReport(
            method: .column, margins: [], summary: summary(raw.map { $0 / mean }), iterations: 0, trimmed: 0, trim: nil, rakedByWave: false)
        return (Outcome(weights: weights, report: report), [])
    }

    static func summary(_ weights: [Double]) -> WeightingReport.Summary {
        let effect = Raking.designEffect(weights)
        return WeightingReport.Summary(
            n: weights.count, min: weights.min() ?? 0, max: weights.max() ?? 0,
            designEffect: effect?.deff ?? 1, effectiveN: effect?.effectiveN ?? 0)
    }
}
