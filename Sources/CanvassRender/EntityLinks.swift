import CanvassCore
import CanvassMarkdown

/// Links to the study's own entities: `persona:id`, `theme:id`, `dimension:id`, `note:id`
/// (optionally `note:id#L12`) and `page:id` (SPEC §3.5).
struct EntityLinks {
    let project: Project
    let analysis: ProjectAnalysis
    /// The notes by id, made once per build (`SiteRenderer.Lookups`): a `note:` link is looked up,
    /// not searched for among every note.
    let notesByID: [String: Note]

    /// The site path an entity link points to; nil when it names nothing; not called for other URLs.
    func target(_ destination: String) -> (scheme: String, path: String?)? {
        guard let scheme = EntityLinkReference.scheme(of: destination) else { return nil }
        var rest = String(destination.dropFirst(scheme.count + 1))
        var fragment = ""
        if let hash = rest.firstIndex(of: "#") {
            fragment = String(rest[hash...])
            rest = String(rest[..<hash])
        }
        let path: String?
        switch scheme {
        case "persona": path = analysis.personas?.persona(id: rest) != nil ? PagePath.persona(rest).path : nil
        case "theme": path = analysis.summary(themeID: rest) != nil ? PagePath.theme(rest).path : nil
        case "dimension": path = analysis.surveys?.dimension(id: rest) != nil ? PagePath.dimension(rest).path : nil
        case "note":
            // Under the public profile notes exist but have no page: "" means "known, not linked".
            path = notesByID[rest] != nil ? (project.config.profile == .public ? "" : PagePath.note(rest).path) : nil
        default: path = project.pages.contains { $0.id == rest } ? PagePath.page(rest).path : nil
        }
        return (scheme, path.map { $0.isEmpty ? "" : $0 + fragment })
    }

    /// Every entity link that names nothing, at the line of the block it stands in. Notes keep
    /// their links from when they were parsed, so this does not walk every note body again.
    func check() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        func check(_ links: [EntityLinkReference], file: String) {
            for link in links {
                guard let found = target(link.destination), found.path == nil else { continue }
                let known: [String]
                switch found.scheme {
                case "persona": known = analysis.personas?.personas.map(\.id) ?? []
                case "theme": known = analysis.themes.map(\.theme.id)
                case "dimension": known = analysis.surveys?.dimensions.map(\.dimension.id) ?? []
                case "note": known = project.notes.map(\.id)
                default: known = project.pages.map(\.id)
                }
                diagnostics.append(.error(
                    "link to `\(link.destination)`, which does not exist", at: SourceLocation(file: file, line: link.line, column: 1),
                    hint: Suggestion.didYouMean(String(link.destination.dropFirst(found.scheme.count + 1)), in: known)
                        ?? (known.isEmpty ? "this study has no \(found.scheme)s" : "known: \(known.prefix(8).joined(separator: ", "))")))
            }
        }
        for note in project.notes { check(note.entityLinks, file: note.file) }
        for page in project.pages { check(page.body.entityLinks, file: page.file) }
        for narrative in project.personaNarratives { check(narrative.body.entityLinks, file: narrative.file) }
        return diagnostics
    }
}
