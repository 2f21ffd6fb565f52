import CanvassCore
import CanvassMarkdown

/// Report pages, the search page and the index behind it.
extension PageContext {
    func report(_ page: ReportPage) -> PageModel<ReportPageModel> {
        var html = renderer(tagStyle: .link { tagHref($0) })
        let blocks = page.blocks
        let context = self
        html.renderBlock = { node in blocks[node.start].map { context.blockHTML($0) } }
        let toc = HTMLRenderer.headings(of: page.body).filter { (2...3).contains($0.level) }
        return PageModel(base: base(title: page.title, section: "page:" + page.id, description: page.summary), content: ReportPageModel(
            report: ReportView(
                title: page.title, summary: page.summary ?? "", bodyHTML: html.render(page.body),
                toc: toc.map { TocEntry(text: $0.text, href: "#" + $0.id, sub: $0.level == 3) }, source: page.file)))
    }

    func search() -> PageModel<SearchPage> {
        let types = ["page"] + (analysis.actions != nil ? ["action"] : []) + ["persona", "theme", "dimension", "note", "excerpt", "answer"]
        return PageModel(base: base(title: strings["search_title"], section: "search"), content: SearchPage(
            types: types.map { Option(value: $0, label: strings["search_type_\($0)"]) }))
    }

    /// The index, built once per build; URLs are site paths, made relative by the page's script.
    func searchIndex() -> SearchIndex {
        var documents: [SearchIndex.Document] = []
        for page in project.pages {
            documents.append(.init(type: "page", title: page.title, text: snippet(page.body.plainText), url: PagePath.page(page.id).path))
        }
        for result in analysis.actions?.actions ?? [] {
            let action = result.action
            documents.append(.init(type: "action", title: action.title, text: snippet(action.body.plainText), url: PagePath.action(action.id).path,
                                   hidden: action.owner ?? ""))
        }
        for persona in analysis.personas?.personas ?? [] {
            documents.append(.init(type: "persona", title: personaName(persona), text: personaSummary(persona), url: PagePath.persona(persona.id).path))
        }
        for summary in analysis.themes {
            documents.append(.init(
                type: "theme", title: summary.theme.label, text: summary.theme.description ?? "", url: PagePath.theme(summary.theme.id).path,
                hidden: (summary.keywords.map(\.label) + summary.theme.tags).joined(separator: " ")))
        }
        for dimension in analysis.surveys?.dimensions ?? [] {
            documents.append(.init(type: "dimension", title: dimension.dimension.label, text: dimension.dimension.id, url: PagePath.dimension(dimension.dimension.id).path))
        }
        for note in project.notes {
            let people = note.participants.map(displayName).joined(separator: "; ")
            let notePath = isPublic ? "" : PagePath.note(note.id).path
            documents.append(.init(type: "note", title: note.title, text: [note.summary ?? "", people].joined(separator: " "), url: notePath))
            for excerpt in note.excerpts {
                documents.append(.init(type: "excerpt", title: note.title, text: snippet(excerpt.text), url: isPublic ? "" : notePath + "#" + excerpt.anchor))
            }
        }
        let personaOf = Dictionary((analysis.personas?.assignments ?? []).map { ($0.respondent, $0.persona) }, uniquingKeysWith: { a, _ in a })
        for answer in analysis.text.answers {
            documents.append(.init(type: "answer", title: answer.respondent, text: snippet(answer.text),
                                   url: personaOf[answer.respondent].map { PagePath.persona($0).path } ?? ""))
        }
        return SearchIndex(documents: documents)
    }

    private func snippet(_ text: String) -> String {
        let folded = ExcerptExtractor.collapsingSpaces(text)
        // At most 240 bytes means at most 240 characters, without counting them.
        guard folded.utf8.count > 240, folded.count > 240 else { return folded }
        return String(folded.prefix(239)) + "…"
    }
}
