import CanvassCore
import CanvassMarkdown

/// Builds the view model of one page: the values its template reads, already formatted and
/// escaped where they are HTML. Keys common to every page come from `base`.
struct PageContext {
    let renderer: SiteRenderer
    let path: PagePath

    var project: Project { renderer.project }
    var analysis: ProjectAnalysis { renderer.analysis }
    var strings: Strings { renderer.templates.strings }

    /// The view model of a page of the site.
    func context(for page: SiteRenderer.Page) -> any ViewModel {
        switch page {
        case .home: return home()
        case .notes: return notesIndex()
        case .note(let id): return note(notesByID[id]!)
        case .themes: return themesIndex()
        case .theme(let id): return theme(analysis.summary(themeID: id)!)
        case .notFound: return notFound()
        case .gaps: return gaps(analysis.surveys!)
        case .dimension(let id): return dimension(analysis.surveys!.dimension(id: id)!, results: analysis.surveys!)
        case .quality: return quality(analysis.surveys!)
        case .methodology: return methodology()
        case .personas: return personasIndex(analysis.personas!)
        case .persona(let id): return persona(analysis.personas!.persona(id: id)!, results: analysis.personas!)
        case .targets: return targets(analysis.surveys!.targeting!)
        case .monitoring: return monitoring(analysis.surveys!)
        case .actions: return actionsIndex(analysis.actions!)
        case .action(let id): return action(analysis.actions!.action(id: id)!, in: analysis.actions!)
        case .service: return service(analysis.service!)
        case .needs: return needs(analysis.needs)
        case .report(let id): return report(project.pages.first { $0.id == id }!)
        case .search: return search()
        }
    }

    // MARK: - Common

    /// What every page has: site, page, t (UI strings), root, nav, and `siteHeader`. All but
    /// `page` are the same for every page of a section at one folder depth, and are made once per build.
    func base(title: String, section: String?, description: String? = nil) -> PageBase {
        PageBase(
            chrome: renderer.chrome.values(root: linkRoot, section: section) { chrome(section: section) },
            page: PageInfo(title: title, description: description ?? project.config.title),
            // Survey pages say when their figures are weighted, with the way to the unweighted ones.
            weightedFigures: analysis.surveys?.weighting != nil)
    }

    /// What the layout's links start with (`root`): the way up to the site's root folder, but on
    /// the 404 page, which is served from any depth, the configured base URL.
    private var linkRoot: String {
        path == .notFound ? project.config.baseFolderURL : path.root
    }

    /// The chrome of a section, with `siteHeader`: `partials/site-header.mustache` rendered with
    /// the rest. The header (search, navigation, report pages) is the same on all 10,000 note
    /// pages of a large study, and reading its values through Mustache was a third of each
    /// page's rendering; the layout prints it with `{{{siteHeader}}}`.
    private func chrome(section: String?) -> Chrome {
        let root = linkRoot
        let hasSurveys = analysis.surveys != nil
        let items: [(String, String, String)] = [("home", "nav_overview", PagePath.home.path)]
            + (analysis.personas != nil ? [("personas", "nav_personas", PagePath.personas.path)] : [])
            + (analysis.surveys?.targeting != nil ? [("targets", "nav_targets", PagePath.targets.path)] : [])
            + (hasSurveys ? [("gaps", "nav_gaps", PagePath.gaps.path)] : [])
            + (analysis.surveys?.hasMonitoring == true ? [("monitoring", "nav_monitoring", PagePath.monitoring.path)] : [])
            + [("themes", "nav_themes", PagePath.themes.path)]
            + (analysis.needs.isEmpty ? [] : [("needs", "nav_needs", PagePath.needs.path)])
            + (analysis.actions != nil ? [("actions", "nav_actions", PagePath.actions.path)] : [])
            + [("notes", "nav_notes", PagePath.notes.path)]
            + (analysis.service != nil ? [("service", "nav_service", PagePath.service.path)] : [])
            + (hasSurveys ? [("quality", "nav_quality", PagePath.quality.path)] : [])
            + [("methodology", "nav_methodology", PagePath.methodology.path)]
        let profile = project.config.profile.rawValue
        var chrome = Chrome(
            site: SiteInfo(
                title: project.config.title, lang: project.config.language.rawValue, profile: strings["profile_\(profile)"],
                profileNotice: strings["profile_notice_\(profile)"], isPublic: project.config.profile == .public),
            t: strings.table,
            root: root,
            nav: items.map { key, label, target in NavLink(label: strings[label], href: root + target, current: key == section) },
            reportPages: project.pages.map { page in
                NavLink(label: page.title, href: root + PagePath.page(page.id).path, current: section == "page:" + page.id)
            },
            searchHref: root + PagePath.search.path)
        // As a standalone `{{>partial}}` line would print it: the tag's own line break is the layout's.
        var header = renderer.templates.render(chrome, template: "partials.site-header") ?? ""
        if header.last == "\n" || header.last == "\r\n" { header.removeLast() }
        chrome.siteHeader = header
        return chrome
    }

    // MARK: - Shared pieces

    /// How a participant is named on pages.
    func displayName(_ participant: Participant) -> String {
        var parts: [String] = []
        if project.config.profile == .internal, let name = participant.name { parts.append(name) }
        if let role = participant.role { parts.append(role) }
        return parts.isEmpty ? participant.id : parts.joined(separator: ", ")
    }

    func date(_ date: CalendarDate?) -> String {
        date.map(strings.formatDate) ?? strings["date_unknown"]
    }

    func methodLabel(_ method: NoteMethod) -> String {
        strings["method_" + String(method.rawValue.map { $0 == "-" ? "_" : $0 })]
    }

    /// Link to the theme a tag belongs to, or nil when no theme claims it.
    func tagHref(_ tag: String) -> String? {
        let target = renderer.lookups.tagTargets[tag] ?? SiteRenderer.Lookups.target(of: tag, in: analysis.themeIndex)
        return target.map(path.link)
    }

    /// The need a `need/…` tag names, if the study has it.
    func need(tag: String) -> Need? {
        guard tag.hasPrefix(Need.tagPrefix) else { return nil }
        let id = tag.dropFirst(Need.tagPrefix.count)
        return analysis.needs.first { $0.id == id }
    }

    /// Link to a need's entry on the needs page.
    func needHref(_ need: Need) -> String {
        path.link(to: PagePath.needs.path) + "#need-" + need.id
    }

    /// Tag chips; a `need/…` tag reads as the need it names and links to it on the needs page.
    func tagChips(_ tags: [String]) -> [TagChip] {
        tags.map { tag in
            if let need = need(tag: tag) {
                return TagChip(label: strings["need_chip"].replacingOccurrences(of: "{label}", with: need.label), href: needHref(need))
            }
            return TagChip(label: "#" + tag, href: tagHref(tag))
        }
    }

    var isPublic: Bool { project.config.profile == .public }

    /// A link to a note's page; "" under the public profile, which has none.
    func noteHref(_ id: String, anchor: String? = nil) -> String {
        isPublic ? "" : path.link(to: PagePath.note(id).path) + (anchor.map { "#" + $0 } ?? "")
    }

    func renderer(tagStyle: HTMLRenderer.TagStyle) -> HTMLRenderer {
        var html = HTMLRenderer()
        html.allowRawHTML = project.config.markdown.unsafe
        html.tagStyle = tagStyle
        let links = EntityLinks(project: project, analysis: analysis, notesByID: notesByID)
        let here = path
        html.resolveLink = { destination in
            // An entity link becomes a relative link; one that names nothing is left as written,
            // and its unsafe scheme removes it (the build has already failed on it). A note under
            // the public profile has no page: its links keep their text only.
            links.target(destination)?.path.flatMap { $0.isEmpty ? nil : here.link(to: $0) }
        }
        return html
    }

    /// An excerpt as it appears outside its note: the text, who said it, and a link back.
    func excerpt(_ excerpt: Excerpt, notes: [String: Note]) -> ExcerptView {
        let note = notes[excerpt.noteID]
        return ExcerptView(
            html: renderer(tagStyle: .hidden).renderExcerpt(excerpt.content),
            isQuote: excerpt.kind == .quote,
            href: noteHref(excerpt.noteID, anchor: excerpt.anchor),
            noteTitle: note?.title ?? excerpt.noteID,
            date: date(note?.date),
            method: note.map { methodLabel($0.method) } ?? "",
            tags: tagChips(excerpt.tags),
            source: "\(excerpt.location.file):\(excerpt.location.line)",
            speaker: excerpt.speaker.flatMap { note?.participant(id: $0) }.map(displayName))
    }

    /// Theme, dimension and need pages list at most this many excerpts: beyond it a page grows to
    /// megabytes that no one reads and every build pays for. Each excerpt is still on its note's
    /// page and in search, and the counts are of all of them.
    static let excerptsPerList = 100

    /// The excerpts an aggregate page lists, and the line saying how many were left out ("" when none).
    func excerptList(_ excerpts: some RandomAccessCollection<Excerpt>, notes: [String: Note]) -> (models: [ExcerptView], more: String) {
        let shown = excerpts.prefix(Self.excerptsPerList).map { excerpt($0, notes: notes) }
        guard excerpts.count > shown.count else { return (shown, "") }
        return (shown, strings.format("excerpts_more", ["shown": strings.formatNumber(shown.count), "total": strings.formatNumber(excerpts.count)]))
    }

    /// Note participant id → persona id, for participants placed in a persona.
    var participantPersona: [String: String] { renderer.lookups.participantPersona }

    var notesByID: [String: Note] { renderer.lookups.notesByID }

    /// A bar's width in percent of the largest value, for CSS bars beside counts.
    func barWidth(_ value: Int, max: Int) -> String {
        guard max > 0 else { return "0" }
        let percent = Double(value) * 100 / Double(max)
        return String(Int(percent.rounded()))
    }
}
