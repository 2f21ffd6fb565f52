import Foundation
import CanvassCore

/// Counts the evidence behind each theme.
public enum ThemeAnalysis {
    /// Summarises every theme of the index over the notes; themes with no excerpts are kept (count 0),
    /// sorted by excerpt count, then label. `themesOf` holds each excerpt's themes, in note order,
    /// as positions in `index.themes`.
    static func summarize(notes: [Note], index: ThemeIndex, themesOf: [[Int]]) -> [ThemeSummary] {
        let themes = index.themes
        var excerpts = [[Excerpt]](repeating: [], count: themes.count)
        var noteIDs = [[String]](repeating: [], count: themes.count)
        var participants = [Set<String>](repeating: [], count: themes.count)
        var next = 0
        for note in notes {
            for excerpt in note.excerpts {
                let person = note.attributedParticipant(of: excerpt)
                for theme in themesOf[next] {
                    excerpts[theme].append(excerpt)
                    if noteIDs[theme].last != note.id { noteIDs[theme].append(note.id) }
                    if let person { participants[theme].insert(person) }
                }
                next += 1
            }
        }
        return themes.indices.map { theme in
            ThemeSummary(theme: themes[theme], excerpts: excerpts[theme], noteIDs: noteIDs[theme], participantIDs: participants[theme].sorted())
        }
        .sorted { ($0.excerpts.count, $1.theme.label) > ($1.excerpts.count, $0.theme.label) }
    }

    /// The themes of each excerpt of `notes`, in note order, as positions in `index.themes`.
    static func themesOfExcerpts(_ notes: [Note], index: ThemeIndex, memo: ExcerptMemo<ThemeIndex, [Int]>?) -> [[Int]] {
        let position = Dictionary(index.themes.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        return ExcerptMemo.values(of: notes, memo: memo, settings: index, key: \.tags) { tags in
            index.themeIDs(forTags: tags).compactMap { position[$0] }
        }
    }
}

/// The analysis stage: pure functions of the loaded project.
public enum Analyzer {
    /// `cache` lets a long-lived process skip the survey analysis (and persona segmentation) while
    /// the config and every survey's text are unchanged, and work out sentiment, terms and themes
    /// only for excerpts it has not seen.
    public static func analyse(_ project: Project, cache: AnalysisCache? = nil) -> ProjectAnalysis {
        let index = ThemeIndex(codebook: project.codebook, notes: project.notes)
        let themesOf = ThemeAnalysis.themesOfExcerpts(project.notes, index: index, memo: cache?.themes)
        var analysis = analyseNotesAndSurveys(project, index: index, themesOf: themesOf, cache: cache)
        analysis.service = ServiceAnalyzer.analyse(project.records, commitments: project.config.commitments)
        analysis.text = TextAnalyzer.analyse(project, cache: cache)
        analysis.themes = ThemeAnalysis.enrich(
            analysis.themes, notes: project.notes, index: index, themesOf: themesOf, personas: analysis.personas, text: analysis.text,
            stopwords: project.lexicon.stopwords, cache: cache)
        analysis.needs = NeedAnalyzer.analyse(project, index: index, themesOf: themesOf, surveys: analysis.surveys)
        return analysis
    }

    static func analyseNotesAndSurveys(_ project: Project, index: ThemeIndex, themesOf: [[Int]], cache: AnalysisCache?) -> ProjectAnalysis {
        let themes = ThemeAnalysis.summarize(notes: project.notes, index: index, themesOf: themesOf)
        let analyseSurveys = { SurveyAnalyzer(config: project.config, surveys: project.surveys).analyseWithPersonas() }
        let surveyAnalysis = cache.map { $0.surveys(config: project.config, digests: project.surveys.map(\.digest), analyse: analyseSurveys) }
            ?? analyseSurveys()
        guard let survey = surveyAnalysis else {
            return ProjectAnalysis(themeIndex: index, themes: themes, diagnostics: orphaned(project.personaNarratives))
        }
        var diagnostics = survey.diagnostics
        var personas: PersonaResults?
        if let segments = survey.personas, let config = project.config.personas {
            let (built, found) = PersonaBuilder(
                segments: segments, results: survey.results, pool: survey.pool, config: config, notes: project.notes,
                themeIndex: index, themesOf: themesOf, narratives: project.personaNarratives).build()
            personas = built
            diagnostics += found
        }
        if personas == nil { diagnostics += orphaned(project.personaNarratives) }
        return ProjectAnalysis(themeIndex: index, themes: themes, surveys: survey.results, personas: personas, diagnostics: diagnostics)
    }

    /// Narratives in a project that computes no personas describe nothing: each is an error.
    static func orphaned(_ narratives: [PersonaNarrative]) -> [Diagnostic] {
        narratives.map {
            .error("persona narrative `\($0.id)` has no persona to describe", at: SourceLocation(file: $0.file, line: 2, column: 1),
                   hint: "personas come from survey data: add a survey and `personas:` to canvass.yml")
        }
    }
}

extension ThemeAnalysis {
    /// Adds to each theme what needs the whole analysis: personas, sentiment, co-occurring themes,
    /// methods and keywords. One pass over the excerpts, in note order (the order of each theme's
    /// excerpts), counting by theme position and term number rather than by name.
    static func enrich(
        _ summaries: [ThemeSummary], notes: [Note], index: ThemeIndex, themesOf: [[Int]], personas: PersonaResults?, text: TextResults,
        stopwords: [String], cache: AnalysisCache? = nil
    ) -> [ThemeSummary] {
        var personaOf: [String: String] = [:]
        for persona in personas?.personas ?? [] { for participant in persona.participants { personaOf[participant] = persona.id } }
        // Position in `summaries` of each theme of the index.
        let position = Dictionary(summaries.enumerated().map { ($1.theme.id, $0) }, uniquingKeysWith: { first, _ in first })
        let summaryOf = index.themes.map { position[$0.id] }
        let methods = NoteMethod.allCases
        // Terms of every excerpt as numbers; `serve` keeps them between rebuilds.
        let vocabulary = cache?.vocabulary ?? Vocabulary()
        let extractor = KeywordExtractor(extraStopwords: stopwords)
        let terms = ExcerptMemo.values(of: notes, memo: cache?.terms, settings: stopwords, key: \.text) {
            vocabulary.numbers(extractor.terms($0))
        }

        var documents = [[[Int32]]](repeating: [], count: summaries.count)
        var byMethod = [[Int]](repeating: Array(repeating: 0, count: methods.count), count: summaries.count)
        var byPersona = [[String: Int]](repeating: [:], count: summaries.count)
        var scores = [[Double]](repeating: [], count: summaries.count)
        var cooccurrence = [[Int: Int]](repeating: [:], count: summaries.count)
        var next = 0
        for note in notes {
            let method = methods.firstIndex(of: note.method)!
            for excerpt in note.excerpts {
                defer { next += 1 }
                let themes = themesOf[next].compactMap { summaryOf[$0] }
                guard !themes.isEmpty else { continue }
                let persona = note.attributedParticipant(of: excerpt).flatMap { personaOf[$0] }
                let score = text.sentiment(of: excerpt)
                for theme in themes {
                    documents[theme].append(terms[next])
                    byMethod[theme][method] += 1
                    if let persona { byPersona[theme][persona, default: 0] += 1 }
                    if let score { scores[theme].append(score) }
                    for other in themes where other != theme { cooccurrence[theme][other, default: 0] += 1 }
                }
            }
        }
        let keywords = KeywordExtractor.keywords(documents: documents, vocabulary: vocabulary)
        return summaries.enumerated().map { theme, summary in
            var enriched = summary
            enriched.byPersona = PersonaBuilder.ranked(byPersona[theme])
            enriched.byMethod = methods.indices.compactMap { byMethod[theme][$0] > 0 ? Group(label: methods[$0].rawValue, value: byMethod[theme][$0]) : nil }
            enriched.cooccurring = PersonaBuilder.ranked(Dictionary(uniqueKeysWithValues: cooccurrence[theme].map { (summaries[$0.key].theme.id, $0.value) }))
            enriched.sentiment = scores[theme].isEmpty ? nil : scores[theme].reduce(0, +) / Double(scores[theme].count)
            enriched.keywords = keywords[theme]
            return enriched
        }
    }
}

/// What `canvass serve` keeps between rebuilds: the last survey analysis (and persona
/// segmentation) and scored answers, reused while the config and every survey's text are
/// unchanged, and each excerpt's sentiment, terms and themes.
public final class AnalysisCache: @unchecked Sendable {
    typealias SurveyAnalysis = (results: SurveyResults, personas: PersonaSegments?, pool: RespondentPool, diagnostics: [Diagnostic])?
    private let lock = NSLock()
    private var last: (config: ProjectConfig, digests: [String], analysis: SurveyAnalysis)?
    private var lastAnswers: (inputs: AnswerInputs, answers: [SurveyAnswer])?
    /// How many times the survey analysis actually ran, for tests.
    public private(set) var surveyRuns = 0
    let sentiment = ExcerptMemo<UserLexicon, Double>()
    let vocabulary = Vocabulary()
    let terms = ExcerptMemo<[String], [Int32]>()
    let themes = ExcerptMemo<ThemeIndex, [Int]>()

    public init() {}

    func surveys(config: ProjectConfig, digests: [String], analyse: () -> SurveyAnalysis) -> SurveyAnalysis {
        if let last = lock.withLock({ last }), last.config == config, last.digests == digests, !digests.contains("") {
            return last.analysis
        }
        let analysis = analyse()
        lock.withLock {
            last = (config, digests, analysis)
            surveyRuns += 1
        }
        return analysis
    }

    /// What the scored answers are worked out from: the lexicon and each survey's respondents,
    /// lines and free-text columns, as loaded (and, under the public profile, redacted).
    struct AnswerInputs: Equatable {
        struct Survey: Equatable {
            var path: String
            var ids: [String]
            var lines: [Int]
            var columns: [String]
            var texts: [[String?]]
        }
        var lexicon: UserLexicon
        var surveys: [Survey]

        init(lexicon: UserLexicon, surveys: [SurveyData]) {
            self.lexicon = lexicon
            self.surveys = surveys.map { survey in
                Survey(path: survey.path, ids: survey.ids, lines: survey.lines, columns: survey.config.text,
                       texts: survey.config.text.map { survey.texts[$0] ?? [] })
            }
        }
    }

    /// The surveys' scored free-text answers, scored again only when what they come from changed.
    /// Unchanged surveys share their arrays with the last load, so comparing them is quick.
    func answers(_ inputs: AnswerInputs, score: () -> [SurveyAnswer]) -> [SurveyAnswer] {
        if let last = lock.withLock({ lastAnswers }), last.inputs == inputs { return last.answers }
        let answers = score()
        lock.withLock { lastAnswers = (inputs, answers) }
        return answers
    }
}
