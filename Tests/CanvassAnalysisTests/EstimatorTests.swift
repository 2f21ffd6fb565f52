import CanvassCore
import Testing
@testable import CanvassAnalysis

/// Reference values are hand-computed or from published tables; where noted, cross-checked with
/// scipy 1.17 (`stats.t.ppf`, `stats.ttest_rel`).
@Suite struct EstimatorTests {
    func close(_ a: Double?, _ b: Double, _ tolerance: Double = 5e-4) -> Bool {
        guard let a else { return false }
        return abs(a - b) <= tolerance
    }

    @Test func studentTQuantilesMatchPublishedTables() {
        #expect(close(StudentT.quantile(0.975, degreesOfFreedom: 9), 2.2622))
        #expect(close(StudentT.quantile(0.975, degreesOfFreedom: 1), 12.7062))
        #expect(close(StudentT.quantile(0.975, degreesOfFreedom: 2), 4.3027))
        #expect(close(StudentT.quantile(0.95, degreesOfFreedom: 10), 1.8125))
        #expect(close(StudentT.quantile(0.995, degreesOfFreedom: 30), 2.7500))
        #expect(close(StudentT.quantile(0.975, degreesOfFreedom: 120), 1.9799))
        #expect(close(StudentT.quantile(0.025, degreesOfFreedom: 9), -2.2622))
        #expect(StudentT.quantile(0.5, degreesOfFreedom: 4) == 0)
    }

    @Test func studentTCDF() {
        #expect(close(StudentT.cdf(2.0, degreesOfFreedom: 5), 0.949030, 1e-6))
        #expect(close(StudentT.cdf(-1.5, degreesOfFreedom: 3), 0.115292, 1e-6))
        #expect(StudentT.cdf(0, degreesOfFreedom: 7) == 0.5)
    }

    @Test func meanWithTInterval() {
        let d = Estimators.descriptives([4, 5, 3, 4, 5, 2, 4, 4, 5, 3], scale: RatingScale(min: 1, max: 5))
        #expect(d.n == 10)
        #expect(close(d.mean, 3.9, 1e-12))
        #expect(close(d.sd, 0.99443, 1e-5))
        #expect(close(d.ci95?.lower, 3.189))
        #expect(close(d.ci95?.upper, 4.611))
        #expect(d.counts == [1: 0, 2: 1, 3: 2, 4: 4, 5: 3])
        #expect(d.isSmallSample)
    }

    @Test func descriptivesEdgeCases() {
        let none = Estimators.descriptives([], scale: RatingScale(min: 1, max: 3))
        #expect(none.n == 0 && none.mean == nil && none.sd == nil && none.ci95 == nil)
        #expect(none.counts == [1: 0, 2: 0, 3: 0])
        let one = Estimators.descriptives([4], scale: nil)
        #expect(one.mean == 4 && one.sd == nil && one.ci95 == nil)
        let same = Estimators.descriptives([3, 3, 3], scale: nil)
        #expect(same.sd == 0 && same.ci95 == Interval(3, 3))
    }

    /// Student's sleep data (Cushny & Peebles), the classic paired example: t = 4.0621, df = 9,
    /// p = 0.002833, mean difference 1.58, 95% CI [0.7001, 2.4599] (R `t.test(paired = TRUE)`, scipy).
    @Test func pairedTTestMatchesThePublishedExample() {
        let before: [Double] = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0]
        let after: [Double] = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4]
        let gap = Estimators.pairedGap(expectation: before, perception: after)
        #expect(gap.n == 10)
        #expect(close(gap.mean, 1.58, 1e-12))
        #expect(close(gap.t, 4.0621))
        #expect(close(gap.p, 0.002833, 1e-6))
        #expect(close(gap.ci95?.lower, 0.7001))
        #expect(close(gap.ci95?.upper, 2.4599))
        // Reversed, the shortfall is negative with the same p.
        let reversed = Estimators.pairedGap(expectation: after, perception: before)
        #expect(close(reversed.mean, -1.58, 1e-12) && close(reversed.p, 0.002833, 1e-6))
    }

    @Test func pairedGapWithNoVariationHasNoPValue() {
        let zero = Estimators.pairedGap(expectation: [4, 5, 6], perception: [4, 5, 6])
        #expect(zero.mean == 0 && zero.sd == 0 && zero.ci95 == Interval(0, 0) && zero.t == nil && zero.p == nil)
        let constant = Estimators.pairedGap(expectation: [4, 5, 6], perception: [3, 4, 5])
        #expect(constant.mean == -1 && constant.sd == 0 && constant.p == nil)
        let empty = Estimators.pairedGap(expectation: [], perception: [])
        #expect(empty.n == 0 && empty.mean == nil && empty.p == nil)
        let single = Estimators.pairedGap(expectation: [3], perception: [5])
        #expect(single.mean == 2 && single.sd == nil && single.p == nil)
    }

    @Test func npsWithMarginOfError() {
        let answers = [Double](repeating: 10, count: 50) + [Double](repeating: 7, count: 30) + [Double](repeating: 3, count: 20)
        let nps = Estimators.nps(answers)
        #expect(nps.promoters == 50 && nps.passives == 30 && nps.detractors == 20 && nps.n == 100)
        #expect(close(nps.score, 30, 1e-9))
        #expect(close(nps.moe95, 15.3, 0.05))
        let none = Estimators.nps([])
        #expect(none.n == 0 && none.score == nil && none.moe95 == nil)
        // Boundaries: 6 detracts, 7 and 8 are passive, 9 promotes.
        let edges = Estimators.nps([6, 7, 8, 9])
        #expect(edges.detractors == 1 && edges.passives == 2 && edges.promoters == 1 && edges.score == 0)
        let all = Estimators.nps([10, 10])
        #expect(all.score == 100 && all.moe95 == 0)
    }

    @Test func wilsonIntervals() {
        let third = Estimators.wilson(hits: 30, of: 100)
        #expect(close(third?.lower, 0.2189) && close(third?.upper, 0.3958))
        let none = Estimators.wilson(hits: 0, of: 10)
        #expect(none?.lower == 0 && close(none?.upper, 0.2775))
        #expect(Estimators.wilson(hits: 10, of: 10)?.upper == 1)
        #expect(Estimators.wilson(hits: 0, of: 0) == nil)
    }

    @Test func csatCountsTheTopPoints() {
        let csat = Estimators.csat([5, 4, 4, 3, 1, 2, 5, 5, 4, 3], scale: RatingScale(min: 1, max: 5), top: 2)
        #expect(csat.n == 10 && csat.hits == 6 && csat.score == 60)
        #expect(close(csat.ci95?.lower, 31.27, 0.01) && close(csat.ci95?.upper, 83.18, 0.01))
        #expect(Estimators.csat([], scale: RatingScale(min: 1, max: 5), top: 2).score == nil)
    }

    @Test func servqualOverallGaps() {
        let gaps: [Double?] = [-0.65, -1.10, -0.83, -0.70, -1.01]
        let (unweighted, weighted) = Estimators.overallGap(gaps: gaps, weights: [10, 30, 25, 20, 15])
        #expect(close(unweighted, -0.858, 1e-9))
        #expect(close(weighted, -0.894, 1e-9))
        let equal = Estimators.overallGap(gaps: gaps, weights: [1, 1, 1, 1, 1])
        #expect(close(equal.weighted, -0.858, 1e-9))
        // A dimension without data takes no part; its weight is renormalised away.
        let partial = Estimators.overallGap(gaps: [-1, nil, -2], weights: [1, 5, 3])
        #expect(close(partial.unweighted, -1.5, 1e-12) && close(partial.weighted, -1.75, 1e-12))
        #expect(Estimators.overallGap(gaps: [nil], weights: [1]) == (nil, nil))
    }

    @Test func kanoBetterWorseAndCategory() {
        let result = Estimators.kano(feature: "x", counts: [.attractive: 10, .oneDimensional: 20, .mustBe: 15, .indifferent: 5])
        #expect(close(result.better, 0.60, 1e-12) && close(result.worse, -0.70, 1e-12))
        #expect(result.category == .oneDimensional)
        #expect(result.n == 50)
    }

    @Test func kanoTiesAndTheEvaluationTable() {
        #expect(Estimators.kano(feature: "x", counts: [.attractive: 5, .mustBe: 5]).category == .mustBe)
        #expect(Estimators.kano(feature: "x", counts: [.attractive: 5, .oneDimensional: 5, .indifferent: 5]).category == .oneDimensional)
        #expect(Estimators.kano(feature: "x", counts: [.attractive: 3, .indifferent: 3]).category == .attractive)
        let empty = Estimators.kano(feature: "x", counts: [:])
        #expect(empty.category == nil && empty.better == nil && empty.worse == nil)
        let reverseOnly = Estimators.kano(feature: "x", counts: [.reverse: 4])
        #expect(reverseOnly.category == .reverse && reverseOnly.better == nil)
        // Like if present / dislike if absent: one-dimensional; like / neutral: attractive;
        // neutral / dislike: must-be; like / like: questionable; dislike / like: reverse.
        #expect(Estimators.kanoCategory(functional: 1, dysfunctional: 5) == .oneDimensional)
        #expect(Estimators.kanoCategory(functional: 1, dysfunctional: 3) == .attractive)
        #expect(Estimators.kanoCategory(functional: 3, dysfunctional: 5) == .mustBe)
        #expect(Estimators.kanoCategory(functional: 1, dysfunctional: 1) == .questionable)
        #expect(Estimators.kanoCategory(functional: 5, dysfunctional: 1) == .reverse)
        #expect(Estimators.kanoCategory(functional: 3, dysfunctional: 3) == .indifferent)
        #expect(Estimators.kanoCategory(functional: 0, dysfunctional: 3) == nil)
    }

    @Test func quantilesInterpolate() {
        #expect(Estimators.quantile([1, 2, 3, 4], 0.5) == 2.5)
        #expect(Estimators.quantile([5], 0.9) == 5)
        #expect(Estimators.quantile([], 0.5) == nil)
        #expect(close(Estimators.quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9), 9.1, 1e-12))
    }
}
