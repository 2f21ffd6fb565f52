import CanvassAnalysis
import CanvassContent
import CanvassCore
import CanvassRender
import CanvassSupport
import Foundation

/// The build: Load → Analyse → Render → Write. `check` stops after Analyse.
public struct Pipeline: Sendable {
    public struct Options: Sendable {
        public var root: String
        /// Absolute output folder; `<root>/site` by default.
        public var output: String?
        public var includeDrafts = false
        public var strict = false
        public var profile: Profile?
        /// Skip the build when `.canvass-cache/` shows nothing changed since the last one.
        public var useBuildCache = false
        /// Kept between builds by a long-lived process, so unchanged inputs are not read or analysed again.
        public var loadCache: LoadCache?
        public var analysisCache: AnalysisCache?
        public var templateCache: TemplateCache?
        /// Persona segmentations already fitted, from `.canvass-cache/` (set by `build`).
        public var segmentations: SegmentationStore?
        /// The previous build's pages, for pages whose view model is unchanged (set by `build`).
        public var pageReuse: PageReuse?
        /// False when the process exits right after the build (the command line): the notes read
        /// back from `.canvass-cache/` are then left for the exit to free, which saves freeing
        /// them object by object (a tenth of a second at 10,000 notes).
        public var freesCachesOnReturn = true
        /// Called once the notes are loaded, before the analysis: `build` starts saving the
        /// parsed notes to `.canvass-cache/` then, beside the analysis and rendering.
        public var onNotesLoaded: (@Sendable () -> Void)?

        public init(root: String, output: String? = nil, includeDrafts: Bool = false, strict: Bool = false, profile: Profile? = nil) {
            self.root = root
            self.output = output
            self.includeDrafts = includeDrafts
            self.strict = strict
            self.profile = profile
        }

        /// Options that keep parsed notes, surveys, the survey analysis and the theme between builds.
        public func cached() -> Options {
            var copy = self
            copy.loadCache = LoadCache()
            copy.analysisCache = AnalysisCache()
            copy.templateCache = TemplateCache()
            return copy
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
    }

    public private(set) var options: Options

    public init(options: Options) {
        self.options = options
    }

    var outputFolder: String {
        options.output ?? (options.root as NSString).appendingPathComponent("site")
    }

    /// Loads and analyses without writing anything.
    public func check() -> Report {
        var report = Report()
        _ = loadAndAnalyse(&report)
        return report
    }

    /// Builds the site into memory: every output file, nothing written.
    public func render(progress: (@Sendable (Int, Int) -> Void)? = nil) -> (Report, [OutputFileData]) {
        var report = Report()
        guard let site = prepare(&report) else { return (report, []) }
        var clock = Stopwatch()
        let rendered = site.renderer.render(progress: progress, reuse: options.pageReuse)
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
    ///
    /// The first build of a long-lived process starts from what the last `canvass build` left in
    /// `.canvass-cache/` (parsed notes, persona segmentations), when the same canvass wrote it.
    public func live() -> (Report, LiveSite?) {
        var report = Report()
        var pipeline = self
        let startingUp = options.loadCache.map { !$0.hasLoaded } ?? false
        let needsSegmentations = options.segmentations == nil && options.analysisCache?.surveyRuns == 0
        if startingUp || needsSegmentations {
            let stamp = BuildCache.binaryIdentity()
            if startingUp { options.loadCache?.startFrom(BuildCache.parsedNotesPath(root: options.root), stamp: stamp) }
            if needsSegmentations {
                pipeline.options.segmentations = SegmentationStore.restored(from: BuildCache.segmentationsPath(root: options.root), stamp: stamp)
            }
        }
        guard let site = pipeline.prepare(&report) else { return (report, nil) }
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
        let (templates, templateDiagnostics) = options.templateCache?.load(projectRoot: options.root, language: project.config.language)
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
        let cache = options.useBuildCache ? BuildCache(root: options.root, output: outputFolder, options: options) : nil
        if let pages = cache?.pagesIfUpToDate() {
            var report = Report()
            report.upToDate = true
            report.pages = pages
            report.output = outputFolder
            return report
        }
        // The notes parsed and the segmentations fitted by the last build, unless this process
        // keeps its own (`serve`, tests).
        var restored: LoadCache?
        var segmentations: SegmentationStore?
        if let cache, options.loadCache == nil {
            restored = LoadCache.restored(from: cache.parsedNotesPath, stamp: cache.binary)
        }
        if let cache, options.analysisCache == nil, options.segmentations == nil {
            segmentations = SegmentationStore.restored(from: cache.segmentationsPath, stamp: cache.binary)
        }
        var withCaches = options
        withCaches.loadCache = restored ?? options.loadCache
        withCaches.segmentations = segmentations ?? options.segmentations
        withCaches.pageReuse = cache?.pageReuse() ?? options.pageReuse
        // The parsed notes are saved as soon as they are loaded, on a core the analysis leaves
        // free at times; the wait ends when loading does (or the build stops before it).
        let loaded = DispatchSemaphore(value: 0)
        withCaches.onNotesLoaded = { loaded.signal() }
        let savingNotes = cache.flatMap { cache in
            restored.map { notes in
                Background {
                    loaded.wait()
                    if notes.changedInLastLoad { cache.saveParsedNotes(notes) }
                }
            }
        }
        let cacheCheck = cacheClock.lap("cache in")
        var (report, files) = Pipeline(options: withCaches).render(progress: progress)
        loaded.signal()
        if cache != nil { report.timings.insert(cacheCheck, at: 0) }
        var clock = Stopwatch()
        // The segmentations are saved, and the record of this build (with the digests of the new
        // site) worked out, while the site is written.
        let succeeded = report.succeeded
        let (segmentationStore, output, pages, models) = (segmentations, files, report.pages, report.pageModels)
        let caching = cache.map { cache in
            Background { () -> Data? in
                if let segmentationStore, segmentationStore.changed { cache.saveSegmentations(segmentationStore) }
                guard succeeded else { return nil }
                return cache.record(pages: pages, outputs: SiteWriter.contents(of: output).mapValues(ContentDigest.checksumHex), models: models)
            }
        }
        guard succeeded else {
            _ = caching?.value()
            savingNotes?.value()
            return report
        }
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
        if let cache, let caching {
            let record = caching.value()
            savingNotes?.value()
            // A build that could not write its site leaves the record of the site still there.
            if report.succeeded { cache.keep(record: report.diagnostics.isEmpty ? record : nil) }
            report.timings.append(clock.lap("cache out"))
        }
        if !options.freesCachesOnReturn {
            _ = restored.map(Unmanaged.passRetained)
            _ = segmentations.map(Unmanaged.passRetained)
        }
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
        // The survey analysis needs only the config and the surveys, which are read beside the
        // notes: it starts as soon as they are, and runs while the notes still load, unless the
        // public profile is to replace the respondents' ids first.
        let early = LockedValue<EarlySurveyAnalysis?>(nil)
        let loaded = ProjectLoader(
            root: options.root, options: .init(includeDrafts: options.includeDrafts, strict: options.strict), cache: options.loadCache
        ).load { [self] config, surveys in
            let config = configInEffect(config)
            guard config.profile != .public else { return }
            early.set(Analyzer.startSurveyAnalysis(config: config, surveys: surveys, cache: options.analysisCache, segmentations: options.segmentations))
        }
        options.onNotesLoaded?()
        report.diagnostics = loaded.diagnostics
        report.parsed = options.loadCache?.parsedInLastLoad
        report.timings.append(clock.lap("load"))
        guard var project = loaded.project else {
            early.get()?.finish()
            report.failedStage = "load"
            return nil
        }
        project.config = configInEffect(project.config)
        if project.config.profile == .public { project = PublicProfile.redact(project, cache: options.analysisCache?.redactions) }
        let analysis = Analyzer.analyse(project, cache: options.analysisCache, segmentations: options.segmentations, early: early.get())
        report.timings.append(clock.lap("analyse"))
        report.reusedSegmentations = options.segmentations?.reused ?? 0
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
