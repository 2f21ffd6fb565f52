import CanvassCore
import CanvassSupport

/// The analysis stage: pure functions of the loaded project.
public enum Analyzer {
    /// The analysis of `project`. `memo` may answer parts of it from an earlier build (the
    /// survey analysis while the config and surveys are unchanged; sentiment, terms and themes of
    /// excerpts already seen); what it answers is what the work would give. `survey`, when given,
    /// is `surveyAnalysis` of this project's config and surveys, already under way: the build
    /// session starts it while the notes are still loading.
    public static func analyse(
        _ project: Project, memo: any AnalysisMemo = NoMemo(), survey surveying: Background<SurveyAnalysis?>? = nil
    ) -> ProjectAnalysis {
        let index = ThemeIndex(codebook: project.codebook, notes: project.notes)
        // Passes that do not need each other's results run at the same time: the survey analysis
        // (much of it one thread's work) beside the passes over the notes, which themselves run
        // two at a time: on a large study each walks every excerpt, and that is most of what a
        // `serve` rebuild costs.
        let surveying = surveying ?? Background { surveyAnalysis(config: project.config, surveys: project.surveys, memo: memo) }
        let ((themesOf, terms), text) = ParallelMap.both(
            {
                (ThemeAnalysis.themesOfExcerpts(project.notes, index: index, memo: memo),
                 ThemeAnalysis.terms(of: project.notes, stopwords: project.lexicon.stopwords, memo: memo))
            },
            { TextAnalyzer.analyse(project, memo: memo) })
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

    /// The survey analysis and persona segmentation of `config` over `surveys`; nil without a
    /// survey. It reads nothing else of the project, so it can start as soon as they are loaded.
    public static func surveyAnalysis(config: ProjectConfig, surveys: [SurveyData], memo: any AnalysisMemo = NoMemo()) -> SurveyAnalysis? {
        memo.surveyAnalysis(config: config, digests: surveys.map(\.digest)) {
            SurveyAnalyzer(config: config, surveys: surveys, memo: memo).analyseWithPersonas()
        }
    }

    /// Personas from the segmentation, with the notes' evidence; nil without segments or `personas:`.
    static func buildPersonas(
        _ project: Project, survey: SurveyAnalysis?, index: ThemeIndex, themesOf: [[[Int]]]
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
