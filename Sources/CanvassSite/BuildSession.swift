import CanvassAnalysis
import CanvassContent
import CanvassCore
import CanvassRender
import CanvassSupport
import Foundation

/// Everything a build may take from earlier builds, in one place: the notes and surveys as parsed,
/// the analysis's memo, the theme as loaded, the persona segmentations fitted, and the pages of
/// the previous site. The pipeline's stages take the session and ask it; none keeps state of its own.
///
/// - `[]` keeps nothing: each build reads and works out everything (`check`, tests).
/// - `.inMemory` is `canvass serve`'s: everything stays in memory between rebuilds, and the first
///   build starts from what the last `canvass build` left in `.canvass-cache/`.
/// - `.onDisk` is `canvass build`'s: each build starts from `.canvass-cache/` (`BuildCache`),
///   is skipped when nothing changed since the last, and leaves there what the next one can use.
///
/// Builds on one session run one after another, never at once; what changes between them is kept
/// behind a lock, as a build's threads read it.
public final class BuildSession: @unchecked Sendable {
    public struct Keeping: OptionSet, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        public static let inMemory = Keeping(rawValue: 1)
        public static let onDisk = Keeping(rawValue: 2)
    }

    public let keeping: Keeping
    /// The notes and surveys as last parsed.
    public var loads: LoadCache? { lock.withLock { state.loads } }
    /// The survey analysis, scored answers and excerpt values of the last build (`.inMemory`).
    public let analyses: AnalysisCache?
    /// The theme as last loaded (`.inMemory`).
    public let templates: TemplateCache?
    /// The persona segmentations fitted so far, from `.canvass-cache/` at first.
    public var segmentations: SegmentationStore? { lock.withLock { state.segmentations } }
    /// The previous site's pages, for pages whose view model is unchanged (`.onDisk`).
    var pageReuse: PageReuse? { lock.withLock { state.pageReuse } }
    /// True when the process exits right after its build (the command line): the caches read
    /// back from `.canvass-cache/` are then left for the exit to free, which saves freeing them
    /// object by object (a tenth of a second at 10,000 notes).
    let exitsAfterBuild: Bool

    /// What changes from build to build, read from the threads of a build (behind `lock`).
    private struct State {
        var loads: LoadCache?
        var segmentations: SegmentationStore?
        var pageReuse: PageReuse?
        /// `.canvass-cache/` for the build under way (`.onDisk`).
        var disk: BuildCache?
        var savingNotes: Background<Void>?
        var startedFromDisk = false
    }

    private let lock = NSLock()
    private var state = State()

    public init(keeping: Keeping = [], exitsAfterBuild: Bool = false) {
        self.keeping = keeping
        self.exitsAfterBuild = exitsAfterBuild
        let inMemory = keeping.contains(.inMemory)
        analyses = inMemory ? AnalysisCache() : nil
        templates = inMemory ? TemplateCache() : nil
        state.loads = inMemory ? LoadCache() : nil
    }

    // MARK: - A build's steps

    /// Readies the session for a build of `options` into `output`. On disk, when inputs, options,
    /// binary and site are all as the last build left them, returns that build's page count:
    /// nothing need be done. `writes` is false for a build that writes no site (`serve`, `render`).
    func begin(_ options: Pipeline.Options, output: String, writes: Bool) -> Int? {
        if keeping.contains(.inMemory), !lock.withLock({ state.startedFromDisk }) {
            let stamp = BuildCache.binaryIdentity()
            loads?.startFrom(BuildCache.parsedNotesPath(root: options.root), stamp: stamp)
            let restored = SegmentationStore.restored(from: BuildCache.segmentationsPath(root: options.root), stamp: stamp)
            lock.withLock {
                state.startedFromDisk = true
                state.segmentations = restored
            }
        }
        guard keeping.contains(.onDisk), writes else { return nil }
        let cache = BuildCache(root: options.root, output: output, options: options)
        if let pages = cache.pagesIfUpToDate() { return pages }
        let restored = keeping.contains(.inMemory) ? nil : (
            loads: LoadCache.restored(from: cache.parsedNotesPath, stamp: cache.binary),
            segmentations: SegmentationStore.restored(from: cache.segmentationsPath, stamp: cache.binary))
        let reuse = cache.pageReuse()
        lock.withLock {
            state.disk = cache
            if let restored { (state.loads, state.segmentations) = restored }
            state.pageReuse = reuse
        }
        return nil
    }

    /// The notes are loaded: on disk, the parsed notes are saved for the next build, on a core the
    /// analysis leaves free at times, while the build goes on.
    func loaded() {
        lock.withLock {
            guard let disk = state.disk, let loads = state.loads, loads.changedInLastLoad else { return }
            state.savingNotes = Background { disk.saveParsedNotes(loads) }
        }
    }

    /// The site is rendered (or the build failed): on disk, the segmentations are saved and the
    /// record of this build (the digests of the new site) worked out while the site is written.
    func rendered(_ report: Pipeline.Report, files: [OutputFileData]) -> Background<Data?>? {
        let (disk, segmentations) = lock.withLock { (state.disk, state.segmentations) }
        guard let disk else { return nil }
        let (succeeded, pages, models, readsServer) = (report.succeeded, report.pages, report.pageModels, report.readsServer)
        return Background { () -> Data? in
            if let segmentations, segmentations.changed { disk.saveSegmentations(segmentations) }
            guard succeeded else { return nil }
            return disk.record(
                pages: pages, outputs: SiteWriter.contents(of: files).mapValues(ContentDigest.checksumHex), models: models, readsServer: readsServer)
        }
    }

    /// The build is over: on disk, its record is kept when it wrote its site without a diagnostic
    /// (`record` being `rendered`'s), and nothing it started goes on.
    func end(_ report: Pipeline.Report, record: Background<Data?>?) {
        let kept = record?.value()
        let (disk, saving) = lock.withLock { (state.disk, state.savingNotes) }
        saving?.value()
        // A build that failed, or could not write its site, leaves the record of the site still there.
        if let disk, report.succeeded { disk.keep(record: report.diagnostics.isEmpty ? kept : nil) }
        lock.withLock {
            (state.disk, state.savingNotes, state.pageReuse) = (nil, nil, nil)
            guard !keeping.contains(.inMemory) else { return }
            if exitsAfterBuild {
                _ = state.loads.map(Unmanaged.passRetained)
                _ = state.segmentations.map(Unmanaged.passRetained)
            }
            (state.loads, state.segmentations) = (nil, nil)
        }
    }
}

extension BuildSession: AnalysisMemo {
    public func surveyAnalysis(config: ProjectConfig, digests: [String], analyse: () -> SurveyAnalysis?) -> SurveyAnalysis? {
        analyses?.surveyAnalysis(config: config, digests: digests, analyse: analyse) ?? analyse()
    }

    public func scoredAnswers(_ inputs: AnswerInputs, score: () -> [SurveyAnswer]) -> [SurveyAnswer] {
        analyses?.scoredAnswers(inputs, score: score) ?? score()
    }

    public func excerptSentiment(of notes: [Note], lexicon: UserLexicon, score: ([Note]) -> [[Double]]) -> [[Double]] {
        analyses?.excerptSentiment(of: notes, lexicon: lexicon, score: score) ?? score(notes)
    }

    public func excerptThemes(of notes: [Note], index: ThemeIndex, find: ([Note]) -> [[[Int]]]) -> [[[Int]]] {
        analyses?.excerptThemes(of: notes, index: index, find: find) ?? find(notes)
    }

    public func excerptTerms(of notes: [Note], stopwords: [String], extract: ([Note]) -> [[[String]]]) -> ExcerptTerms {
        analyses?.excerptTerms(of: notes, stopwords: stopwords, extract: extract)
            ?? NoMemo().excerptTerms(of: notes, stopwords: stopwords, extract: extract)
    }

    public func segmentation(key: () -> UInt64, rows: Int, fit: () -> SegmentationStore.Record) -> SegmentationStore.Record {
        segmentations?.segmentation(key: key, rows: rows, fit: fit) ?? fit()
    }

    public func redactedNotes(_ notes: [Note], inputs: PublicProfile.Inputs, redact: ([Note]) -> [Note]) -> [Note] {
        analyses?.redactions.redactedNotes(notes, inputs: inputs, redact: redact) ?? redact(notes)
    }
}
