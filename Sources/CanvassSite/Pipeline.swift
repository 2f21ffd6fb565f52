import CanvassAnalysis
import CanvassContent
import CanvassCore
import CanvassRender
import CanvassSupport
import Foundation

/// The build: Load → Analyse → Render → Write, each stage asking `session` for what earlier
/// builds left. `check` stops after Analyse.
public struct Pipeline: Sendable {
    public struct Options: Sendable {
        public var root: String
        /// Absolute output folder; `<root>/site` by default.
        public var output: String?
        public var includeDrafts = false
        public var strict = false
        public var profile: Profile?

        public init(root: String, output: String? = nil, includeDrafts: Bool = false, strict: Bool = false, profile: Profile? = nil) {
            self.root = root
            self.output = output
            self.includeDrafts = includeDrafts
            self.strict = strict
            self.profile = profile
        }
    }

    /// What a build or check produced.
    public struct Report: Sendable {
        public var diagnostics: [Diagnostic] = []
        public var succeeded: Bool { !diagnostics.hasErrors && failedStage == nil }
        public var failedStage: String?
        public var notes = 0
        public var excerpts = 0
        public var themes = 0
        public var pages = 0
        public var files = 0
        public var output: String?
        /// The build cache showed nothing changed, so nothing was rebuilt (`pages` is the previous count).
        public var upToDate = false
        /// Wall-clock seconds and the process's CPU seconds (all threads) per stage, in order, for `--verbose`.
        public var timings: [(stage: String, seconds: Double, cpu: Double)] = []
        /// Input files parsed by this build's load rather than reused from a cache (`.canvass-cache/`
        /// or `serve`'s); nil when no cache was used, so everything was parsed.
        public var parsed: [String]?
        /// Persona segmentations read back from `.canvass-cache/` rather than fitted.
        public var reusedSegmentations = 0
        /// The digest of every page's view model, by site path, for the build cache.
        public var pageModels: [String: String] = [:]
        /// Pages whose bytes came from the previous build, their view model being unchanged.
        public var reusedPages = 0
        /// The build read a database server, so its record can never show it up to date.
        public var readsServer = false
    }

    public let options: Options
    public let session: BuildSession

    public init(options: Options, session: BuildSession = BuildSession()) {
        self.options = options
        self.session = session
    }

    var outputFolder: String {
        options.output ?? (options.root as NSString).appendingPathComponent("site")
    }

    /// Loads and analyses without writing anything.
    public func check() -> Report {
        var report = Report()
        _ = session.begin(options, output: outputFolder, writes: false)
        _ = loadAndAnalyse(&report)
        return report
    }

    /// Builds the site into memory: every output file, nothing written.
    public func render(progress: (@Sendable (Int, Int) -> Void)? = nil) -> (Report, [OutputFileData]) {
        _ = session.begin(options, output: outputFolder, writes: false)
        return renderSite(progress: progress)
    }

    private func renderSite(progress: (@Sendable (Int, Int) -> Void)?) -> (Report, [OutputFileData]) {
        var report = Report()
        guard let site = prepare(&report) else { return (report, []) }
        var clock = Stopwatch()
        let rendered = site.renderer.render(progress: progress, reuse: session.pageReuse)
        report.diagnostics += rendered.diagnostics
        guard !rendered.diagnostics.hasErrors else {
            report.failedStage = "render"
            return (report, [])
        }
        let pages = rendered.files
        report.pageModels = rendered.models
        report.reusedPages = rendered.reused
        let files: [OutputFileData] = pages.map { ($0.path, $0.bytes) } + site.staticFiles
        report.timings.append(clock.lap("render"))
        report.pages = pages.filter { $0.path.hasSuffix(".html") }.count
        report.files = files.count + 1
        return (report, files)
    }

    /// Loads, analyses and checks everything a page needs, rendering nothing: `serve` renders
    /// each page when it is asked for.
    public func live() -> (Report, LiveSite?) {
        var report = Report()
        _ = session.begin(options, output: outputFolder, writes: false)
        guard let site = prepare(&report) else { return (report, nil) }
        var clock = Stopwatch()
        let checks = site.renderer.check()
        report.timings.append(clock.lap("check"))
        report.diagnostics += checks
        guard !checks.hasErrors else {
            report.failedStage = "render"
            return (report, nil)
        }
        report.pages = site.renderer.pages.count
        return (report, LiveSite(renderer: site.renderer, staticFiles: site.staticFiles))
    }

    /// The renderer and the files copied as they are (theme assets, persona photos).
    private func prepare(_ report: inout Report) -> (renderer: SiteRenderer, staticFiles: [OutputFileData])? {
        guard let (project, analysis) = loadAndAnalyse(&report) else { return nil }
        let (templates, templateDiagnostics) = session.templates?.load(projectRoot: options.root, language: project.config.language)
            ?? TemplateSet.load(projectRoot: options.root, language: project.config.language)
        report.diagnostics += templateDiagnostics.promotingWarnings(options.strict)
        guard let templates, !report.diagnostics.hasErrors else {
            report.failedStage = "templates"
            return nil
        }
        var files: [OutputFileData] = templates.assets.map { ("assets/" + $0.path, $0.bytes) }
        for narrative in project.personaNarratives {
            guard let photo = narrative.photo else { continue }
            guard let data = FileManager.default.contents(atPath: (options.root as NSString).appendingPathComponent(photo)) else {
                report.diagnostics.append(.error("cannot read photo \(photo)", at: SourceLocation(file: narrative.file, line: 1, column: 1)))
                report.failedStage = "templates"
                return nil
            }
            files.append((PersonaPhoto.sitePath(photo), [UInt8](data)))
        }
        return (SiteRenderer(project: project, analysis: analysis, templates: templates), files)
    }

    /// Builds and writes the site atomically; on any error the previous output stays as it was.
    public func build(progress: (@Sendable (Int, Int) -> Void)? = nil) -> Report {
        let writer = SiteWriter(projectRoot: options.root, output: outputFolder)
        if let refusal = writer.refusal() {
            var report = Report()
            report.diagnostics = [refusal]
            report.failedStage = "write"
            return report
        }
        var cacheClock = Stopwatch()
        if let pages = session.begin(options, output: outputFolder, writes: true) {
            var report = Report()
            report.upToDate = true
            report.pages = pages
            report.output = outputFolder
            return report
        }
        let cacheCheck = cacheClock.lap("cache in")
        var (report, files) = renderSite(progress: progress)
        if session.keeping.contains(.onDisk) { report.timings.insert(cacheCheck, at: 0) }
        var clock = Stopwatch()
        let record = session.rendered(report, files: files)
        if report.succeeded {
            do {
                try writer.write(files)
                report.output = outputFolder
            } catch SiteWriterError.refused(let diagnostic) {
                report.diagnostics.append(diagnostic)
                report.failedStage = "write"
            } catch {
                report.diagnostics.append(.error("could not write the site to \(outputFolder): \(error)"))
                report.failedStage = "write"
            }
            report.timings.append(clock.lap("write"))
        }
        session.end(report, record: record)
        if record != nil { report.timings.append(clock.lap("cache out")) }
        return report
    }

    /// The config as this build uses it: a profile given to the build (`--profile`) stands for the file's.
    private func configInEffect(_ config: ProjectConfig) -> ProjectConfig {
        var config = config
        if let profile = options.profile { config.profile = profile }
        return config
    }

    private func loadAndAnalyse(_ report: inout Report) -> (Project, ProjectAnalysis)? {
        var clock = Stopwatch()
        let loader = ProjectLoader(
            root: options.root, options: .init(includeDrafts: options.includeDrafts, strict: options.strict), cache: session.loads)
        let configStep = loader.loadConfig()
        let data = configStep.namesData ? Background { loader.loadData(configStep) } : nil
        // The survey analysis needs only the config and the surveys, which are read beside the
        // notes: it starts as soon as they are, and runs while the notes still load, unless the
        // public profile is to replace the respondents' ids first. When the load succeeds, these
        // are the project's config and surveys.
        let survey = data.flatMap { data -> Background<SurveyAnalysis?>? in
            guard let config = configStep.config.map(configInEffect), config.profile != .public else { return nil }
            return Background { [session] in
                let loaded = data.value()
                return loaded.usable ? Analyzer.surveyAnalysis(config: config, surveys: loaded.surveys, memo: session) : nil
            }
        }
        let loaded = loader.load(configStep, data: data)
        session.loaded()
        report.diagnostics = loaded.diagnostics
        report.parsed = session.loads?.parsedInLastLoad
        report.timings.append(clock.lap("load"))
        guard var project = loaded.project else {
            // Nothing a build starts goes on after it returns (a `serve` rebuild would race it).
            _ = survey?.value()
            report.failedStage = "load"
            return nil
        }
        project.config = configInEffect(project.config)
        report.readsServer = project.config.readsServer
        if project.config.profile == .public { project = PublicProfile.redact(project, memo: session) }
        let analysis = Analyzer.analyse(project, memo: session, survey: survey)
        report.timings.append(clock.lap("analyse"))
        report.reusedSegmentations = session.segmentations?.reused ?? 0
        report.diagnostics = (report.diagnostics + analysis.diagnostics.promotingWarnings(options.strict)).sorted()
        guard !report.diagnostics.hasErrors else {
            report.failedStage = "analyse"
            return nil
        }
        report.notes = project.notes.count
        report.excerpts = project.notes.reduce(0) { $0 + $1.excerpts.count }
        report.themes = analysis.themes.count
        return (project, analysis)
    }
}
