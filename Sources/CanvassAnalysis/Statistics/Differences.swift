import CanvassCore
import Foundation

/// The difference between two independent samples (after − before) with its 95% interval and a
/// two-sided test, for the effect of an improvement action (issue: close the loop). Sizes may be
/// effective (Kish) sizes.
///
/// - Means: Welch's t. SE = √(s₁²/n₁ + s₂²/n₂); ν = SE⁴ / ((s₁²/n₁)²/(n₁ − 1) + (s₂²/n₂)²/(n₂ − 1));
///   interval d ± t₀.₉₇₅(ν)·SE.
/// - Shares: the two-proportion z with the pooled p̂ = (n₁p₁ + n₂p₂)/(n₁ + n₂),
///   z = d / √(p̂(1 − p̂)(1/n₁ + 1/n₂)); Newcombe's hybrid score interval (his method 10) from
///   each side's Wilson interval (l, u): d − √((p₂ − l₂)² + (u₁ − p₁)²) … d + √((u₂ − p₂)² + (p₁ − l₁)²).
/// - NPS (in points): each side's variance per answer is 100²·(P + D − (P − D)²) with P and D the
///   promoter and detractor shares; SE = √(v₁/n₁ + v₂/n₂), z = d/SE, interval d ± 1.96·SE.
///
/// With no spread at all (SE = 0) the difference is certain: p = 1 when it is 0, else p = 0 and
/// the statistic is infinite; the interval is the difference itself.
enum Differences {
    struct Result: Equatable {
        var difference: Double
        var ci95: Interval
        var statistic: Double
        var degreesOfFreedom: Double?
        var p: Double
    }

    static func normalTwoSidedP(_ z: Double) -> Double {
        erfc(abs(z) / 2.0.squareRoot())
    }

    /// Welch's t; nil unless each side has a mean, an sd and n > 1.
    static func welch(before: (mean: Double, sd: Double, n: Double), after: (mean: Double, sd: Double, n: Double)) -> Result? {
        guard before.n > 1, after.n > 1 else { return nil }
        let d = after.mean - before.mean
        let v1 = before.sd * before.sd / before.n, v2 = after.sd * after.sd / after.n
        let se = (v1 + v2).squareRoot()
        guard se > 0 else { return certain(d, degreesOfFreedom: before.n + after.n - 2) }
        let nu = (v1 + v2) * (v1 + v2) / (v1 * v1 / (before.n - 1) + v2 * v2 / (after.n - 1))
        let t = d / se, half = StudentT.quantile(0.975, degreesOfFreedom: nu) * se
        return Result(difference: d, ci95: Interval(d - half, d + half), statistic: t, degreesOfFreedom: nu, p: StudentT.twoSidedP(t, degreesOfFreedom: nu))
    }

    /// Two proportions (0…1); the result is in proportions too. Nil unless both sides have answers.
    static func proportions(before: (p: Double, n: Double), after: (p: Double, n: Double)) -> Result? {
        guard before.n > 0, after.n > 0 else { return nil }
        let d = after.p - before.p
        let w1 = Estimators.wilson(proportion: before.p, n: before.n), w2 = Estimators.wilson(proportion: after.p, n: after.n)
        let lower = d - ((after.p - w2.lower) * (after.p - w2.lower) + (w1.upper - before.p) * (w1.upper - before.p)).squareRoot()
        let upper = d + ((w2.upper - after.p) * (w2.upper - after.p) + (before.p - w1.lower) * (before.p - w1.lower)).squareRoot()
        let pooled = (before.n * before.p + after.n * after.p) / (before.n + after.n)
        let se = (pooled * (1 - pooled) * (1 / before.n + 1 / after.n)).squareRoot()
        guard se > 0 else {
            var result = certain(d, degreesOfFreedom: nil)
            result.ci95 = Interval(lower, upper)
            return result
        }
        let z = d / se
        return Result(difference: d, ci95: Interval(lower, upper), statistic: z, degreesOfFreedom: nil, p: normalTwoSidedP(z))
    }

    /// Two NPS from promoter and detractor shares (0…1); the result is in points.
    static func nps(before: (promoters: Double, detractors: Double, n: Double), after: (promoters: Double, detractors: Double, n: Double)) -> Result? {
        guard before.n > 0, after.n > 0 else { return nil }
        func variance(_ p: Double, _ d: Double) -> Double { 10_000 * max(0, p + d - (p - d) * (p - d)) }
        let d = 100 * ((after.promoters - after.detractors) - (before.promoters - before.detractors))
        let se = (variance(before.promoters, before.detractors) / before.n + variance(after.promoters, after.detractors) / after.n).squareRoot()
        guard se > 0 else { return certain(d, degreesOfFreedom: nil) }
        let z = d / se
        return Result(difference: d, ci95: Interval(d - 1.96 * se, d + 1.96 * se), statistic: z, degreesOfFreedom: nil, p: normalTwoSidedP(z))
    }

    private static func certain(_ d: Double, degreesOfFreedom: Double?) -> Result {
        Result(difference: d, ci95: Interval(d, d), statistic: d == 0 ? 0 : (d > 0 ? .infinity : -.infinity), degreesOfFreedom: degreesOfFreedom, p: d == 0 ? 1 : 0)
    }
}
