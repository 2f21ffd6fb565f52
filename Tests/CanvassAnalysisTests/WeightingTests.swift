import CanvassCore
import Testing
@testable import CanvassAnalysis

/// Raking, Kish's design effect and effective n, weighted estimators and the chi-square test.
/// Reference values from numpy and scipy 1.17 (an independent raking loop, `stats.chi2.sf`,
/// `stats.chisquare`, `stats.t.ppf`); the script is in the closing note of the issue.
@Suite struct WeightingTests {
    func close(_ a: Double?, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
        guard let a else { return false }
        return abs(a - b) <= tolerance
    }

    /// Eight respondents, two margins (a: 50/50, b: 70/30).
    let a: [Int?] = [0, 0, 0, 1, 1, 1, 1, 0]
    let b: [Int?] = [0, 1, 1, 0, 0, 1, 0, 0]
    var margins: [Raking.Margin] { [.init(cells: a, shares: [0.5, 0.5]), .init(cells: b, shares: [0.7, 0.3])] }

    @Test func rakingMeetsEveryMarginAndAgreesWithAnIndependentLoop() throws {
        let result = try Raking.rake(rows: 8, margins: margins).get()
        let expected = [1.177638883463, 0.822361116537, 0.822361116537, 1.081574077691, 1.081574077691, 0.755277766926, 1.081574077691, 1.177638883463]
        for (weight, reference) in zip(result.weights, expected) { #expect(close(weight, reference, 1e-9)) }
        #expect(Raking.largestMiss(result.weights, margins) < Raking.tolerance)
        #expect(close(result.weights.reduce(0, +) / 8, 1, 1e-12), "weights have mean 1")
        let effect = try #require(Raking.designEffect(result.weights))
        #expect(close(effect.deff, 1.02575928168578, 1e-9))
        #expect(close(effect.effectiveN, 7.799100766460951, 1e-9))
    }

    /// A sample that already matches the margins keeps weights of exactly 1, and the weighted
    /// estimators then give the unweighted figures exactly.
    @Test func allEqualWeightsGiveTheUnweightedFiguresExactly() throws {
        let result = try Raking.rake(rows: 4, margins: [.init(cells: [0, 1, 0, 1], shares: [0.5, 0.5])]).get()
        #expect(result.weights == [1, 1, 1, 1])
        let values = [3.0, 5, 6, 7, 2, 4], ones = [Double](repeating: 1, count: 6)
        let scale = RatingScale(min: 1, max: 7)
        #expect(Estimators.descriptives(values, weights: ones, scale: scale) == Estimators.descriptives(values, scale: scale))
        let expectation = [5.0, 6, 6, 7, 4, 5]
        #expect(Estimators.pairedGap(expectation: expectation, perception: values, weights: ones) == Estimators.pairedGap(expectation: expectation, perception: values))
        let answers = [10.0, 9, 7, 3, 6, 8]
        #expect(Estimators.nps(answers, weights: ones) == Estimators.nps(answers))
        let hits = [true, false, true, true, false, false]
        #expect(Estimators.share(hits: hits, weights: ones) == Estimators.share(hits: 3, of: 6))
    }

    @Test func weightedMeanSdAndIntervalUseTheEffectiveSampleSize() throws {
        let weights = try Raking.rake(rows: 8, margins: margins).get().weights
        let stats = Estimators.descriptives([1, 2, 3, 4, 5, 6, 7, 7], weights: weights, scale: RatingScale(min: 1, max: 7))
        #expect(close(stats.mean, 4.421221061875855))
        #expect(close(stats.sd, 2.3258203826444093))
        #expect(close(stats.ci95?.lower, 2.4400445367958543, 1e-7) && close(stats.ci95?.upper, 6.402397586955855, 1e-7))
        #expect(stats.n == 8 && stats.counts[7] == 2, "n and the distribution stay counts of respondents")
    }

    /// NPS with weights: 2 promoters weighing 3, 1 detractor weighing 1 → P = 6/7, D = 1/7.
    @Test func weightedNPSUsesWeightedSharesAndEffectiveN() {
        let result = Estimators.nps([10, 9, 2], weights: [1.5, 1.5, 0.5])
        #expect(result.promoters == 2 && result.detractors == 1 && result.n == 3)
        #expect(close(result.score, 100 * (3.0 / 3.5 - 0.5 / 3.5)))
        let p = 3.0 / 3.5, d = 0.5 / 3.5, nEff = 3.5 * 3.5 / (1.5 * 1.5 * 2 + 0.25)
        #expect(close(result.moe95, 1.96 * 100 * ((p + d - (p - d) * (p - d)) / nEff).squareRoot()))
        #expect(Estimators.nps([], weights: []).score == nil)
    }

    @Test func aPopulationCellWithNoRespondentCannotBeRaked() {
        let result = Raking.rake(rows: 3, margins: [.init(cells: [0, 0, 2], shares: [0.3, 0.3, 0.4])])
        #expect(result == .failure(.emptyCell(margin: 0, cell: 1)))
    }

    /// Two margins the sample makes contradict each other (every b=1 row is a=1, yet a=1 must be
    /// 10% and b=1 60%) cannot both be met: raking reports it instead of returning weights.
    @Test func contradictoryMarginsDoNotConverge() {
        let result = Raking.rake(rows: 4, margins: [
            .init(cells: [0, 0, 1, 1], shares: [0.9, 0.1]), .init(cells: [0, 0, 1, 1], shares: [0.4, 0.6]),
        ], maxIterations: 200)
        guard case .failure(.noConvergence(let miss, let sweeps)) = result else { Issue.record("\(result)"); return }
        #expect(miss > 0.1 && sweeps == 200)
    }

    /// Trimming keeps every weight within the bounds and the margins still met (re-raked).
    @Test func trimmingBoundsTheWeightsAndReRakes() throws {
        // One of ten rows is in cell 1, which must be 30%: untrimmed its weight would be 3.86.
        let cells: [Int?] = [1, 0, 0, 0, 0, 0, 0, 0, 0, 0]
        let free = try Raking.rake(rows: 10, margins: [.init(cells: cells, shares: [0.7, 0.3])]).get()
        #expect(free.weights[0] > 2.5)
        let trimmed = Raking.rake(rows: 10, margins: [.init(cells: cells, shares: [0.7, 0.3])], trim: (0.5, 2.5))
        #expect(trimmed == .failure(.trimmingDoesNotSettle(rounds: 500)), "one row cannot carry 30% under a cap of 2.5")
        // Two margins leave room: untrimmed the largest weight is 2.28; capped at 2.2 the margins
        // are still met (numpy: 1.3, 1.3, 0.725 × 6, 2.2, 1.4, 0.725 × 2).
        let spread: [Raking.Margin] = [
            .init(cells: [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0], shares: [0.7, 0.3]), .init(cells: [1, 1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0], shares: [0.6, 0.4]),
        ]
        let loose = try Raking.rake(rows: 12, margins: spread).get()
        #expect(close(loose.weights.max(), 2.275716626080804, 1e-6) && loose.trimmed == 0)
        let bounded = try Raking.rake(rows: 12, margins: spread, trim: (0.4, 2.2)).get()
        #expect(bounded.weights.allSatisfy { $0 <= 2.2 * (1 + 1e-8) && $0 >= 0.4 })
        #expect(close(bounded.weights[8], 2.2, 1e-6) && close(bounded.weights[9], 1.4, 1e-6) && close(bounded.weights[2], 0.725, 1e-6))
        #expect(Raking.largestMiss(bounded.weights, spread) < Raking.tolerance)
        #expect(bounded.trimmed == 1)
    }

    @Test func chiSquareAgreesWithScipy() throws {
        #expect(close(ChiSquare.upperTail(7.5, degreesOfFreedom: 2), 0.023517745856009114, 1e-12))
        #expect(close(ChiSquare.upperTail(0.3, degreesOfFreedom: 1), 0.583882420770365, 1e-12))
        #expect(close(ChiSquare.upperTail(45, degreesOfFreedom: 10), 2.1747272576671776e-06, 1e-15))
        #expect(close(ChiSquare.upperTail(3, degreesOfFreedom: 5), 0.6999858358786276, 1e-12))
        #expect(ChiSquare.upperTail(0, degreesOfFreedom: 3) == 1)
        let test = try #require(ChiSquare.goodnessOfFit(observed: [30, 50, 20], shares: [0.4, 0.4, 0.2]))
        #expect(close(test.statistic, 5) && test.degreesOfFreedom == 2 && close(test.p, 0.0820849986238988, 1e-12))
        #expect(ChiSquare.goodnessOfFit(observed: [0, 0], shares: [0.5, 0.5]) == nil, "n = 0 has no test")
    }
}
