import CanvassCore

/// The formulas of SPEC §4 with respondent weights (issue: representative numbers).
///
/// With weights wᵢ, n_eff = (Σw)²/Σw² (Kish). The mean is Σwx/Σw; the variance is the unbiased
/// one for reliability weights, Σw(x − m)² / (Σw − Σw²/Σw); standard errors are sd/√n_eff and
/// intervals use t with n_eff − 1 degrees of freedom. NPS and shares use weighted proportions
/// with n_eff in their standard errors. With every weight equal these are the unweighted
/// formulas, to the last bit for weights of 1. Counts (`n`, answers per scale point, promoters…)
/// stay counts of respondents.
extension Estimators {
    /// n_eff of `weights`; 0 when they sum to nothing.
    static func effectiveN(_ weights: [Double]) -> Double {
        let sum = weights.reduce(0, +), squares = weights.reduce(0) { $0 + $1 * $1 }
        return squares > 0 ? sum * sum / squares : 0
    }

    /// Weighted mean, sd and t-based 95% CI from n_eff; nil where undefined (no weight, or
    /// n_eff ≤ 1 for sd and CI).
    static func meanAndInterval(_ values: [Double], weights: [Double]) -> (mean: Double?, sd: Double?, ci: Interval?, effectiveN: Double) {
        precondition(values.count == weights.count, "one weight per value")
        var sum = 0.0, weighted = 0.0, squares = 0.0
        for (value, weight) in zip(values, weights) {
            sum += weight
            weighted += weight * value
            squares += weight * weight
        }
        guard sum > 0 else { return (nil, nil, nil, 0) }
        let mean = weighted / sum, nEff = sum * sum / squares
        guard values.count > 1, nEff > 1 else { return (mean, nil, nil, nEff) }
        var deviations = 0.0
        for (value, weight) in zip(values, weights) { deviations += weight * (value - mean) * (value - mean) }
        let sd = (deviations / (sum - squares / sum)).squareRoot()
        let half = StudentT.quantile(0.975, degreesOfFreedom: nEff - 1) * sd / nEff.squareRoot()
        return (mean, sd, Interval(mean - half, mean + half), nEff)
    }

    public static func descriptives(_ values: [Double], weights: [Double], scale: RatingScale?) -> Descriptives {
        let (mean, sd, ci, _) = meanAndInterval(values, weights: weights)
        return Descriptives(n: values.count, mean: mean, sd: sd, ci95: ci, counts: distribution(values, scale: scale))
    }

    public static func pairedGap(expectation: [Double], perception: [Double], weights: [Double]) -> PairedGap {
        precondition(expectation.count == perception.count, "pairs must align")
        let differences = zip(perception, expectation).map { $0 - $1 }
        let n = differences.count
        let (mean, sd, ci, nEff) = meanAndInterval(differences, weights: weights)
        guard let mean, let sd, n > 1 else { return PairedGap(n: n, mean: mean, sd: sd, ci95: ci, t: nil, p: nil) }
        guard sd > 0 else { return PairedGap(n: n, mean: mean, sd: 0, ci95: Interval(mean, mean), t: nil, p: nil) }
        let t = mean / (sd / nEff.squareRoot())
        return PairedGap(n: n, mean: mean, sd: sd, ci95: ci, t: t, p: StudentT.twoSidedP(t, degreesOfFreedom: nEff - 1))
    }

    public static func nps(_ answers: [Double], weights: [Double]) -> NPSResult {
        var result = nps(answers)
        let total = weights.reduce(0, +)
        guard result.n > 0, total > 0 else { return NPSResult(n: result.n, promoters: result.promoters, passives: result.passives, detractors: result.detractors, score: nil, moe95: nil) }
        var promoters = 0.0, detractors = 0.0
        for (answer, weight) in zip(answers, weights) {
            if answer >= 9 { promoters += weight } else if answer <= 6 { detractors += weight }
        }
        let p = promoters / total, d = detractors / total
        let variance = max(0, p + d - (p - d) * (p - d))
        result.score = 100 * (p - d)
        result.moe95 = 1.96 * 100 * (variance / effectiveN(weights)).squareRoot()
        return result
    }

    /// A weighted share ×100 with its Wilson interval at n_eff; `hits` and `n` stay counts.
    public static func share(hits: [Bool], weights: [Double]) -> ShareResult {
        precondition(hits.count == weights.count, "one weight per answer")
        let count = hits.filter { $0 }.count
        let total = weights.reduce(0, +)
        guard !hits.isEmpty, total > 0 else { return ShareResult(n: hits.count, hits: count, score: nil, ci95: nil) }
        let p = zip(hits, weights).reduce(0) { $0 + ($1.0 ? $1.1 : 0) } / total
        let interval = wilson(proportion: p, n: effectiveN(weights))
        return ShareResult(n: hits.count, hits: count, score: 100 * p, ci95: Interval(100 * interval.lower, 100 * interval.upper))
    }

    /// The Wilson interval of a proportion `p` observed over `n` (possibly effective, non-whole).
    static func wilson(proportion p: Double, n: Double, z: Double = 1.96) -> Interval {
        let z2 = z * z
        let denominator = 1 + z2 / n
        let centre = (p + z2 / (2 * n)) / denominator
        let half = z / denominator * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot()
        return Interval(p == 0 ? 0 : max(0, centre - half), p == 1 ? 1 : min(1, centre + half))
    }
}
