import Foundation
import CanvassCore
import Testing
@testable import CanvassAnalysis

@Suite struct PersonaClusteringTests {
    /// Three planted groups, mixed types: two numeric attributes with separated means, one
    /// category with a dominant value per group, and 5% of every attribute missing.
    static func planted(perGroup: Int = 200, seed: UInt64 = 7) -> (numeric: [[Double?]], categorical: [[String?]], truth: [Int]) {
        var generator = SeededGenerator(seed: seed)
        func normal() -> Double {
            // Box–Muller from the seeded generator.
            let u = max(generator.unit(), 1e-12), v = generator.unit()
            return (-2 * log(u)).squareRoot() * cos(2 * .pi * v)
        }
        let centres: [(Double, Double)] = [(-2, -2), (2, 0), (0, 3)]
        let dominant = ["basic", "pro", "enterprise"]
        var a: [Double?] = [], b: [Double?] = [], plan: [String?] = [], truth: [Int] = []
        for group in 0..<3 {
            for _ in 0..<perGroup {
                a.append(generator.unit() < 0.05 ? nil : centres[group].0 + 0.6 * normal())
                b.append(generator.unit() < 0.05 ? nil : centres[group].1 + 0.6 * normal())
                let other = dominant[(group + 1 + generator.index(below: 2)) % 3]
                plan.append(generator.unit() < 0.05 ? nil : (generator.unit() < 0.85 ? dominant[group] : other))
                truth.append(group)
            }
        }
        return ([a, b], [plan], truth)
    }

    @Test func recoversPlantedClustersWithFixedK() {
        let (numeric, categorical, truth) = Self.planted()
        let data = KPrototypes.Data(numeric: numeric, categorical: categorical)
        let result = KPrototypes(k: 3).fit(data, seed: 42)
        #expect(ClusterAgreement.adjustedRandIndex(truth, result.labels) >= 0.9)
    }

    @Test func autoKFindsThePlantedNumberAndRecoversIt() throws {
        let (numeric, categorical, truth) = Self.planted()
        let surveys = [Self.survey(numeric: numeric, categorical: categorical)]
        var config = ProjectConfig(title: "t")
        var personas = PersonaConfig()
        personas.attributes = ["a", "b", "plan"]
        config.personas = personas
        let analysis = try #require(SurveyAnalyzer(config: config, surveys: surveys).analyseWithPersonas())
        let segments = try #require(analysis.personas)
        #expect(segments.segmentation.k == 3)
        #expect(ClusterAgreement.adjustedRandIndex(truth, segments.segmentation.labels) >= 0.9)
        #expect(segments.segmentation.silhouetteByK.map(\.label) == ["2", "3", "4", "5", "6"])
        #expect((segments.segmentation.stability ?? 0) >= 0.9)
        #expect(segments.segmentation.stabilityRuns.count == 5)
    }

    /// The stability runs cluster subsets taken from the full data's coded categories: a subset
    /// that lacks a value must give the data, and the clusters, its own texts would.
    @Test func codedSubsetEqualsTheSubsetsOwnTexts() {
        let numeric: [[Double?]] = [[1, 2, nil, 4, 5, 6]]
        let categorical: [[String?]] = [["pro", "basic", "enterprise", nil, "pro", "enterprise"], ["x", "y", "x", "y", nil, "x"]]
        let coded = categorical.map(KPrototypes.Data.coded)
        #expect(coded[0].levels == ["basic", "enterprise", "pro"])
        #expect(coded[0].codes == [2, 0, 1, -1, 2, 1])
        let rows = [0, 2, 3, 5] // no "basic", no "y"-less column: both levels of the second stay
        let fromTexts = KPrototypes.Data(numeric: numeric.map { c in rows.map { c[$0] } }, categorical: categorical.map { c in rows.map { c[$0] } })
        let fromCodes = KPrototypes.Data(numeric: numeric.map { c in rows.map { c[$0] } }, codes: coded.map { c in rows.map { c.codes[$0] } }, levels: coded.map(\.levels))
        #expect(fromCodes.levels == [["enterprise", "pro"], ["x", "y"]])
        #expect(fromCodes.levels == fromTexts.levels)
        #expect(fromCodes.categories == fromTexts.categories)
        #expect(fromCodes.numeric.map { $0.map(\.bitPattern) } == fromTexts.numeric.map { $0.map(\.bitPattern) })
        #expect(fromCodes.modes == fromTexts.modes)
        #expect(KPrototypes(k: 2).fit(fromCodes, seed: 3).labels == KPrototypes(k: 2).fit(fromTexts, seed: 3).labels)
    }

    @Test func costNeverIncreasesAcrossIterations() {
        let (numeric, categorical, _) = Self.planted(perGroup: 120, seed: 11)
        let data = KPrototypes.Data(numeric: numeric, categorical: categorical)
        for restart in 0..<10 {
            let run = KPrototypes(k: 4).run(data, seed: UInt64(restart))
            for (before, after) in zip(run.costHistory, run.costHistory.dropFirst()) {
                #expect(after <= before + 1e-9, "cost rose from \(before) to \(after)")
            }
        }
    }

    /// Survey attributes repeat (ages, plans), and identical rows are measured once: every row must
    /// still sit with its nearest prototype, the cost must be each row's distance added up, and
    /// a missing value must not be mistaken for a present one.
    @Test func repeatedRowsAreAssignedAndCostedAsIfEachWereMeasured() {
        var generator = SeededGenerator(seed: 5)
        var age: [Double?] = [], plan: [String?] = []
        for _ in 0..<600 {
            let draw = generator.index(below: 10)
            age.append(draw == 0 ? nil : Double(20 + 5 * generator.index(below: 6)))
            plan.append(draw == 1 ? nil : ["basic", "pro", "enterprise"][generator.index(below: 3)])
        }
        let data = KPrototypes.Data(numeric: [age], categorical: [plan])
        #expect(data.groupRows.count < 30)
        let result = KPrototypes(k: 4).fit(data, seed: 8)
        var cost = 0.0
        for i in 0..<data.count {
            let distances = result.prototypes.map { KPrototypes.distance(data, i, $0, gamma: KPrototypes.gamma) }
            #expect(distances[result.labels[i]] == distances.min()!, "row \(i) is not with its nearest prototype")
            cost += distances[result.labels[i]]
        }
        #expect(abs(result.cost - cost) < 1e-9 * max(cost, 1))
        // Rows differing only in which value is missing are different rows.
        let gaps = KPrototypes.Data(numeric: [[1, nil, 1]], categorical: [[nil, "x", "x"]])
        #expect(gaps.groupRows == [0, 1, 2])
    }

    @Test func theSameSeedGivesTheSameClustersAndAnotherNeedNot() {
        let (numeric, categorical, _) = Self.planted(perGroup: 80, seed: 3)
        let data = KPrototypes.Data(numeric: numeric, categorical: categorical)
        let one = KPrototypes(k: 3).fit(data, seed: 99)
        let two = KPrototypes(k: 3).fit(data, seed: 99)
        #expect(one.labels == two.labels && one.cost == two.cost && one.prototypes == two.prototypes)
    }

    @Test func zScoresUsePopulationSDAndMismatchesCostGamma() {
        let data = KPrototypes.Data(numeric: [[1, 2, 3]], categorical: [["x", "y", nil]])
        #expect(abs(data.numeric[0][0] + 1.224744871) < 1e-9)
        #expect(data.numeric[0][1] == 0)
        let prototype = KPrototypes.Prototype(numeric: [0], categories: [0])
        // Row 0: (−1.2247 − 0)² + 0 (x matches x) = 1.5; row 1: 0 + γ = 0.5; row 2: 1.5 + nothing (missing).
        #expect(abs(KPrototypes.distance(data, 0, prototype, gamma: 0.5) - 1.5) < 1e-9)
        #expect(KPrototypes.distance(data, 1, prototype, gamma: 0.5) == 0.5)
        #expect(abs(KPrototypes.distance(data, 2, prototype, gamma: 0.5) - 1.5) < 1e-9)
        #expect(KPrototypes.gamma == 0.5)
    }

    @Test func adjustedRandIndexByHand() {
        // Contingency (0,0)=2, (1,1)=1, (1,2)=1: index 1, expected 1/3, max 1.5 → 4/7 (sklearn agrees).
        #expect(abs(ClusterAgreement.adjustedRandIndex([0, 0, 1, 1], [0, 0, 1, 2]) - 4.0 / 7.0) < 1e-12)
        #expect(ClusterAgreement.adjustedRandIndex([0, 0, 1, 1, 2], [5, 5, 3, 3, 9]) == 1)
        #expect(ClusterAgreement.adjustedRandIndex([0, 1, 0, 1], [0, 0, 1, 1]) < 0)
    }

    @Test func silhouetteByHand() {
        // Points 0, 1 | 5, 6 on a line: s = 0.8182, 0.7778, 0.7778, 0.8182 → mean 0.79798.
        let points: [Double] = [0, 1, 5, 6]
        let mean = ClusterAgreement.meanSilhouette(labels: [0, 0, 1, 1]) { abs(points[$0] - points[$1]) }
        #expect(abs((mean ?? 0) - 0.797979798) < 1e-6)
        #expect(ClusterAgreement.meanSilhouette(labels: [0, 0, 0]) { _, _ in 1 } == nil)
        // A point alone in its cluster scores 0; points 1 and 5 score (1 − 4)/4 and (5 − 4)/5.
        let single = ClusterAgreement.meanSilhouette(labels: [0, 1, 1]) { abs(points[$0] - points[$1]) }
        #expect(abs((single ?? 0) - (0 - 0.75 + 0.2) / 3) < 1e-12)
    }

    /// A survey whose numeric attributes are `a`, `b` and category `plan`.
    static func survey(numeric: [[Double?]], categorical: [[String?]]) -> SurveyData {
        var config = SurveyConfig(file: "s.csv", idColumn: "id")
        config.attributes = [.init(name: "a", kind: .numeric), .init(name: "b", kind: .numeric), .init(name: "plan", kind: .category)]
        let n = numeric[0].count
        return SurveyData(
            config: config, path: "content/s.csv", ids: (0..<n).map { "r\($0)" }, lines: (0..<n).map { $0 + 2 },
            waves: Array(repeating: nil, count: n), numbers: ["a": numeric[0], "b": numeric[1]], texts: ["plan": categorical[0]],
            emptyCounts: [:], mappedColumns: ["id", "a", "b", "plan"], findings: [])
    }
}

/// `canvass build` keeps fitted segmentations in `.canvass-cache/segmentation.bin`: read back, one
/// must give exactly the segmentation a fresh fit gives, and only for exactly the same inputs.
@Suite struct SegmentationStoreTests {
    func analyse(_ surveys: [SurveyData], store: SegmentationStore?, k: PersonaConfig.K = .auto) throws -> PersonaSegments {
        var config = ProjectConfig(title: "t")
        var personas = PersonaConfig()
        personas.attributes = ["a", "b", "plan"]
        personas.k = k
        config.personas = personas
        let analysis = try #require(SurveyAnalyzer(config: config, surveys: surveys, memo: store.map(StoredSegmentations.init) ?? NoMemo()).analyseWithPersonas())
        return try #require(analysis.personas)
    }

    func expectSame(_ a: Segmentation, _ b: Segmentation) {
        #expect(a.labels == b.labels && a.k == b.k && a.sampleSize == b.sampleSize)
        #expect(a.silhouette == b.silhouette && a.silhouetteByK == b.silhouetteByK)
        #expect(a.stability == b.stability && a.stabilityRuns == b.stabilityRuns)
        for attributes in [["a": "-2", "b": "-2"], ["plan": "pro"], ["a": "0", "b": "3", "plan": "enterprise"], ["other": "x"]] {
            #expect(a.place(attributes) == b.place(attributes))
        }
    }

    @Test func aSavedSegmentationReadsBackTheSameForTheSameInputsOnly() throws {
        let (numeric, categorical, _) = PersonaClusteringTests.planted(perGroup: 60, seed: 5)
        let surveys = [PersonaClusteringTests.survey(numeric: numeric, categorical: categorical)]
        let first = SegmentationStore()
        let fitted = try analyse(surveys, store: first)
        #expect(first.reused == 0 && first.changed)

        let path = NSTemporaryDirectory() + "canvass-segmentation-\(UUID().uuidString).bin"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try first.save(to: path, stamp: "this canvass")
        let restored = SegmentationStore.restored(from: path, stamp: "this canvass")
        let again = try analyse(surveys, store: restored)
        #expect(restored.reused == 1 && !restored.changed)
        expectSame(fitted.segmentation, again.segmentation)
        #expect(fitted.assignments.map(\.persona) == again.assignments.map(\.persona))
        #expect(fitted.traits == again.traits)

        // One respondent's answer differs, or k is fixed: fitted afresh, and kept beside.
        var changed = numeric
        changed[0][3] = (changed[0][3] ?? 0) + 1
        let other = SegmentationStore.restored(from: path, stamp: "this canvass")
        _ = try analyse([PersonaClusteringTests.survey(numeric: changed, categorical: categorical)], store: other)
        _ = try analyse(surveys, store: other, k: .fixed(3))
        #expect(other.reused == 0 && other.changed)

        // Another binary's file, or a damaged one, gives nothing back.
        let foreign = SegmentationStore.restored(from: path, stamp: "another canvass")
        _ = try analyse(surveys, store: foreign)
        #expect(foreign.reused == 0)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        bytes[bytes.count / 2] ^= 0x01
        try bytes.write(to: URL(fileURLWithPath: path))
        let damaged = SegmentationStore.restored(from: path, stamp: "this canvass")
        let refitted = try analyse(surveys, store: damaged)
        #expect(damaged.reused == 0)
        expectSame(fitted.segmentation, refitted.segmentation)
    }
}
