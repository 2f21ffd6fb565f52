import CanvassCore

/// Target-segment selection (customer positioning): measures each persona and each value of the
/// `targeting.segments` attributes on size, value, shortfall, reach and growth, scales every
/// criterion across the candidates of a kind, and ranks them by the weighted score.
///
/// - Size: the candidate's share of the respondents, weighted when the figures are.
/// - Shortfall: −(overall gap, dimension-weighted), at least 0. The overall gap is Σ wₖ·ḡₖ over
///   the candidate's dimension gaps, as on its persona page; its 95% interval comes from the
///   linearised variance of that sum of means, Σᵢ zᵢ²·n/(n−1) with
///   zᵢ = Σₖ wₖ·vᵢ·(dᵢₖ − ḡₖ)/Σᵥₖ (vᵢ the respondent weight, dᵢₖ the respondent's difference):
///   for unweighted, complete answers exactly the t interval of each respondent's weighted sum.
/// - Value, reach, growth: means of the mapped attributes, as every other mean.
/// - Scaling: a criterion no candidate has below 0 is scaled as a fraction of the best
///   candidate's (all 0 when the best is 0); one with negative amounts from the lowest (0) to
///   the highest (1), all 0 when they are equal.
struct TargetSelection {
    let analyzer: SurveyAnalyzer
    let pool: RespondentPool
    let config: TargetingConfig
    /// The dimension weights of the overall gap, normalised, by dimension id.
    let dimensionWeights: [(id: String, weight: Double)]

    static let smallSample = 30

    func select(personas: PersonaSegments?) -> TargetingResults {
        var personaCandidates: [TargetingResults.Candidate] = []
        if let personas {
            // In row order, so that every sum adds up the same way on every build.
            let placed = pool.rows.indices.filter { personas.segmentation.labels[$0] >= 0 }
            let rowsOf = Dictionary(grouping: placed) { personas.segmentation.labels[$0] }
            let assigned = placed.map { pool.rows[$0] }
            personaCandidates = personas.order.map { label in
                measure(kind: .persona, id: personas.ids[label]!, attribute: nil, rows: (rowsOf[label] ?? []).map { pool.rows[$0] }, among: assigned)
            }
        }
        var segmentCandidates: [TargetingResults.Candidate] = []
        for attribute in config.segments ?? analyzer.config.breakdowns {
            let groups = pool.rowsByGroup(of: attribute)
            let answered = groups.flatMap(\.rows)
            segmentCandidates += groups.map { measure(kind: .segment, id: $0.group, attribute: attribute, rows: $0.rows, among: answered) }
        }
        return TargetingResults(config: config, personas: ranked(personaCandidates), segments: ranked(segmentCandidates), weighted: pool.weights != nil)
    }

    /// A candidate's amounts: its share of `among`, its overall gap and the attribute means.
    func measure(kind: TargetingResults.Kind, id: String, attribute: String?, rows: [RespondentPool.Row], among: [RespondentPool.Row]) -> TargetingResults.Candidate {
        let members = Set(rows)
        let size = pool.weights == nil
            ? Estimators.share(hits: rows.count, of: among.count)
            : Estimators.share(hits: among.map { members.contains($0) }, weights: among.map(pool.weight))
        var candidate = TargetingResults.Candidate(kind: kind, id: id, attribute: attribute, n: rows.count, size: size, gap: overallGap(rows))
        func mean(_ name: String?) -> Descriptives? {
            name.map { name in analyzer.describe(analyzer.observations(pool, rows) { _ in name }, pool, scale: nil) }
        }
        candidate.value = mean(config.value)
        candidate.reach = mean(config.reach)
        candidate.growth = mean(config.growth)
        return candidate
    }

    /// The overall gap of `rows` with its linearised 95% interval; nil when no dimension has a gap.
    func overallGap(_ rows: [RespondentPool.Row]) -> TargetingResults.Estimate? {
        var position: [RespondentPool.Row: Int] = [:]
        var influence: [Double] = []
        var respondentWeights: [Double] = []
        var parts: [(weight: Double, differences: [(respondent: Int, d: Double, v: Double)])] = []
        for (id, weight) in dimensionWeights {
            let pairs = analyzer.pairColumns(id)
            let expectations = pool.numberColumns { pairs[$0]?.expectation }, perceptions = pool.numberColumns { pairs[$0]?.perception }
            var differences: [(respondent: Int, d: Double, v: Double)] = []
            for row in rows {
                guard let e = expectations[row.survey]?[row.row] ?? nil, let p = perceptions[row.survey]?[row.row] ?? nil else { continue }
                let respondent: Int
                if let known = position[row] { respondent = known } else {
                    respondent = influence.count
                    position[row] = respondent
                    influence.append(0)
                    respondentWeights.append(pool.weight(row))
                }
                differences.append((respondent, p - e, pool.weight(row)))
            }
            if !differences.isEmpty { parts.append((weight, differences)) }
        }
        let total = parts.reduce(0) { $0 + $1.weight }
        guard !parts.isEmpty else { return nil }
        var estimate = 0.0
        for (weight, differences) in parts {
            // Dimensions with a gap share the weight, as in the overall gap of SPEC §4.3.
            let w = total > 0 ? weight / total : 1 / Double(parts.count)
            let sum = differences.reduce(0) { $0 + $1.v }
            let mean = differences.reduce(0) { $0 + $1.v * $1.d } / sum
            estimate += w * mean
            for item in differences { influence[item.respondent] += w * item.v * (item.d - mean) / sum }
        }
        let n = influence.count
        let nEff = Estimators.effectiveN(respondentWeights)
        guard n > 1, nEff > 1 else { return TargetingResults.Estimate(n: n, mean: estimate, ci95: nil) }
        let variance = influence.reduce(0) { $0 + $1 * $1 } * Double(n) / Double(n - 1)
        let half = StudentT.quantile(0.975, degreesOfFreedom: nEff - 1) * variance.squareRoot()
        return TargetingResults.Estimate(n: n, mean: estimate, ci95: Interval(estimate - half, estimate + half))
    }

    /// Scales, scores and orders candidates of one kind: highest score first, ties by size and id;
    /// candidates that cannot be scored last.
    func ranked(_ candidates: [TargetingResults.Candidate]) -> [TargetingResults.Candidate] {
        var result = candidates
        let criteria = config.normalisedWeights
        for (criterion, _) in criteria {
            let amounts = result.map { $0.amount(criterion) }
            let scaled = Self.scale(amounts)
            for index in result.indices { result[index].scaled[criterion] = scaled[index] }
        }
        for index in result.indices {
            var score = 0.0, complete = true
            for (criterion, weight) in criteria where weight > 0 {
                guard let value = result[index].scaled[criterion] else { complete = false; continue }
                score += weight * value
            }
            result[index].score = complete ? score : nil
            if !complete { result[index].cautions.append(.unmeasured) }
            if result[index].n < Self.smallSample { result[index].cautions.append(.smallSample) }
            let interval = result[index].gap?.ci95
            if result[index].gap.map({ $0.mean < 0 }) ?? false, interval.map({ $0.upper >= 0 }) ?? true { result[index].cautions.append(.shortfallUncertain) }
        }
        result.sort { a, b in
            switch (a.score, b.score) {
            case (let x?, let y?) where x != y: return x > y
            case (.some, nil): return true
            case (nil, .some): return false
            default:
                if a.size.score != b.size.score { return (a.size.score ?? -1) > (b.size.score ?? -1) }
                return (a.attribute ?? "", a.id) < (b.attribute ?? "", b.id)
            }
        }
        var rank = 0
        for index in result.indices where result[index].score != nil {
            rank += 1
            result[index].rank = rank
        }
        return result
    }

    /// Amounts scaled to 0…1 (see the type's comment); nil stays nil.
    static func scale(_ amounts: [Double?]) -> [Double?] {
        let present = amounts.compactMap { $0 }
        guard let low = present.min(), let high = present.max() else { return amounts }
        if low >= 0 { return amounts.map { $0.map { high > 0 ? $0 / high : 0 } } }
        return amounts.map { $0.map { high > low ? ($0 - low) / (high - low) : 0 } }
    }
}
