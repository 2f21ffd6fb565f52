import CanvassCore
import CanvassSupport

/// Who is in which segment, and how the segments were found (SPEC §4.9, `personas`).
struct Segmentation: Sendable {
    /// Segment of each pool row; -1 for rows that could not be placed.
    var labels: [Int]
    var k: Int
    var silhouette: Double?
    var silhouetteByK: [Group<Double?>] = []
    var stability: Double?
    var stabilityRuns: [Double] = []
    var sampleSize = 0
    /// Rules segments' ids by label, for `method: rules`.
    var ruleIDs: [String]?
    /// Places a note participant by front-matter attributes.
    var place: @Sendable ([String: String]) -> Int?
    var diagnostics: [Diagnostic] = []
}

extension Segmentation {
    static let silhouetteSampleLimit = 2_000
    static let stabilityRuns = 5
    static let stabilityFraction = 0.8
    static let autoRange = 2...6

    /// The raw persona attributes of every pool row, split by kind.
    struct Columns {
        var numericNames: [String] = []
        var categoryNames: [String] = []
        var numeric: [[Double?]] = []
        var categories: [[String?]] = []
        /// Each categorical column's distinct values, sorted, and every row's index into them
        /// (-1: missing): the subsets of the stability runs are taken from these, so that the
        /// texts are hashed once rather than once per run.
        var levels: [[String]] = []
        var codes: [[Int32]] = []

        init(pool: RespondentPool, attributes: [String]) {
            for attribute in attributes {
                if pool.isNumeric(attribute) {
                    numericNames.append(attribute)
                    numeric.append(pool.numbers(attribute))
                } else {
                    categoryNames.append(attribute)
                    let column = pool.texts(attribute)
                    let (columnLevels, columnCodes) = KPrototypes.Data.coded(column)
                    categories.append(column)
                    levels.append(columnLevels)
                    codes.append(columnCodes)
                }
            }
        }

        func subset(_ rows: [Int]) -> KPrototypes.Data {
            KPrototypes.Data(numeric: numeric.map { c in rows.map { c[$0] } }, codes: codes.map { c in rows.map { c[$0] } }, levels: levels)
        }

        /// Every row, in order.
        var all: KPrototypes.Data {
            KPrototypes.Data(numeric: numeric, codes: codes, levels: levels)
        }

        /// A participant's front-matter attributes in the same order as the columns.
        func values(_ attributes: [String: String]) -> ([Double?], [String?]) {
            (numericNames.map { attributes[$0].flatMap(Double.init) }, categoryNames.map { attributes[$0] })
        }
    }

    // MARK: - k-prototypes

    /// `memo` may give back a segmentation already fitted to the same values, attributes, `k`
    /// and seed (`canvass build` keeps them in `.canvass-cache/`).
    static func kPrototypes(pool: RespondentPool, config: PersonaConfig, memo: any AnalysisMemo = NoMemo()) -> Segmentation {
        let columns = Columns(pool: pool, attributes: config.attributes)
        let data = columns.all
        let record = memo.segmentation(key: { inputDigest(columns, config: config) }, rows: data.count) {
            fit(data, columns: columns, config: config)
        }
        return finished(record, columns: columns, data: data)
    }

    /// Chooses k (unless fixed) by silhouette, fits it, and measures its stability.
    private static func fit(_ data: KPrototypes.Data, columns: Columns, config: PersonaConfig) -> SegmentationStore.Record {
        let placeable = data.placeable
        // The silhouette sample: a seeded choice of at most 2,000 placeable rows.
        var generator = SeededGenerator(seed: SeededGenerator.derive(config.seed, 0x5111))
        let sample = Array(shuffled(placeable, &generator).prefix(silhouetteSampleLimit)).sorted()
        // Dissimilarities between the sample's rows, measured once for every k, and once per
        // pair of distinct rows: identical rows (same group) share a line of the table.
        var line: [Int32: Int] = [:]
        var lineRows: [Int] = []
        let sampleLines = sample.map { row -> Int in
            let group = data.groupOfRow[row]
            if let known = line[group] { return known }
            line[group] = lineRows.count
            lineRows.append(row)
            return lineRows.count - 1
        }
        let width = lineRows.count
        // A constant, so that reading it from the closure below needs no exclusivity check.
        let table = (0..<width * width).map { KPrototypes.distance(data, lineRows[$0 / width], lineRows[$0 % width]) }
        func silhouette(_ labels: [Int]) -> Double? {
            ClusterAgreement.meanSilhouette(labels: sample.map { labels[$0] }) { i, j in
                table[sampleLines[i] * width + sampleLines[j]]
            }
        }
        var chosen: (k: Int, result: KPrototypes.Result, silhouette: Double?)
        var byK: [Group<Double?>] = []
        switch config.k {
        case .fixed(let k):
            let result = KPrototypes(k: k).fit(data, seed: config.seed)
            chosen = (k, result, silhouette(result.labels))
        case .auto:
            let candidates = autoRange.filter { $0 < max(placeable.count, 2) }
            var best: (k: Int, result: KPrototypes.Result, silhouette: Double?)?
            for k in candidates {
                let result = KPrototypes(k: k).fit(data, seed: SeededGenerator.derive(config.seed, UInt64(k)))
                let score = silhouette(result.labels)
                byK.append(Group(label: String(k), value: score))
                // Highest silhouette wins; a tie keeps the smaller k.
                if best == nil || (score ?? -2) > (best!.silhouette ?? -2) { best = (k, result, score) }
            }
            chosen = best ?? (2, KPrototypes(k: 2).fit(data, seed: config.seed), nil)
        }
        // Stability: the same k on 5 seeded 80% subsamples, compared on the rows they share.
        var runs: [Double] = []
        for run in 0..<stabilityRuns where placeable.count > chosen.k * 2 {
            var draw = SeededGenerator(seed: SeededGenerator.derive(config.seed, 0x57AB + UInt64(run)))
            let subset = Array(shuffled(placeable, &draw).prefix(Int(Double(placeable.count) * stabilityFraction))).sorted()
            let result = KPrototypes(k: chosen.k).fit(columns.subset(subset), seed: SeededGenerator.derive(config.seed, 0xA11 + UInt64(run)))
            runs.append(ClusterAgreement.adjustedRandIndex(subset.map { chosen.result.labels[$0] }, result.labels))
        }
        return SegmentationStore.Record(
            labels: chosen.result.labels, k: chosen.k, silhouette: chosen.silhouette, silhouetteByK: byK,
            stability: runs.isEmpty ? nil : runs.reduce(0, +) / Double(runs.count), stabilityRuns: runs, sampleSize: sample.count,
            prototypes: chosen.result.prototypes)
    }

    /// The segmentation a fit gave, placing note participants by its prototypes.
    private static func finished(_ record: SegmentationStore.Record, columns: Columns, data: KPrototypes.Data) -> Segmentation {
        let prototypes = record.prototypes
        return Segmentation(
            labels: record.labels, k: record.k, silhouette: record.silhouette, silhouetteByK: record.silhouetteByK,
            stability: record.stability, stabilityRuns: record.stabilityRuns, sampleSize: record.sampleSize,
            ruleIDs: nil,
            place: { attributes in
                let (numeric, categorical) = columns.values(attributes)
                return KPrototypes.nearest(numeric: numeric, categorical: categorical, data: data, prototypes: prototypes)
            })
    }

    /// A digest of everything a fit depends on besides the canvass binary: the attributes, each
    /// respondent's values of them, `k` and the seed.
    static func inputDigest(_ columns: Columns, config: PersonaConfig) -> UInt64 {
        var writer = ArchiveWriter()
        writer.strings(columns.numericNames)
        writer.strings(columns.categoryNames)
        for column in columns.numeric {
            writer.array(column) { writer, value in writer.optional(value) { $0.double($1) } }
        }
        for column in columns.categories {
            writer.array(column) { writer, value in writer.optional(value) { $0.string($1) } }
        }
        switch config.k {
        case .auto: writer.int(-1)
        case .fixed(let k): writer.int(k)
        }
        writer.int(Int(Int64(bitPattern: config.seed)))
        return ContentDigest.fnv1a(writer.bytes)
    }

    /// Fisher–Yates with the given generator.
    static func shuffled(_ items: [Int], _ generator: inout SeededGenerator) -> [Int] {
        var items = items
        guard items.count > 1 else { return items }
        for i in stride(from: items.count - 1, to: 0, by: -1) {
            items.swapAt(i, generator.index(below: i + 1))
        }
        return items
    }
}
