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

    /// One value per excerpt of each note of `notes` (`values[n][e]` for excerpt `e` of note `n`):
    /// those not kept are worked out by `compute`, given the notes whose lists are not known, in order.
    func values(of notes: [Note], settings: Settings, compute: ([Note]) -> [[Value]]) -> [[Value]] {
        lock.withLock {
            if self.settings != settings {
                entries = [:]
                self.settings = settings
            }
            var result = notes.map { entries[ListIdentity($0.excerpts)]?.values }
            let missing = result.indices.filter { result[$0] == nil }
            for (index, values) in zip(missing, compute(missing.map { notes[$0] })) {
                result[index] = values
                entries[ListIdentity(notes[index].excerpts)] = (notes[index].excerpts, values)
            }
            let current = result.map { $0! }
            // Deleted and edited notes leave lists behind; start afresh once they outnumber the live ones.
            if entries.count > 2 * notes.count + 256 {
                entries = Dictionary(
                    zip(notes, current).map { (ListIdentity($0.excerpts), ($0.excerpts, $1)) }, uniquingKeysWith: { first, _ in first })
            }
            return current
        }
    }
}
