import CanvassCore
import Testing
@testable import CanvassAnalysis

/// The verdict beside a gap must never contradict the gap (issue: "Service −1.34 · Keep up the
/// good work"): the importance half comes from the quadrant, the performance half from the gap.
@Suite struct VerdictTests {
    /// Expectation 5 everywhere, perception 5 + the given differences: the gap is their mean.
    func gap(_ differences: [Double]) -> PairedGap {
        Estimators.pairedGap(expectation: differences.map { _ in 5 }, perception: differences.map { 5 + $0 })
    }

    @Test func quadrantsCountTheCrosshairAsHigh() {
        #expect(Quadrant.of(importance: 4, performance: 3, crosshairX: 4, crosshairY: 3.5) == .concentrateHere)
        #expect(Quadrant.of(importance: 4, performance: 3.5, crosshairX: 4, crosshairY: 3.5) == .keepUpTheGoodWork)
        #expect(Quadrant.of(importance: 3.9, performance: 3, crosshairX: 4, crosshairY: 3.5) == .lowPriority)
        #expect(Quadrant.of(importance: 3.9, performance: 4, crosshairX: 4, crosshairY: 3.5) == .possibleOverkill)
    }

    @Test func aClearShortfallIsNeverToKeepUpOrOverkill() throws {
        // Differences −2, −1, −1, −1: mean −1.25, sd 0.5, 95% CI −1.25 ± 3.182 × 0.25 = [−2.05, −0.45].
        let shortfall = gap([-2, -1, -1, -1])
        let ci = try #require(shortfall.ci95)
        #expect(ci.upper < 0)
        #expect(Verdict.of(quadrant: .keepUpTheGoodWork, gap: shortfall) == .concentrateHere)
        #expect(Verdict.of(quadrant: .concentrateHere, gap: shortfall) == .concentrateHere)
        #expect(Verdict.of(quadrant: .possibleOverkill, gap: shortfall) == .fixLater)
        #expect(Verdict.of(quadrant: .lowPriority, gap: shortfall) == .fixLater)
    }

    @Test func aGapWhoseIntervalCoversZeroMeetsExpectations() throws {
        // Differences −1, 1, −1, 0: mean −0.25, CI spans zero.
        let unclear = gap([-1, 1, -1, 0])
        let ci = try #require(unclear.ci95)
        #expect(ci.lower < 0 && ci.upper > 0)
        #expect(Verdict.of(quadrant: .concentrateHere, gap: unclear) == .keepUpTheGoodWork)
        #expect(Verdict.of(quadrant: .possibleOverkill, gap: unclear) == .lowPriority)
        #expect(Verdict.of(quadrant: .lowPriority, gap: unclear) == .lowPriority)
    }

    @Test func aClearSurplusOnALessImportantDimensionIsPossibleOverkill() {
        let surplus = gap([1, 2, 1, 1])
        #expect(Verdict.of(quadrant: .possibleOverkill, gap: surplus) == .possibleOverkill)
        #expect(Verdict.of(quadrant: .lowPriority, gap: surplus) == .possibleOverkill)
        #expect(Verdict.of(quadrant: .concentrateHere, gap: surplus) == .keepUpTheGoodWork)
    }

    @Test func allEqualDifferencesCollapseTheIntervalOntoTheGap() {
        // sd 0: the CI is the single point −1, so the shortfall is certain; all zero meets.
        #expect(Verdict.of(quadrant: .keepUpTheGoodWork, gap: gap([-1, -1, -1])) == .concentrateHere)
        #expect(Verdict.of(quadrant: .possibleOverkill, gap: gap([0, 0, 0])) == .lowPriority)
    }

    @Test func withoutAnIntervalTheSignDecidesAndWithoutAGapTheQuadrant() {
        // One respondent: no interval, but the verdict still may not contradict the sign.
        let single = gap([-2])
        #expect(single.ci95 == nil)
        #expect(Verdict.of(quadrant: .keepUpTheGoodWork, gap: single) == .concentrateHere)
        let none = gap([])
        #expect(none.mean == nil)
        for quadrant in Quadrant.allCases {
            #expect(Verdict.of(quadrant: quadrant, gap: none)?.rawValue == quadrant.rawValue)
        }
        #expect(Verdict.of(quadrant: nil, gap: single) == nil)
    }
}
