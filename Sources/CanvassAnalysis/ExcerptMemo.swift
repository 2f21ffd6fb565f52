import CanvassCore
import CanvassSupport
import Foundation

/// Values worked out from single excerpts (sentiment, terms, themes), one list per note, kept by
/// `serve` between rebuilds against the identity of each note's list of excerpts: a note the load
/// did not parse again keeps its list, so a one-note edit works out values for that note's
/// excerpts alone, and a rebuild looks values up once per note rather than once per excerpt.
///
/// Everything is forgotten when the settings the values depend on change (the lexicon, the
/// stopwords, the theme index); lists no longer in the project are dropped once they outnumber the
/// live ones.
final class ExcerptMemo<Settings: Equatable & Sendable, Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var settings: Settings?
    /// Each entry holds on to its list, so the list's storage cannot be freed and its address
    /// given to another list while the entry exists.
    private var entries: [ListIdentity: (excerpts: [Excerpt], values: [Value])] = [:]

    /// Names a list of excerpts by the address of its storage, which copies of the list share and a
    /// changed copy does not.
    private struct ListIdentity: Hashable {
        let address: UnsafeRawPointer?

        init(_ excerpts: [Excerpt]) {
            address = excerpts.withUnsafeBufferPointer { $0.baseAddress.map(UnsafeRawPointer.init) }
        }
    }

    /// One value per excerpt of each note of `notes` (`values[n][e]` for excerpt `e` of note `n`),
    /// worked out from the excerpt's `key` (its text, its tags): values not kept in `memo` (all of
    /// them without one) are computed on every core, once per distinct key.
    static func values<Key: Hashable & Sendable>(
        of notes: [Note], memo: ExcerptMemo?, settings: Settings, key: (Excerpt) -> Key, compute: @Sendable (Key) -> Value
    ) -> [[Value]] {
        guard let memo else { return computed(notes[...], key: key, compute: compute) }
        return memo.lock.withLock {
            if memo.settings != settings {
                memo.entries = [:]
                memo.settings = settings
            }
            var result = notes.map { memo.entries[ListIdentity($0.excerpts)]?.values }
            let missing = result.indices.filter { result[$0] == nil }
            for (index, values) in zip(missing, computed(missing.map { notes[$0] }[...], key: key, compute: compute)) {
                result[index] = values
                memo.entries[ListIdentity(notes[index].excerpts)] = (notes[index].excerpts, values)
            }
            let current = result.map { $0! }
            // Deleted and edited notes leave lists behind; start afresh once they outnumber the live ones.
            if memo.entries.count > 2 * notes.count + 256 {
                memo.entries = Dictionary(
                    zip(notes, current).map { (ListIdentity($0.excerpts), ($0.excerpts, $1)) }, uniquingKeysWith: { first, _ in first })
            }
            return current
        }
    }

    /// The values of every excerpt of `notes`, per note, computed once per distinct key on every core.
    private static func computed<Key: Hashable & Sendable>(
        _ notes: ArraySlice<Note>, key: (Excerpt) -> Key, compute: @Sendable (Key) -> Value
    ) -> [[Value]] {
        var slot: [Key: Int] = [:]
        var distinct: [Key] = []
        let slots = notes.map { note in
            note.excerpts.map { excerpt in
                let key = key(excerpt)
                if let known = slot[key] { return known }
                slot[key] = distinct.count
                distinct.append(key)
                return distinct.count - 1
            }
        }
        let values = ParallelMap.map(distinct, chunk: 256, compute)
        return slots.map { $0.map { values[$0] } }
    }
}
