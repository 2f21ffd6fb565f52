/// A theme of the codebook: a named group of tags, tied to a dimension of the needs model.
public struct Theme: Sendable, Hashable {
    public var id: String
    public var label: String
    public var dimension: String?
    public var description: String?
    /// Tags that mark an excerpt as belonging to the theme; the theme's id counts as one.
    public var tags: [String]
    public var location: SourceLocation?

    public init(id: String, label: String, dimension: String? = nil, description: String? = nil, tags: [String] = [], location: SourceLocation? = nil) {
        self.id = id
        self.label = label
        self.dimension = dimension
        self.description = description
        self.tags = tags
        self.location = location
    }
}

/// A need the codebook names, so `#need/<id>` gets a label, a description and a dimension.
public struct NeedDefinition: Sendable, Hashable {
    public var id: String
    public var label: String
    public var dimension: String?
    public var description: String?
    public init(id: String, label: String, dimension: String? = nil, description: String? = nil) {
        self.id = id
        self.label = label
        self.dimension = dimension
        self.description = description
    }
}

/// `content/data/codebook.yml`: the project's themes and, optionally, named needs.
public struct Codebook: Sendable {
    public var themes: [Theme]
    public var needs: [NeedDefinition]

    public init(themes: [Theme], needs: [NeedDefinition] = []) {
        self.themes = themes
        self.needs = needs
    }

    /// Every tag a theme claims (its id included), to look up which themes a tag belongs to.
    public var themesByTag: [String: [String]] {
        var map: [String: [String]] = [:]
        for theme in themes {
            for tag in Set([theme.id.lowercased()] + theme.tags.map { $0.lowercased() }) {
                map[tag, default: []].append(theme.id)
            }
        }
        return map
    }

    /// Whether a tag, or one of its ancestors, is claimed by a theme.
    public func knows(tag: String, index: [String: [String]]) -> Bool {
        TagPath.lineage(of: tag).contains { index[$0] != nil }
    }
}
