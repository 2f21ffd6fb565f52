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

    private final class Resolved: @unchecked Sendable {
        let lock = NSLock()
        var byTags: [[String]: [String]] = [:]
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
        if let known = resolved.lock.withLock({ resolved.byTags[tags] }) { return known }
        let lineage = usesCodebook ? tags.flatMap(TagPath.lineage) : tags
        let ids = Set(lineage.flatMap { byTag[$0] ?? [] })
        let result = themes.map(\.id).filter(ids.contains)
        resolved.lock.withLock { resolved.byTags[tags] = result }
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
