
/// Which themes a tag, and so an excerpt, belongs to.
///
/// With a codebook, a tag belongs to every theme that lists it or one of its ancestors
/// (`need/checklist` belongs to a theme listing `need`); a theme's id counts as one of its tags.
/// Without a codebook, every tag is a theme of its own (SPEC §3.4).
public struct ThemeIndex: Sendable {
    public let themes: [Theme]
    private let byTag: [String: [String]]
    private let usesCodebook: Bool
    /// `themeIDs(forTag:)` of every tag in the notes, worked out once: pages ask for it per excerpt.
    private let resolved: [String: [String]]
    /// `themeIDs(for:)` of every set of two or more tags an excerpt in the notes carries.
    private let resolvedSets: [[String]: [String]]

    public init(codebook: Codebook?, notes: [Note]) {
        if let codebook, !codebook.themes.isEmpty {
            themes = codebook.themes
            byTag = codebook.themesByTag
            usesCodebook = true
        } else {
            // Tags whose ids coincide (`need/checklist`, `need-checklist`) are one theme: one page.
            var found: [Theme] = []
            var byID: [String: Int] = [:]
            for tag in Set(notes.flatMap { $0.excerpts.flatMap(\.tags) }).sorted() {
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
        var resolved: [String: [String]] = [:]
        var tagSets = Set<[String]>()
        for note in notes {
            for excerpt in note.excerpts {
                for tag in excerpt.tags where resolved[tag] == nil {
                    resolved[tag] = Self.resolve(tag, themes: themes, byTag: byTag, usesCodebook: usesCodebook)
                }
                if excerpt.tags.count > 1 { tagSets.insert(excerpt.tags) }
            }
        }
        self.resolved = resolved
        let themes = self.themes
        resolvedSets = Dictionary(uniqueKeysWithValues: tagSets.map { tags in
            (tags, Self.resolve(tags, themes: themes, resolved: { resolved[$0] ?? [] }))
        })
    }

    public static func themeID(forTag tag: String) -> String {
        let slug = Slug.make(tag)
        return slug.isEmpty ? "tag" : slug
    }

    /// Theme ids for a tag, in codebook order, unique.
    public func themeIDs(forTag tag: String) -> [String] {
        resolved[tag] ?? Self.resolve(tag, themes: themes, byTag: byTag, usesCodebook: usesCodebook)
    }

    private static func resolve(_ tag: String, themes: [Theme], byTag: [String: [String]], usesCodebook: Bool) -> [String] {
        let lineage = usesCodebook ? TagPath.lineage(of: tag) : [tag]
        return resolve(lineage, themes: themes, resolved: { byTag[$0] ?? [] })
    }

    /// The ids `resolved` gives for any of `tags`, in codebook order, unique.
    private static func resolve(_ tags: [String], themes: [Theme], resolved: (String) -> [String]) -> [String] {
        let ids = Set(tags.flatMap(resolved))
        return themes.map(\.id).filter(ids.contains)
    }

    /// Theme ids of an excerpt, in codebook order, unique.
    public func themeIDs(for excerpt: Excerpt) -> [String] {
        let tags = excerpt.tags
        if tags.count == 1 { return themeIDs(forTag: tags[0]) }
        if tags.isEmpty { return [] }
        return resolvedSets[tags] ?? Self.resolve(tags, themes: themes, resolved: themeIDs(forTag:))
    }

    public func theme(id: String) -> Theme? {
        themes.first { $0.id == id }
    }
}
