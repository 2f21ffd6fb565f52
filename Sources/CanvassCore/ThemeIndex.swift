import Foundation

/// Which themes a tag, and so an excerpt, belongs to.
///
/// With a codebook, a tag belongs to every theme that lists it or one of its ancestors
/// (`need/checklist` belongs to a theme listing `need`); a theme's id counts as one of its tags.
/// Without a codebook, every tag is a theme of its own (SPEC §3.4).
public struct ThemeIndex: Sendable, Equatable {
    public let themes: [Theme]
    private let byTag: [String: [String]]
    private let usesCodebook: Bool
    /// Theme ids of each tag and tag set asked about so far: pages ask per excerpt.
    private let resolved = Resolved()

    /// Read far more often than written, from every rendering thread at once: a readers-writer
    /// lock lets the reads proceed side by side (a plain lock had them queue).
    private final class Resolved: @unchecked Sendable {
        private var lock = pthread_rwlock_t()
        private var byTags: [[String]: [String]] = [:]

        init() { pthread_rwlock_init(&lock, nil) }

        deinit { pthread_rwlock_destroy(&lock) }

        func themeIDs(forTags tags: [String]) -> [String]? {
            pthread_rwlock_rdlock(&lock)
            defer { pthread_rwlock_unlock(&lock) }
            return byTags[tags]
        }

        func remember(_ ids: [String], forTags tags: [String]) {
            pthread_rwlock_wrlock(&lock)
            defer { pthread_rwlock_unlock(&lock) }
            byTags[tags] = ids
        }
    }

    public init(codebook: Codebook?, notes: [Note]) {
        if let codebook, !codebook.themes.isEmpty {
            themes = codebook.themes
            byTag = codebook.themesByTag
            usesCodebook = true
        } else {
            // Tags whose ids coincide (`need/checklist`, `need-checklist`) are one theme: one page.
            var found: [Theme] = []
            var byID: [String: Int] = [:]
            for tag in Set(notes.flatMap(\.excerptTags)).sorted() {
                let id = Self.themeID(forTag: tag)
                if let existing = byID[id] {
                    found[existing].tags.append(tag)
                } else {
                    byID[id] = found.count
                    found.append(Theme(id: id, label: tag, tags: [tag]))
                }
            }
            themes = found
            byTag = Dictionary(uniqueKeysWithValues: found.flatMap { theme in theme.tags.map { ($0, [theme.id]) } })
            usesCodebook = false
        }
    }

    public static func themeID(forTag tag: String) -> String {
        let slug = Slug.make(tag)
        return slug.isEmpty ? "tag" : slug
    }

    /// The tags a theme lists (or, without a codebook, every tag of the notes' excerpts): the
    /// tags worth resolving ahead of time. Others, such as a listed tag's children, resolve too.
    public var listedTags: Dictionary<String, [String]>.Keys { byTag.keys }

    /// Theme ids for a tag, in codebook order, unique.
    public func themeIDs(forTag tag: String) -> [String] {
        themeIDs(forTags: [tag])
    }

    /// Theme ids of an excerpt, in codebook order, unique.
    public func themeIDs(for excerpt: Excerpt) -> [String] {
        themeIDs(forTags: excerpt.tags)
    }

    /// Theme ids of an excerpt carrying `tags`, in codebook order, unique.
    public func themeIDs(forTags tags: [String]) -> [String] {
        if tags.isEmpty { return [] }
        if let known = resolved.themeIDs(forTags: tags) { return known }
        let lineage = usesCodebook ? tags.flatMap(TagPath.lineage) : tags
        let ids = Set(lineage.flatMap { byTag[$0] ?? [] })
        let result = themes.map(\.id).filter(ids.contains)
        resolved.remember(result, forTags: tags)
        return result
    }

    /// Equal indexes give every tag the same themes: the rest is worked out from these.
    public static func == (lhs: ThemeIndex, rhs: ThemeIndex) -> Bool {
        lhs.usesCodebook == rhs.usesCodebook && lhs.themes == rhs.themes && lhs.byTag == rhs.byTag
    }

    public func theme(id: String) -> Theme? {
        themes.first { $0.id == id }
    }
}
