import CanvassCore
import CanvassMarkdown

/// Links to the study's own entities: `persona:id`, `theme:id`, `dimension:id`, `note:id`
/// (optionally `note:id#L12`) and `page:id` (SPEC §3.5).
struct EntityLinks {
    let project: Project
    let analysis: ProjectAnalysis

    static let schemes = ["persona", "theme", "dimension", "note", "page"]

    /// The site path an entity link points to; nil when it names nothing; not called for other URLs.
    func target(_ destination: String) -> (scheme: String, path: String?)? {
        guard let colon = destination.firstIndex(of: ":") else { return nil }
        let scheme = String(destination[..<colon])
        guard Self.schemes.contains(scheme) else { return nil }
        var rest = String(destination[destination.index(after: colon)...])
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
            path = project.notes.contains { $0.id == rest } ? (project.config.profile == .public ? "" : PagePath.note(rest).path) : nil
        default: path = project.pages.contains { $0.id == rest } ? PagePath.page(rest).path : nil
        }
        return (scheme, path.map { $0.isEmpty ? "" : $0 + fragment })
    }

    /// Every entity link that names nothing, at the line of the block it stands in.
    func check() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        func visit(_ node: MarkdownNode, file: String, line: Int) {
            let line = node.isBlock ? node.start.line : line
            if case .link(let destination, _) = node.kind, let found = target(destination), found.path == nil {
                let known: [String]
                switch found.scheme {
                case "persona": known = analysis.personas?.personas.map(\.id) ?? []
                case "theme": known = analysis.themes.map(\.theme.id)
                case "dimension": known = analysis.surveys?.dimensions.map(\.dimension.id) ?? []
                case "note": known = project.notes.map(\.id)
                default: known = project.pages.map(\.id)
                }
                diagnostics.append(.error(
                    "link to `\(destination)`, which does not exist", at: SourceLocation(file: file, line: line, column: 1),
                    hint: Suggestion.didYouMean(String(destination.dropFirst(found.scheme.count + 1)), in: known)
                        ?? (known.isEmpty ? "this study has no \(found.scheme)s" : "known: \(known.prefix(8).joined(separator: ", "))")))
            }
            for child in node.children { visit(child, file: file, line: line) }
        }
        for note in project.notes { visit(note.body, file: note.file, line: 1) }
        for page in project.pages { visit(page.body, file: page.file, line: 1) }
        for narrative in project.personaNarratives { visit(narrative.body, file: narrative.file, line: 1) }
        return diagnostics
    }
}
