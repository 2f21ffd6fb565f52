import CanvassCore
import Foundation

/// The formulas of SPEC §4, as functions from values to values.
public enum Estimators {
    /// Descriptives of ratings on `scale` (SPEC §4.1); `values` are already valid answers.
    public static func descriptives(_ values: [Double], scale: RatingScale?) -> Descriptives {
        let (mean, sd, ci) = meanAndInterval(values)
        return Descriptives(n: values.count, mean: mean, sd: sd, ci95: ci, counts: distribution(values, scale: scale))
    }

    /// Answers per scale point, every point of `scale` present.
    static func distribution(_ values: [Double], scale: RatingScale?) -> [Int: Int] {
        var counts: [Int: Int] = [:]
        if let scale {
            for point in scale.min...scale.max { counts[point] = 0 }
        }
        for value in values where value == value.rounded() {
            counts[Int(value), default: 0] += 1
        }
        return counts
    }

    /// Mean, sample sd and t-based 95% CI; nil where undefined (n = 0, or n = 1 for sd and CI).
    static func meanAndInterval(_ values: [Double]) -> (Double?, Double?, Interval?) {
        let n = values.count
        guard n > 0 else { return (nil, nil, nil) }
        let mean = values.reduce(0, +) / Double(n)
        guard n > 1 else { return (mean, nil, nil) }
        let squares = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        let sd = (squares / Double(n - 1)).squareRoot()
        let half = StudentT.quantile(0.975, degreesOfFreedom: Double(n - 1)) * sd / Double(n).squareRoot()
        return (mean, sd, Interval(mean - half, mean + half))
    }

    /// Paired gap perception − expectation over respondents with both (SPEC §4.2).
    /// When the differences do not vary (sd = 0) the CI collapses to the mean and t and p are nil.
    public static func pairedGap(expectation: [Double], perception: [Double]) -> PairedGap {
        precondition(expectation.count == perception.count, "pairs must align")
        let differences = zip(perception, expectation).map { $0 - $1 }
        let n = differences.count
        let (mean, sd, ci) = meanAndInterval(differences)
        guard let mean, let sd, n > 1 else { return PairedGap(n: n, mean: mean, sd: sd, ci95: ci, t: nil, p: nil) }
        guard sd > 0 else {
            return PairedGap(n: n, mean: mean, sd: 0, ci95: Interval(mean, mean), t: nil, p: nil)
        }
        let t = mean / (sd / Double(n).squareRoot())
        return PairedGap(n: n, mean: mean, sd: sd, ci95: ci, t: t, p: StudentT.twoSidedP(t, degreesOfFreedom: Double(n - 1)))
    }

    /// NPS from 0–10 answers (SPEC §4.5); answers outside 0–10 must already be excluded.
    public static func nps(_ answers: [Double]) -> NPSResult {
        let promoters = answers.filter { $0 >= 9 }.count
        let detractors = answers.filter { $0 <= 6 }.count
        let n = answers.count
        guard n > 0 else { return NPSResult(n: 0, promoters: 0, passives: 0, detractors: 0, score: nil, moe95: nil) }
        let p = Double(promoters) / Double(n)
        let d = Double(detractors) / Double(n)
        let variance = max(0, p + d - (p - d) * (p - d))
        return NPSResult(
            n: n, promoters: promoters, passives: n - promoters - detractors, detractors: detractors,
            score: 100 * (p - d), moe95: 1.96 * 100 * (variance / Double(n)).squareRoot())
    }

    /// Wilson score interval for `hits` of `n` at 95%, as proportions; exact 0 and 1 at the ends.
    public static func wilson(hits: Int, of n: Int, z: Double = 1.96) -> Interval? {
        guard n > 0 else { return nil }
        return wilson(proportion: Double(hits) / Double(n), n: Double(n), z: z)
    }

    /// A share ×100 with its Wilson interval ×100.
    public static func share(hits: Int, of n: Int) -> ShareResult {
        guard n > 0, let interval = wilson(hits: hits, of: n) else { return ShareResult(n: n, hits: hits, score: nil, ci95: nil) }
        return ShareResult(n: n, hits: hits, score: 100 * Double(hits) / Double(n), ci95: Interval(100 * interval.lower, 100 * interval.upper))
    }

    /// CSAT: the share of answers in the top `top` points of `scale` (SPEC §4.6).
    public static func csat(_ answers: [Double], scale: RatingScale, top: Int) -> ShareResult {
        let threshold = Double(scale.max - top + 1)
        return share(hits: answers.filter { $0 >= threshold }.count, of: answers.count)
    }

    /// Berger's evaluation table: functional answer (row) × dysfunctional answer (column),
    /// coded 1 like, 2 must-be, 3 neutral, 4 live-with, 5 dislike.
    static let kanoTable: [[KanoCategory]] = [
        [.questionable, .attractive, .attractive, .attractive, .oneDimensional],
        [.reverse, .indifferent, .indifferent, .indifferent, .mustBe],
        [.reverse, .indifferent, .indifferent, .indifferent, .mustBe],
        [.reverse, .indifferent, .indifferent, .indifferent, .mustBe],
        [.reverse, .reverse, .reverse, .reverse, .questionable],
    ]

    public static func kanoCategory(functional: Int, dysfunctional: Int) -> KanoCategory? {
        guard (1...5).contains(functional), (1...5).contains(dysfunctional) else { return nil }
        return kanoTable[functional - 1][dysfunctional - 1]
    }

    /// Tie order of SPEC §4.8 (M > O > A > I), then R and Q.
    static let kanoTieOrder: [KanoCategory] = [.mustBe, .oneDimensional, .attractive, .indifferent, .reverse, .questionable]

    public static func kano(feature: String, pairs: [(functional: Int, dysfunctional: Int)]) -> KanoResult {
        var counts = Dictionary(uniqueKeysWithValues: KanoCategory.allCases.map { ($0, 0) })
        for pair in pairs {
            if let category = kanoCategory(functional: pair.functional, dysfunctional: pair.dysfunctional) {
                counts[category, default: 0] += 1
            }
        }
        return kano(feature: feature, counts: counts)
    }

    public static func kano(feature: String, counts: [KanoCategory: Int]) -> KanoResult {
        let c = { (k: KanoCategory) in counts[k] ?? 0 }
        let n = counts.values.reduce(0, +)
        // The first category in tie order with the highest count.
        var top = kanoTieOrder[0]
        for category in kanoTieOrder.dropFirst() where c(category) > c(top) {
            top = category
        }
        let denominator = c(.attractive) + c(.oneDimensional) + c(.mustBe) + c(.indifferent)
        let better = denominator == 0 ? nil : Double(c(.attractive) + c(.oneDimensional)) / Double(denominator)
        let worse = denominator == 0 ? nil : -Double(c(.oneDimensional) + c(.mustBe)) / Double(denominator)
        return KanoResult(feature: feature, n: n, counts: counts, category: n == 0 ? nil : top, better: better, worse: worse)
    }

    /// Overall gaps (SPEC §4.3): the unweighted mean of dimension gaps, and Σ wᵢ·gapᵢ with
    /// weights normalised to 1. Dimensions without a gap take no part; nil when none has one.
    public static func overallGap(gaps: [Double?], weights: [Double]) -> (unweighted: Double?, weighted: Double?) {
        let present = zip(gaps, weights).compactMap { gap, weight in gap.map { ($0, weight) } }
        guard !present.isEmpty else { return (nil, nil) }
        let unweighted = present.reduce(0) { $0 + $1.0 } / Double(present.count)
        let total = present.reduce(0) { $0 + $1.1 }
        let weighted = total > 0 ? present.reduce(0) { $0 + $1.0 * $1.1 } / total : unweighted
        return (unweighted, weighted)
    }

    /// Median by linear interpolation between order statistics (type 7, as spreadsheets and numpy).
    public static func quantile(_ values: [Double], _ q: Double) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let position = q * Double(sorted.count - 1)
        let below = Int(position.rounded(.down))
        let above = min(below + 1, sorted.count - 1)
        return sorted[below] + (position - Double(below)) * (sorted[above] - sorted[below])
    }
}
