import Foundation
import CanvassCore

/// Counts the evidence behind each theme.
public enum ThemeAnalysis {
    /// Summarises every theme of the index over the notes; themes with no excerpts are kept (count 0),
    /// sorted by excerpt count, then label.
    public static func summarize(notes: [Note], index: ThemeIndex) -> [ThemeSummary] {
        let themes = index.themes
        let position = Dictionary(themes.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var excerpts = [[Excerpt]](repeating: [], count: themes.count)
        var noteIDs = [[String]](repeating: [], count: themes.count)
        var participants = [Set<String>](repeating: [], count: themes.count)
        for note in notes {
            for excerpt in note.excerpts {
                let person = note.attributedParticipant(of: excerpt)
                for id in index.themeIDs(for: excerpt) {
                    guard let theme = position[id] else { continue }
                    excerpts[theme].append(excerpt)
                    if noteIDs[theme].last != note.id { noteIDs[theme].append(note.id) }
                    if let person { participants[theme].insert(person) }
                }
            }
        }
        return themes.indices.map { theme in
            ThemeSummary(theme: themes[theme], excerpts: excerpts[theme], noteIDs: noteIDs[theme], participantIDs: participants[theme].sorted())
        }
        .sorted { ($0.excerpts.count, $1.theme.label) > ($1.excerpts.count, $0.theme.label) }
    }
}

/// The analysis stage: pure functions of the loaded project.
public enum Analyzer {
    /// `cache` lets a long-lived process skip the survey analysis (and persona segmentation) while
    /// the config and every survey's text are unchanged.
    public static func analyse(_ project: Project, cache: AnalysisCache? = nil) -> ProjectAnalysis {
        var analysis = analyseNotesAndSurveys(project, cache: cache)
        analysis.service = ServiceAnalyzer.analyse(project.records, commitments: project.config.commitments)
        analysis.text = TextAnalyzer.analyse(project, memo: cache?.sentiment)
        analysis.themes = ThemeAnalysis.enrich(
            analysis.themes, notes: project.notes, index: analysis.themeIndex, personas: analysis.personas, text: analysis.text,
            stopwords: project.lexicon.stopwords, termMemo: cache?.terms)
        analysis.needs = NeedAnalyzer.analyse(project, index: analysis.themeIndex, surveys: analysis.surveys)
        return analysis
    }

    static func analyseNotesAndSurveys(_ project: Project, cache: AnalysisCache? = nil) -> ProjectAnalysis {
        let index = ThemeIndex(codebook: project.codebook, notes: project.notes)
        let themes = ThemeAnalysis.summarize(notes: project.notes, index: index)
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
                themeIndex: index, narratives: project.personaNarratives).build()
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
    public static func enrich(
        _ summaries: [ThemeSummary], notes: [Note], index: ThemeIndex, personas: PersonaResults?, text: TextResults,
        stopwords: [String], termMemo: TermMemo? = nil
    ) -> [ThemeSummary] {
        var personaOf: [String: String] = [:]
        for persona in personas?.personas ?? [] { for participant in persona.participants { personaOf[participant] = persona.id } }
        let position = Dictionary(summaries.enumerated().map { ($1.theme.id, $0) }, uniquingKeysWith: { first, _ in first })
        let methods = NoteMethod.allCases
        // Terms of every excerpt, remembered by `serve` between rebuilds.
        let memo = termMemo ?? TermMemo()
        let extractor = KeywordExtractor(extraStopwords: stopwords)
        memo.use(settings: "\(stopwords)")
        let terms = memo.terms(of: notes.flatMap { $0.excerpts.map(\.text) }, extractor: extractor)

        var documents = [[[Int32]]](repeating: [], count: summaries.count)
        var byMethod = [[Int]](repeating: Array(repeating: 0, count: methods.count), count: summaries.count)
        var byPersona = [[String: Int]](repeating: [:], count: summaries.count)
        var scores = [[Double]](repeating: [], count: summaries.count)
        var cooccurrence = [[Int: Int]](repeating: [:], count: summaries.count)
        var next = 0
        for note in notes {
            let method = methods.firstIndex(of: note.method)!
            for excerpt in note.excerpts {
                let excerptTerms = terms[next]
                next += 1
                let themes = index.themeIDs(for: excerpt).compactMap { position[$0] }
                guard !themes.isEmpty else { continue }
                let persona = note.attributedParticipant(of: excerpt).flatMap { personaOf[$0] }
                let score = text.sentiment(of: excerpt)
                for theme in themes {
                    documents[theme].append(excerptTerms)
                    byMethod[theme][method] += 1
                    if let persona { byPersona[theme][persona, default: 0] += 1 }
                    if let score { scores[theme].append(score) }
                    for other in themes where other != theme { cooccurrence[theme][other, default: 0] += 1 }
                }
            }
        }
        let keywords = KeywordExtractor.keywords(documents: documents, vocabulary: memo)
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

/// The last survey analysis, kept by `canvass serve` so that a note edit does not re-run it.
public final class AnalysisCache: @unchecked Sendable {
    typealias SurveyAnalysis = (results: SurveyResults, personas: PersonaSegments?, pool: RespondentPool, diagnostics: [Diagnostic])?
    private let lock = NSLock()
    private var last: (config: ProjectConfig, digests: [String], analysis: SurveyAnalysis)?
    /// How many times the survey analysis actually ran, for tests.
    public private(set) var surveyRuns = 0
    let sentiment = TextMemo<SentimentScore>()
    let terms = TermMemo()

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
}
