import CanvassCore
import Testing
@testable import CanvassAnalysis

/// Target-segment selection: sizes, shortfalls with their linearised intervals, attribute means,
/// scaling, scores, ranks and the recommendation. Figures by hand (t quantiles from
/// scipy.stats.t.ppf), written out beside each expectation.
@Suite struct TargetingTests {
    func close(_ a: Double?, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
        guard let a else { return false }
        return abs(a - b) <= tolerance
    }

    /// Six respondents in plans a, a, a, b, b, c with revenue 10…60; dimension d1 (weight 2):
    /// differences −2, −1, 0, 0, 1, −3; d2 (weight 1): 0, −2, 0, −1, missing, 0. `copies` repeats them.
    static func survey(copies: Int = 1, weights: [Double]? = nil) -> (ProjectConfig, [SurveyData]) {
        var survey = SurveyConfig(file: "s.csv", idColumn: "id")
        survey.pairs = [.init(dimension: "d1", expectation: "e1", perception: "p1"), .init(dimension: "d2", expectation: "e2", perception: "p2")]
        survey.attributes = [.init(name: "plan", kind: .category), .init(name: "rev", kind: .numeric)]
        var numbers: [String: [Double?]] = [
            "e1": [5, 5, 5, 5, 5, 5], "p1": [3, 4, 5, 5, 6, 2], "e2": [4, 4, 4, 4, 4, 4], "p2": [4, 2, 4, 3, nil, 4],
            "rev": [10, 20, 30, 40, 50, 60],
        ]
        var plans: [String?] = ["a", "a", "a", "b", "b", "c"]
        if let weights {
            survey.weight = "w"
            numbers["w"] = weights
        }
        numbers = numbers.mapValues { Array(Array(repeating: $0, count: copies).joined()) }
        plans = Array(Array(repeating: plans, count: copies).joined())
        let n = plans.count
        let data = SurveyData(
            config: survey, path: "content/s.csv", ids: (0..<n).map { "r\($0)" }, lines: (0..<n).map { $0 + 2 },
            waves: Array(repeating: nil, count: n), numbers: numbers, texts: ["plan": plans],
            emptyCounts: [:], mappedColumns: ["id"] + numbers.keys.sorted() + ["plan"], findings: [])
        var config = ProjectConfig(title: "t")
        config.dimensions = [Dimension(id: "d1", label: "D1", weight: 2), Dimension(id: "d2", label: "D2", weight: 1)]
        config.surveys = [survey]
        var targeting = TargetingConfig()
        targeting.value = "rev"
        targeting.segments = ["plan"]
        targeting.weights = [.size: 1, .value: 1, .shortfall: 2]
        config.targeting = targeting
        return (config, [data])
    }

    func targets(copies: Int = 1, weights: [Double]? = nil) throws -> TargetingResults {
        let (config, surveys) = Self.survey(copies: copies, weights: weights)
        return try #require(SurveyAnalyzer(config: config, surveys: surveys).analyse()?.targeting)
    }

    @Test func eachSegmentIsMeasuredScaledAndScoredAsByHand() throws {
        let results = try targets()
        #expect(results.criteria.map(\.criterion) == [.size, .value, .shortfall])
        #expect(results.criteria.map(\.weight) == [0.25, 0.25, 0.5])
        #expect(results.personas.isEmpty && results.recommendedKind == .segment)
        // Ranked by score: c 0.8333, a 0.5556, b 0.3542.
        #expect(results.segments.map(\.id) == ["c", "a", "b"])
        #expect(results.segments.map(\.rank) == [1, 2, 3])
        let c = results.segments[0], a = results.segments[1], b = results.segments[2]
        #expect(a.n == 3 && b.n == 2 && c.n == 1)
        #expect(close(a.size.score, 50) && close(b.size.score, 100.0 / 3) && close(c.size.score, 100.0 / 6))
        #expect(close(a.value?.mean, 20) && close(b.value?.mean, 45) && close(c.value?.mean, 60))
        // a: d1 mean −1, d2 mean −2/3 → 2/3·(−1) + 1/3·(−2/3) = −8/9.
        #expect(close(a.gap?.mean, -8.0 / 9) && close(a.shortfall, 8.0 / 9))
        // b: d1 0.5 over both, d2 −1 over the one who answered it → 0: no shortfall.
        #expect(close(b.gap?.mean, 0, 1e-15) && b.shortfall == 0)
        #expect(close(c.gap?.mean, -2) && c.gap?.ci95 == nil, "one respondent: no interval")
        // Scaled: size 1, 2/3, 1/3; value (÷60) 1/3, 3/4, 1; shortfall (÷2) 4/9, 0, 1.
        #expect(close(a.scaled[.size], 1) && close(b.scaled[.size], 2.0 / 3) && close(c.scaled[.size], 1.0 / 3))
        #expect(close(a.scaled[.value], 1.0 / 3) && close(b.scaled[.value], 0.75) && close(c.scaled[.value], 1))
        #expect(close(a.scaled[.shortfall], 4.0 / 9) && close(b.scaled[.shortfall], 0) && close(c.scaled[.shortfall], 1))
        #expect(close(a.score, 5.0 / 9) && close(b.score, 0.25 * 2 / 3 + 0.25 * 0.75) && close(c.score, 0.25 / 3 + 0.25 + 0.5))
    }

    /// With complete answers and no weights the interval is the t interval of each respondent's
    /// dimension-weighted difference: a's are −4/3, −4/3, 0 (sd 0.7698, t(0.975, 2) = 4.302653).
    /// With a missing answer (b) the linearised variance: z = ∓1/6, Σz²·n/(n − 1) = 1/9.
    @Test func theShortfallIntervalIsTheLinearisedOneOfTheWeightedSumOfMeans() throws {
        let results = try targets()
        let a = try #require(results.segments.first { $0.id == "a" }), b = try #require(results.segments.first { $0.id == "b" })
        let half = 4.302652729911275 * (0.5925925925925926).squareRoot() / 3.0.squareRoot()
        #expect(close(a.gap?.ci95?.lower, -8.0 / 9 - half, 1e-7) && close(a.gap?.ci95?.upper, -8.0 / 9 + half, 1e-7))
        let halfB = 12.706204736174707 / 3
        #expect(close(b.gap?.ci95?.lower, -halfB, 1e-7) && close(b.gap?.ci95?.upper, halfB, 1e-7))
        #expect(a.cautions == [.smallSample, .shortfallUncertain], "a's interval reaches 0")
        #expect(b.cautions == [.smallSample], "no shortfall, nothing uncertain about it")
    }

    @Test func aCandidateUnder30IsShownButNeverRecommended() throws {
        // Six respondents: nobody is recommended.
        let small = try targets()
        #expect(small.primary == nil && small.secondary == nil)
        // Ten copies: a has 30, b 20, c 10. c still scores highest, but only a may be recommended.
        let results = try targets(copies: 10)
        #expect(results.segments.map(\.id) == ["c", "a", "b"])
        #expect(results.segments.map(\.n) == [10, 30, 20])
        #expect(results.primary?.id == "a" && results.secondary == nil)
        #expect(close(results.segments[1].score, 5.0 / 9), "scores do not depend on how many copies")
    }

    /// Weights of the same size everywhere give the unweighted figures.
    @Test func allEqualWeightsGiveTheUnweightedRanking() throws {
        let plain = try targets(), weighted = try targets(weights: [2, 2, 2, 2, 2, 2])
        #expect(weighted.weighted && !plain.weighted)
        for (x, y) in zip(plain.segments, weighted.segments) {
            #expect(x.id == y.id && x.rank == y.rank)
            #expect(close(y.score, x.score!, 1e-12) && close(y.gap?.mean, x.gap!.mean, 1e-12) && close(y.size.score, x.size.score!, 1e-12))
            #expect(close(y.value?.mean, x.value!.mean!, 1e-12))
        }
    }

    /// Unequal weights move the size and the means: a's respondents weigh 3, the others 1.
    @Test func weightsMoveSizesAndMeans() throws {
        let results = try targets(weights: [3, 3, 3, 1, 1, 1])
        let a = try #require(results.segments.first { $0.id == "a" })
        #expect(close(a.size.score, 75))
        #expect(close(a.value?.mean, 20) && close(a.gap?.mean, -8.0 / 9), "equal weights within a leave its own means")
    }

    /// Reach and growth are the means of their attributes; growth can fall, so it is scaled from
    /// the lowest to the highest. Here reach reads `rev` ÷ 100 and growth `rev` − 45.
    @Test func reachAndGrowthAreMeasuredWhenMapped() throws {
        var (config, surveys) = Self.survey()
        let rev = surveys[0].numbers["rev"]!
        surveys[0].numbers["reach"] = rev.map { $0.map { $0 / 100 } }
        surveys[0].numbers["growth"] = rev.map { $0.map { $0 - 45 } }
        surveys[0].config.attributes += [.init(name: "reach", kind: .numeric), .init(name: "growth", kind: .numeric)]
        config.surveys = [surveys[0].config]
        config.targeting?.reach = "reach"
        config.targeting?.growth = "growth"
        let results = try #require(SurveyAnalyzer(config: config, surveys: surveys).analyse()?.targeting)
        #expect(results.criteria.map(\.criterion) == [.size, .value, .shortfall, .reach, .growth])
        // Weights 1, 1, 2, and 1 each for the two left out: 1/6, 1/6, 1/3, 1/6, 1/6.
        let sixth = 1.0 / 6
        #expect(results.criteria.map(\.weight) == [sixth, sixth, 2 * sixth, sixth, sixth])
        let a = try #require(results.segments.first { $0.id == "a" }), b = try #require(results.segments.first { $0.id == "b" })
        #expect(close(a.reach?.mean, 0.2) && close(a.growth?.mean, -25) && close(b.growth?.mean, 0))
        // Growth −25 (a), 0 (b), 15 (c): scaled 0, 25/40, 1. Reach 0.2, 0.45, 0.6: a fraction of 0.6.
        #expect(close(a.scaled[.growth], 0) && close(b.scaled[.growth], 25.0 / 40) && close(a.scaled[.reach], 1.0 / 3))
        let expected: Double = (1 + 1.0 / 3 + 8.0 / 9 + 1.0 / 3) / 6
        #expect(close(a.score, expected))
    }

    @Test func scalingIsAFractionOfTheBestOrMinToMaxWithNegatives() {
        #expect(TargetSelection.scale([2, 4, nil]) == [0.5, 1, nil])
        #expect(TargetSelection.scale([0, 0]) == [0, 0], "nobody has any: all 0, no division by 0")
        #expect(TargetSelection.scale([-1, 1, 3]) == [0, 0.5, 1])
        #expect(TargetSelection.scale([-2, -2]) == [0, 0])
        #expect(TargetSelection.scale([nil, nil]) == [nil, nil])
    }

    /// Equal scores are ordered by size, then by id; a candidate without an amount for a counted
    /// criterion is not scored and comes last, unranked.
    @Test func tiesGoToTheLargerAndUnmeasuredComeLast() {
        var config = TargetingConfig()
        config.value = "rev"
        config.weights = [.size: 0, .shortfall: 0, .value: 1]
        let (project, surveys) = Self.survey()
        let selection = TargetSelection(
            analyzer: SurveyAnalyzer(config: project, surveys: surveys), pool: RespondentPool(surveys: surveys, excluding: []),
            config: config, dimensionWeights: [])
        func candidate(_ id: String, size: Double, value: Double?) -> TargetingResults.Candidate {
            var c = TargetingResults.Candidate(kind: .segment, id: id, attribute: "plan", n: 40, size: ShareResult(n: 100, hits: Int(size), score: size, ci95: nil), gap: nil)
            c.value = value.map { Descriptives(n: 40, mean: $0, sd: nil, ci95: nil, counts: [:]) }
            return c
        }
        let ranked = selection.ranked([candidate("x", size: 20, value: 5), candidate("y", size: 30, value: 5), candidate("w", size: 30, value: 5), candidate("z", size: 50, value: nil)])
        #expect(ranked.map(\.id) == ["w", "y", "x", "z"])
        #expect(ranked.map(\.rank) == [1, 2, 3, nil])
        #expect(ranked[3].cautions.contains(.unmeasured) && !ranked[3].eligible)
    }
}
