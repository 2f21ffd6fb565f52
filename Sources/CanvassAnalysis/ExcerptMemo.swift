import CanvassCore
import Foundation

/// Values worked out from single excerpts (sentiment, terms, themes), kept by `serve` between
/// rebuilds against each excerpt's identity: the notes a load did not parse again keep their
/// excerpts, so a one-note edit works out values for that note's excerpts alone.
///
/// Everything is forgotten when the settings the values depend on change (the lexicon, the
/// stopwords, the theme index); values of excerpts no longer in the project are dropped once they
/// outnumber the live ones.
final class ExcerptMemo<Settings: Equatable & Sendable, Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var settings: Settings?
    private var values: [Excerpt.Identity: Value] = [:]

    /// One value per excerpt of `notes`, in note order, worked out from the excerpt's `key` (its
    /// text, its tags): values not kept in `memo` (all of them without one) are computed on every
    /// core, once per distinct key.
    static func values<Key: Hashable & Sendable>(
        of notes: [Note], memo: ExcerptMemo?, settings: Settings, key: (Excerpt) -> Key, compute: @Sendable (Key) -> Value
    ) -> [Value] {
        let excerpts = notes.flatMap(\.excerpts)
        guard let memo else { return computed(excerpts[...], key: key, compute: compute) }
        return memo.lock.withLock {
            if memo.settings != settings {
                memo.values = [:]
                memo.settings = settings
            }
            var result = excerpts.map { memo.values[$0.identity] }
            let missing = result.indices.filter { result[$0] == nil }
            for (index, value) in zip(missing, computed(missing.map { excerpts[$0] }[...], key: key, compute: compute)) {
                result[index] = value
                memo.values[excerpts[index].identity] = value
            }
            let current = result.map { $0! }
            // Deleted and edited notes leave values behind; start afresh once they outnumber the live ones.
            if memo.values.count > 2 * excerpts.count + 1024 {
                memo.values = Dictionary(zip(excerpts.map(\.identity), current), uniquingKeysWith: { first, _ in first })
            }
            return current
        }
    }

    /// Every value kept, by excerpt: those of the last `values(of:)` and possibly some of excerpts gone since.
    var table: [Excerpt.Identity: Value] { lock.withLock { values } }

    private static func computed<Key: Hashable & Sendable>(
        _ excerpts: ArraySlice<Excerpt>, key: (Excerpt) -> Key, compute: @Sendable (Key) -> Value
    ) -> [Value] {
        var slot: [Key: Int] = [:]
        var distinct: [Key] = []
        let slots = excerpts.map { excerpt in
            let key = key(excerpt)
            if let known = slot[key] { return known }
            slot[key] = distinct.count
            distinct.append(key)
            return distinct.count - 1
        }
        let values = ParallelMap.map(distinct, chunk: 256, compute)
        return slots.map { values[$0] }
    }
}
