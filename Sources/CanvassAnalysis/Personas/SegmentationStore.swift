import CanvassCore
import CanvassSupport
import Foundation

/// The k-prototypes segmentations `canvass build` keeps in `.canvass-cache/segmentation.bin`, by a
/// digest of exactly what they were worked out from (the persona attributes' values of every
/// respondent in the statistics, the attributes, `k` and the seed). Fitting is most of a large
/// study's analysis; a build after a note edit reads the segmentation back instead, and the
/// personas, their traits and every statistic are worked out from it as before.
public final class SegmentationStore: @unchecked Sendable {
    /// What a fit found: enough to give the same `Segmentation` again.
    public struct Record: Equatable, Sendable {
        var labels: [Int]
        var k: Int
        var silhouette: Double?
        var silhouetteByK: [Group<Double?>]
        var stability: Double?
        var stabilityRuns: [Double]
        var sampleSize: Int
        var prototypes: [KPrototypes.Prototype]
    }

    private let lock = NSLock()
    private var records: [UInt64: Record] = [:]
    /// Keys asked for or added since this store was made: only these are saved.
    private var used = Set<UInt64>()
    private var added = false
    /// Segmentations read back rather than fitted, for tests and `--verbose`.
    public private(set) var reused = 0

    public init() {}

    /// `AnalysisMemo.segmentation`: the record kept for the key, when it has a label per row;
    /// otherwise `fit`'s, kept.
    public func segmentation(key: () -> UInt64, rows: Int, fit: () -> Record) -> Record {
        let key = key()
        if let record = record(for: key), record.labels.count == rows { return record }
        let record = fit()
        keep(record, for: key)
        return record
    }

    func record(for key: UInt64) -> Record? {
        lock.withLock {
            used.insert(key)
            let found = records[key]
            if found != nil { reused += 1 }
            return found
        }
    }

    func keep(_ record: Record, for key: UInt64) {
        lock.withLock {
            records[key] = record
            used.insert(key)
            added = true
        }
    }

    /// Whether saving would write something other than what was restored.
    public var changed: Bool { lock.withLock { added || used.count != records.count } }

    private static func header(stamp: String) -> String { "canvass segmentations, format 1, \(stamp)\n" }

    /// The segmentations saved at `path` by the canvass binary `stamp` names; none when there is
    /// no such file, or it is another binary's, or it is damaged.
    public static func restored(from path: String, stamp: String) -> SegmentationStore {
        let store = SegmentationStore()
        guard var reader = CacheFile.reader(path: path, header: header(stamp: stamp)) else { return store }
        do {
            let entries = try reader.array { reader -> (UInt64, Record) in
                let key = UInt64(bitPattern: Int64(try reader.int()))
                let record = Record(
                    labels: try reader.array { try $0.int() }, k: try reader.int(), silhouette: try reader.optional { try $0.double() },
                    silhouetteByK: try reader.array { Group(label: try $0.string(), value: try $0.optional { try $0.double() }) },
                    stability: try reader.optional { try $0.double() }, stabilityRuns: try reader.array { try $0.double() },
                    sampleSize: try reader.int(),
                    prototypes: try reader.array { reader in
                        KPrototypes.Prototype(
                            numeric: try reader.array { try $0.double() }, categories: try reader.array { Int32(truncatingIfNeeded: try $0.int()) })
                    })
                return (key, record)
            }
            guard reader.atEnd else { return store }
            for (key, record) in entries { store.records[key] = record }
        } catch {
            return SegmentationStore()
        }
        return store
    }

    /// Writes the segmentations used since the store was made.
    public func save(to path: String, stamp: String) throws {
        let kept = lock.withLock { records.filter { used.contains($0.key) }.sorted { $0.key < $1.key } }
        var writer = CacheFile.writer(header: Self.header(stamp: stamp))
        writer.array(kept) { writer, entry in
            let record = entry.value
            writer.int(Int(Int64(bitPattern: entry.key)))
            writer.array(record.labels) { $0.int($1) }
            writer.int(record.k)
            writer.optional(record.silhouette) { $0.double($1) }
            writer.array(record.silhouetteByK) { writer, group in
                writer.string(group.label)
                writer.optional(group.value) { $0.double($1) }
            }
            writer.optional(record.stability) { $0.double($1) }
            writer.array(record.stabilityRuns) { $0.double($1) }
            writer.int(record.sampleSize)
            writer.array(record.prototypes) { writer, prototype in
                writer.array(prototype.numeric) { $0.double($1) }
                writer.array(prototype.categories) { $0.int(Int($1)) }
            }
        }
        try CacheFile.write(&writer, header: Self.header(stamp: stamp), to: path)
    }
}
