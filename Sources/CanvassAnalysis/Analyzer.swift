import CanvassCore
import CanvassSupport

/// The analysis stage: pure functions of the loaded project.
public enum Analyzer {
    /// `cache` lets a long-lived process skip the survey analysis (and persona segmentation) while
    /// the config and every survey's text are unchanged, and work out sentiment, terms and themes
    /// only for excerpts it has not seen.
    /// `segmentations` (kept by `canvass build`) gives back persona segmentations already fitted.
    /// `early` is the survey analysis started while the notes were still loading; it is taken only
    /// when it was started from this project's config and surveys.
    public static func analyse(
        _ project: Project, cache: AnalysisCache? = nil, segmentations: SegmentationStore? = nil, early: EarlySurveyAnalysis? = nil
    ) -> ProjectAnalysis {
        let index = ThemeIndex(codebook: project.codebook, notes: project.notes)
        // Passes that do not need each other's results run at the same time: the survey analysis
        // (much of it one thread's work) beside the passes over the notes, which themselves run
        // two at a time: on a large study each walks every excerpt, and that is most of what a
        // `serve` rebuild costs.
        let taken = early.flatMap { $0.job(for: project) }
        // An early analysis not taken still ends before this returns.
        defer { if taken == nil { early?.finish() } }
        let surveying = taken
            ?? startSurveyAnalysis(config: project.config, surveys: project.surveys, cache: cache, segmentations: segmentations).work
        let ((themesOf, terms), text) = ParallelMap.both(
            {
                (ThemeAnalysis.themesOfExcerpts(project.notes, index: index, memo: cache?.themes),
                 ThemeAnalysis.terms(of: project.notes, stopwords: project.lexicon.stopwords, cache: cache))
            },
            { TextAnalyzer.analyse(project, cache: cache) })
        let survey = surveying.value()
        let ((themes, needs), (personas, personaDiagnostics)) = ParallelMap.both(
            {
                (ThemeAnalysis.summarize(notes: project.notes, index: index, themesOf: themesOf),
                 NeedAnalyzer.analyse(project, index: index, themesOf: themesOf, surveys: survey?.results))
            },
            { buildPersonas(project, survey: survey, index: index, themesOf: themesOf) })
        var diagnostics = (survey?.diagnostics ?? []) + personaDiagnostics
        if personas == nil { diagnostics += orphaned(project.personaNarratives) }
        var analysis = ProjectAnalysis(themeIndex: index, themes: themes, surveys: survey?.results, personas: personas, diagnostics: diagnostics)
        analysis.service = ServiceAnalyzer.analyse(project.records, commitments: project.config.commitments)
        analysis.text = text
        analysis.themes = ThemeAnalysis.enrich(
            themes, notes: project.notes, index: index, themesOf: themesOf, personas: personas, scores: text.excerptSentiment, terms: terms)
        analysis.needs = needs
        let (actions, actionDiagnostics) = ActionAnalyzer(project: project, survey: survey, needs: needs, personas: personas).analyse()
        analysis.actions = actions
        analysis.diagnostics += actionDiagnostics
        return analysis
    }

    /// The survey analysis and persona segmentation; nil when the project has no survey.
    static func surveyAnalysis(
        config: ProjectConfig, surveys: [SurveyData], cache: AnalysisCache?, segmentations: SegmentationStore?
    ) -> AnalysisCache.SurveyAnalysis {
        let analyse = { SurveyAnalyzer(config: config, surveys: surveys, segmentations: segmentations).analyseWithPersonas() }
        return cache.map { $0.surveys(config: config, digests: surveys.map(\.digest), analyse: analyse) } ?? analyse()
    }

    /// Starts the survey analysis on surveys just loaded, so that it runs beside the loading of
    /// the notes: it reads nothing else. Only for a project whose surveys reach the analysis as
    /// they were read — not under the public profile, which replaces respondent ids.
    public static func startSurveyAnalysis(
        config: ProjectConfig, surveys: [SurveyData], cache: AnalysisCache? = nil, segmentations: SegmentationStore? = nil
    ) -> EarlySurveyAnalysis {
        EarlySurveyAnalysis(
            config: config, digests: surveys.map(\.digest),
            work: Background { surveyAnalysis(config: config, surveys: surveys, cache: cache, segmentations: segmentations) })
    }

    /// Personas from the segmentation, with the notes' evidence; nil without segments or `personas:`.
    static func buildPersonas(
        _ project: Project, survey: AnalysisCache.SurveyAnalysis, index: ThemeIndex, themesOf: [[[Int]]]
    ) -> (PersonaResults?, [Diagnostic]) {
        guard let survey, let segments = survey.personas, let config = project.config.personas else { return (nil, []) }
        return PersonaBuilder(
            segments: segments, results: survey.results, pool: survey.pool, config: config, notes: project.notes,
            themeIndex: index, themesOf: themesOf, narratives: project.personaNarratives).build()
    }

    /// Narratives in a project that computes no personas describe nothing: each is an error.
    static func orphaned(_ narratives: [PersonaNarrative]) -> [Diagnostic] {
        narratives.map {
            .error("persona narrative `\($0.id)` has no persona to describe", at: SourceLocation(file: $0.file, line: 2, column: 1),
                   hint: "personas come from survey data: add a survey and `personas:` to canvass.yml")
        }
    }
}

/// The survey analysis of `Analyzer.startSurveyAnalysis`, under way.
public struct EarlySurveyAnalysis: Sendable {
    let config: ProjectConfig
    let digests: [String]
    let work: Background<AnalysisCache.SurveyAnalysis>

    /// The work, when it was started from the project's config and surveys (a survey's digest
    /// stands for its content); nil otherwise, and the analysis starts its own.
    func job(for project: Project) -> Background<AnalysisCache.SurveyAnalysis>? {
        guard config == project.config, digests == project.surveys.map(\.digest), !digests.contains("") else { return nil }
        return work
    }

    /// Waits for the work to end, when the build stopped before its analysis: nothing a build
    /// started goes on after it returns (a `serve` rebuild would otherwise race it). Not after
    /// `job` gave the work.
    public func finish() {
        _ = work.value()
    }
}
