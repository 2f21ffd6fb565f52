import CanvassCore
import Testing
@testable import CanvassAnalysis

/// The differences behind an improvement action's verdict, against scipy 1.17 and statsmodels
/// 0.15 (values in the comments).
@Suite struct ActionEffectTests {
    func close(_ a: Double?, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
        guard let a else { return false }
        return abs(a - b) <= tolerance * max(1, abs(b))
    }

    /// before = [1, 2, 3, 4, 5], after = [2, 4, 6, 8, 10, 12]: scipy `ttest_ind(after, before,
    /// equal_var=False)` t = 2.3763541031440183, p = 0.04928433820673053, df = 6.972255729794934;
    /// statsmodels `tconfint_diff(usevar="unequal")` [0.016531304371169675, 7.98346869562883].
    @Test func welchMatchesScipy() throws {
        let result = try #require(Differences.welch(before: (3, 1.5811388300841898, 5), after: (7, 3.7416573867739413, 6)))
        #expect(close(result.difference, 4))
        #expect(close(result.statistic, 2.3763541031440183))
        #expect(close(result.degreesOfFreedom, 6.972255729794934))
        #expect(close(result.p, 0.04928433820673053, 1e-7))
        #expect(close(result.ci95.lower, 0.016531304371169675, 1e-7) && close(result.ci95.upper, 7.98346869562883, 1e-7))
    }

    /// All answers equal on both sides: no spread, so the difference is certain either way; one
    /// answer on a side is too few for a variance.
    @Test func welchWithoutSpreadOrWithOneAnswer() throws {
        let same = try #require(Differences.welch(before: (4, 0, 10), after: (4, 0, 12)))
        #expect(same.p == 1 && same.statistic == 0 && same.ci95 == Interval(0, 0))
        let moved = try #require(Differences.welch(before: (4, 0, 10), after: (5, 0, 12)))
        #expect(moved.p == 0 && moved.statistic == .infinity && moved.ci95 == Interval(1, 1))
        #expect(Differences.welch(before: (4, 1, 1), after: (5, 1, 12)) == nil)
        #expect(Differences.welch(before: (4, 1, 0), after: (5, 1, 12)) == nil)
    }

    /// 45 of 100 before, 72 of 120 after: statsmodels `proportions_ztest([72, 45], [120, 100])`
    /// z = 2.220146736365251, p = 0.02640880854829634; `confint_proportions_2indep(72, 120, 45,
    /// 100, method="newcomb", alpha=2·norm.sf(1.96))` [0.017648631464898645, 0.27544899960067476]
    /// (that alpha makes its Wilson intervals use z = 1.96, as SPEC §4's do).
    @Test func twoProportionsMatchStatsmodels() throws {
        let result = try #require(Differences.proportions(before: (0.45, 100), after: (0.6, 120)))
        #expect(close(result.difference, 0.15))
        #expect(close(result.statistic, 2.220146736365251))
        #expect(close(result.p, 0.02640880854829634, 1e-7))
        #expect(close(result.ci95.lower, 0.017648631464898645) && close(result.ci95.upper, 0.27544899960067476))
        #expect(result.degreesOfFreedom == nil)
    }

    /// Nobody on either side (0 of 40, 0 of 50): the pooled share is 0 and the z undefined
    /// (statsmodels gives nan); no change, p = 1, Newcombe [−0.08762453925039229, 0.07135003417431872].
    /// No answers on a side: no difference at all.
    @Test func twoProportionsAtZeroAndWithoutAnswers() throws {
        let result = try #require(Differences.proportions(before: (0, 40), after: (0, 50)))
        #expect(result.difference == 0 && result.p == 1)
        #expect(close(result.ci95.lower, -0.08762453925039229) && close(result.ci95.upper, 0.07135003417431872))
        #expect(Differences.proportions(before: (0.5, 0), after: (0.5, 10)) == nil)
    }

    /// By hand: P 40%, D 30%, n 100 → P 50%, D 20%, n 150. v = 100²(P + D − (P − D)²): 6,900 and
    /// 6,100; SE = √(69 + 40.667) = 10.472185381603339; d = 20; z = 1.9098210422376907;
    /// p = 2·(1 − Φ(z)) = 0.05615625902331826 (scipy `norm.sf`); interval 20 ± 1.96·SE.
    @Test func npsDifferenceByHand() throws {
        let result = try #require(Differences.nps(before: (0.4, 0.3, 100), after: (0.5, 0.2, 150)))
        #expect(close(result.difference, 20))
        #expect(close(result.statistic, 1.9098210422376907))
        #expect(close(result.p, 0.05615625902331826, 1e-7))
        #expect(close(result.ci95.lower, 20 - 1.96 * 10.472185381603339) && close(result.ci95.upper, 20 + 1.96 * 10.472185381603339))
        // Everyone a promoter on both sides: no spread, no change.
        let all = try #require(Differences.nps(before: (1, 0, 30), after: (1, 0, 40)))
        #expect(all.difference == 0 && all.p == 1)
        #expect(Differences.nps(before: (0.4, 0.3, 0), after: (0.5, 0.2, 150)) == nil)
    }
}
