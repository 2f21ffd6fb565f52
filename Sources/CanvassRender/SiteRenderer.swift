import CanvassSupport
import Foundation
import CanvassCore
import CanvassMarkdown

/// Renders every page of the site from the loaded project and its analysis.
///
/// View models are built per page, inside that page's rendering task, as plain dictionaries the
/// templates read; templates only loop and test. Pages render in parallel on every core.
public struct SiteRenderer: Sendable {
    public let project: Project
    public let analysis: ProjectAnalysis
    public let templates: TemplateSet
    /// Maps every page would otherwise rebuild from the whole project, built once.
    let lookups: Lookups
    /// The keys pages share by section and folder depth (`PageContext.base`), made as pages ask.
    let chrome = ChromeCache()

    public init(project: Project, analysis: ProjectAnalysis, templates: TemplateSet) {
        self.project = project
        self.analysis = analysis
        self.templates = templates
        self.lookups = Lookups(project: project, analysis: analysis)
    }

    /// View-model values made once per build for every page of a section at one folder depth,
    /// from any thread: two threads may make the same entry at once, and make the same values.
    final class ChromeCache: @unchecked Sendable {
        private let lock = NSLock()
        private var entries: [String: Chrome] = [:]

        func values(root: String, section: String?, make: () -> Chrome) -> Chrome {
            let key = root + "\u{0}" + (section ?? "")
            if let known = lock.withLock({ entries[key] }) { return known }
            let made = make()
            lock.withLock { entries[key] = made }
            return made
        }
    }

    struct Lookups: Sendable {
        /// Note participant id → persona id, for participants placed in a persona.
        let participantPersona: [String: String]
        let notesByID: [String: Note]
        /// The site path of the theme page each listed tag links to (its first theme): tags are
        /// linked on every note page, thousands of times. Other tags are resolved as they come.
        let tagTargets: [String: String]

        init(project: Project, analysis: ProjectAnalysis) {
            var map: [String: String] = [:]
            for persona in analysis.personas?.personas ?? [] {
                for participant in persona.participants { map[participant] = persona.id }
            }
            participantPersona = map
            notesByID = Dictionary(project.notes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            var targets: [String: String] = [:]
            for tag in analysis.themeIndex.listedTags {
                targets[tag] = Self.target(of: tag, in: analysis.themeIndex)
            }
            tagTargets = targets
        }

        /// The site path of the theme page a tag links to (its first theme), nil without one.
        static func target(of tag: String, in index: ThemeIndex) -> String? {
            index.themeIDs(forTag: tag).first.map { PagePath.theme($0).path }
        }
    }

    /// One page to render, named by what it shows.
    public enum Page: Sendable, Hashable {
        case home, notes, note(String), themes, theme(String), notFound
        case gaps, dimension(String), quality, methodology, personas, persona(String), targets, monitoring, actions, action(String), service, needs, report(String), search

        var template: String {
            switch self {
            case .home: return "pages.home"
            case .notes: return "pages.notes"
            case .note: return "pages.note"
            case .themes: return "pages.themes"
            case .theme: return "pages.theme"
            case .notFound: return "pages.404"
            case .gaps: return "pages.gaps"
            case .dimension: return "pages.dimension"
            case .quality: return "pages.quality"
            case .methodology: return "pages.methodology"
            case .personas: return "pages.personas"
            case .persona: return "pages.persona"
            case .targets: return "pages.targets"
            case .monitoring: return "pages.monitoring"
            case .actions: return "pages.actions"
            case .action: return "pages.action"
            case .service: return "pages.service"
            case .needs: return "pages.needs"
            case .report: return "pages.page"
            case .search: return "pages.search"
            }
        }

        public var path: PagePath {
            switch self {
            case .home: return .home
            case .notes: return .notes
            case .note(let id): return .note(id)
            case .themes: return .themes
            case .theme(let id): return .theme(id)
            case .notFound: return .notFound
            case .gaps: return .gaps
            case .dimension(let id): return .dimension(id)
            case .quality: return .quality
            case .methodology: return .methodology
            case .personas: return .personas
            case .persona(let id): return .persona(id)
            case .targets: return .targets
            case .monitoring: return .monitoring
            case .actions: return .actions
            case .action(let id): return .action(id)
            case .service: return .service
            case .needs: return .needs
            case .report(let id): return .page(id)
            case .search: return .search
            }
        }
    }

    /// Every page of the site, in a stable order.
    public var pages: [Page] {
        // The public profile leaves out per-note pages (SPEC §8).
        let notePages: [Page] = project.config.profile == .public ? [] : project.notes.map { .note($0.id) }
        var pages: [Page] = [.home, .notes] + notePages + [.themes] + analysis.themes.map { .theme($0.theme.id) }
        if let personas = analysis.personas {
            pages += [.personas] + personas.personas.map { .persona($0.id) }
        }
        if let surveys = analysis.surveys {
            pages += [.gaps] + surveys.dimensions.map { .dimension($0.dimension.id) } + [.quality]
            if surveys.targeting != nil { pages.append(.targets) }
            if surveys.hasMonitoring { pages.append(.monitoring) }
        }
        pages += project.pages.map { .report($0.id) }
        if !analysis.needs.isEmpty { pages.append(.needs) }
        if let actions = analysis.actions { pages += [.actions] + actions.actions.map { .action($0.action.id) } }
        if analysis.service != nil { pages.append(.service) }
        return pages + [.methodology, .search, .notFound]
    }

    /// Renders all pages and the sitemap; a missing template is a diagnostic.
    public func render(progress: (@Sendable (Int, Int) -> Void)? = nil) -> ([OutputFile], [Diagnostic]) {
        let rendered = render(progress: progress, reuse: nil)
        return (rendered.files, rendered.diagnostics)
    }

    /// Every output file, the diagnostics, and the digest of each page's view model by path.
    public struct Rendered: Sendable {
        public var files: [OutputFile] = []
        public var diagnostics: [Diagnostic] = []
        public var models: [String: String] = [:]
        /// Pages that took the previous build's bytes rather than being rendered.
        public var reused = 0
    }

    /// Renders all pages and the sitemap. A page whose view model has the digest `reuse` holds for
    /// it takes the previous build's bytes instead of being rendered again (the caller makes sure
    /// the theme and canvass are the same).
    public func render(progress: (@Sendable (Int, Int) -> Void)?, reuse: PageReuse?) -> Rendered {
        let checks = check()
        if checks.hasErrors { return Rendered(diagnostics: checks) }
        let pages = self.pages
        let counter = ProgressCounter(total: pages.count, report: progress)
        let shared = ModelDigest.of(value: templates.strings.table).map { ["t": $0] } ?? [:]
        // The search index and the data files are the longest single jobs, taken first so that
        // they run beside the pages instead of after them.
        let jobs: [Job] = [.searchIndex, .dataFiles] + pages.map(Job.page)
        let results = ParallelMap.map(jobs) { job -> (files: [OutputFile], model: String?, reused: Bool, failed: Diagnostic?) in
            let page: Page
            switch job {
            case .searchIndex: return ([sitemap(pages: pages)] + searchIndexFiles(), nil, false, nil)
            case .dataFiles: return (dataFiles(), nil, false, nil)
            case .page(let one): page = one
            }
            defer { counter.advance() }
            let path = page.path.path
            let context = PageContext(renderer: self, path: page.path).context(for: page)
            let model = ModelDigest.of(context, template: page.template, shared: shared)
            if let model, let reuse, reuse.models[path] == model, let bytes = reuse.bytes(path) {
                return ([OutputFile(path: path, bytes: bytes)], model, true, nil)
            }
            guard let html = templates.render(context, template: page.template, threadCopy: true) else {
                return ([], nil, false, Self.failure(of: page))
            }
            return ([OutputFile(path: path, text: html)], model, false, nil)
        }
        // Pages first, then the sitemap, the search index and the data files.
        let failures = results.compactMap(\.failed)
        guard failures.isEmpty else { return Rendered(diagnostics: checks + failures) }
        let other = results[0].files + results[1].files
        var rendered = Rendered(files: Array(results.dropFirst(2).map(\.files).joined()) + other, diagnostics: checks)
        for (page, result) in zip(pages, results.dropFirst(2)) {
            rendered.models[page.path.path] = result.model
            if result.reused { rendered.reused += 1 }
        }
        return rendered
    }

    private enum Job: Sendable {
        case searchIndex, dataFiles
        case page(Page)
    }

    /// What must hold before any page renders: the theme has every page template, and every
    /// block and link in the content resolves. Sorted.
    public func check() -> [Diagnostic] {
        let missing = Set(pages.map(\.template)).sorted().filter { !templates.has($0) }
        if !missing.isEmpty {
            return missing.map {
                .error("the theme has no template \(TemplateSet.file($0))",
                       at: SourceLocation(file: TemplateSet.folder, line: 1, column: 1),
                       hint: "copy it from the default theme (`canvass new` writes one)")
            }
        }
        return (BlockChecker(project: project, analysis: analysis).check() + EntityLinks(project: project, analysis: analysis, notesByID: lookups.notesByID).check()).sorted()
    }

    /// The sitemap, the search index and the data files: everything but the pages.
    public func otherFiles() -> [OutputFile] {
        [sitemap(pages: pages)] + searchIndexFiles() + dataFiles()
    }

    private func searchIndexFiles() -> [OutputFile] {
        PageContext(renderer: self, path: .home).searchIndex().files().map { OutputFile(path: $0.path, bytes: $0.bytes) }
    }

    private func dataFiles() -> [OutputFile] {
        let namer = PageContext(renderer: self, path: .home)
        let names = Dictionary(uniqueKeysWithValues: (analysis.personas?.personas ?? []).map { ($0.id, namer.personaName($0)) })
        return DataFiles(project: project, analysis: analysis, names: names).files()
    }

    /// Renders one page to HTML, or says why it could not.
    public func render(_ page: Page) -> Result<String, Diagnostic> {
        let context = PageContext(renderer: self, path: page.path).context(for: page)
        guard let html = templates.render(context, template: page.template) else { return .failure(Self.failure(of: page)) }
        return .success(html)
    }

    /// A page whose template did not render (`check` makes sure the theme has it).
    private static func failure(of page: Page) -> Diagnostic {
        .error("\(page.path.path) could not be rendered: the theme has no template \(TemplateSet.file(page.template))",
               at: SourceLocation(file: TemplateSet.folder, line: 1, column: 1),
               hint: "copy it from the default theme (`canvass new` writes one)")
    }

    private func sitemap(pages: [Page]) -> OutputFile {
        let base = project.config.baseFolderURL
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for page in pages where page != .notFound {
            let path = page.path.path.hasSuffix("index.html") ? String(page.path.path.dropLast("index.html".count)) : page.path.path
            xml += "  <url><loc>\(HTMLEscaping.escape(base + path))</loc></url>\n"
        }
        xml += "</urlset>\n"
        return OutputFile(path: "sitemap.xml", text: xml)
    }
}

/// Counts finished pages from several threads and reports each step.
final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0
    private let total: Int
    private let report: (@Sendable (Int, Int) -> Void)?

    init(total: Int, report: (@Sendable (Int, Int) -> Void)?) {
        self.total = total
        self.report = report
    }

    func advance() {
        guard let report else { return }
        let current = lock.withLock { done += 1; return done }
        report(current, total)
    }
}

extension ProjectConfig {
    /// `baseURL` ending in `/`, for links made from it: the sitemap's, and the 404 page's.
    var baseFolderURL: String { baseURL.hasSuffix("/") ? baseURL : baseURL + "/" }
}
