import CanvassCore

/// Reads `content/data/codebook.yml` (SPEC §3.4).
struct CodebookLoader {
    let file: SourceFile
    let dimensions: [CanvassCore.Dimension]

    func load() -> (Codebook?, [Diagnostic]) {
        let reader = YAMLReader(file: file)
        guard let root = reader.parse(file.text) else {
            return (reader.diagnostics.isEmpty ? Codebook(themes: []) : nil, reader.diagnostics)
        }
        guard let fields = reader.fields(root, "the codebook", allowed: ["themes", "needs"]),
              let list = fields["themes"], let items = reader.sequence(list, "`themes`")
        else {
            if reader.diagnostics.isEmpty {
                reader.error("the codebook needs a `themes:` list", at: root, hint: "e.g. themes: [{id: onboarding, label: Onboarding, tags: [setup]}]")
            }
            return (nil, reader.diagnostics)
        }
        var themes: [Theme] = []
        let dimensionIDs = dimensions.map(\.id)
        for item in items {
            guard let theme = reader.fields(item, "a theme", allowed: ["id", "label", "dimension", "description", "tags"]) else { continue }
            guard let idNode = theme["id"] else {
                reader.error("a theme needs an `id`", at: item)
                continue
            }
            guard let id = reader.identifier(idNode, "theme id") else { continue }
            if themes.contains(where: { $0.id == id }) {
                reader.error("theme `\(id)` is defined twice", at: theme["id"] ?? item)
                continue
            }
            let dimension = theme.string("dimension")
            if let dimension, !dimensionIDs.contains(dimension), let node = theme["dimension"] {
                reader.error(
                    "theme `\(id)` names dimension `\(dimension)`, which canvass.yml does not define", at: node,
                    hint: Suggestion.didYouMean(dimension, in: dimensionIDs)
                        ?? (dimensionIDs.isEmpty ? "define `dimensions:` in canvass.yml" : "known dimensions: \(dimensionIDs.joined(separator: ", "))"))
            }
            themes.append(Theme(
                id: id, label: theme.string("label") ?? id, dimension: dimension,
                description: theme.string("description"),
                tags: (theme.strings("tags") ?? []).map(NoteLoader.normaliseTag),
                location: reader.location(of: item)))
        }
        var needs: [NeedDefinition] = []
        if let list = fields["needs"], let items = reader.sequence(list, "`needs`") {
            for item in items {
                guard let need = reader.fields(item, "a need", allowed: ["id", "label", "dimension", "description"]) else { continue }
                guard let idNode = need["id"] else {
                    reader.error("a need needs an `id` (the part after `#need/`)", at: item)
                    continue
                }
                guard let written = reader.string(idNode, "need id") else { continue }
                let bare = written.hasPrefix("need/") ? String(written.dropFirst(5)) : written
                guard !bare.isEmpty, bare.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "/" }) else {
                    reader.error("need id `\(written)` may hold only letters, digits, `-`, `_` and `/`", at: idNode)
                    continue
                }
                let id = written
                let dimension = need.string("dimension")
                if let dimension, !dimensionIDs.contains(dimension), let node = need["dimension"] {
                    reader.error("need `\(id)` names dimension `\(dimension)`, which canvass.yml does not define", at: node,
                                 hint: Suggestion.didYouMean(dimension, in: dimensionIDs))
                }
                needs.append(NeedDefinition(id: NoteLoader.normaliseTag(id.hasPrefix("need/") ? String(id.dropFirst(5)) : id),
                                            label: need.string("label") ?? id, dimension: dimension, description: need.string("description")))
            }
        }
        return (Codebook(themes: themes, needs: needs), reader.diagnostics)
    }
}
