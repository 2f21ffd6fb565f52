import Foundation
import CanvassCore

/// Counts the evidence behind each theme.
public enum ThemeAnalysis {
    /// Summarises every theme of the index over the notes; themes with no excerpts are kept (count 0),
    /// sorted by excerpt count, then label.
    public static func summarize(notes: [Note], index: ThemeIndex) -> [ThemeSummary] {
        var excerpts: [String: [Excerpt]] = [:]
        var notesByTheme: [String: [String]] = [:]
        var participants: [String: Set<String>] = [:]
        for note in notes {
            for excerpt in note.excerpts {
                for id in index.themeIDs(for: excerpt) {
                    excerpts[id, default: []].append(excerpt)
                    if notesByTheme[id]?.last != note.id { notesByTheme[id, default: []].append(note.id) }
                    if let person = note.attributedParticipant(of: excerpt) {
                        participants[id, default: []].insert(person)
                    }
                }
            }
        }
        return index.themes.map { theme in
            ThemeSummary(
                theme: theme, excerpts: excerpts[theme.id] ?? [], noteIDs: notesByTheme[theme.id] ?? [],
                participantIDs: (participants[theme.id] ?? []).sorted())
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
    /// methods and keywords.
    public static func enrich(
        _ summaries: [ThemeSummary], notes: [Note], index: ThemeIndex, personas: PersonaResults?, text: TextResults,
        stopwords: [String], termMemo: TextMemo<[String]>? = nil
    ) -> [ThemeSummary] {
        var personaOf: [String: String] = [:]
        for persona in personas?.personas ?? [] { for participant in persona.participants { personaOf[participant] = persona.id } }
        let noteByID = Dictionary(uniqueKeysWithValues: notes.map { ($0.id, $0) })
        var cooccurrence: [String: [String: Int]] = [:]
        for note in notes {
            for excerpt in note.excerpts {
                let ids = index.themeIDs(for: excerpt)
                for a in ids { for b in ids where a != b { cooccurrence[a, default: [:]][b, default: 0] += 1 } }
            }
        }
        // Terms per excerpt, on every core and remembered by `serve`; a theme's terms are its excerpts' in order.
        let extractor = KeywordExtractor(extraStopwords: stopwords)
        termMemo?.use(settings: "\(stopwords)")
        let texts = Array(Set(notes.flatMap { $0.excerpts.map(\.text) }))
        let termLists = ParallelMap.map(texts) { text in termMemo?.value(for: text, compute: extractor.terms) ?? extractor.terms(text) }
        let termsOf = Dictionary(uniqueKeysWithValues: zip(texts, termLists))
        let keywords = extractor.keywords(termLists: summaries.map { summary in
            (id: summary.theme.id, terms: summary.excerpts.flatMap { termsOf[$0.text] ?? extractor.terms($0.text) })
        })
        return summaries.map { summary in
            var enriched = summary
            var byPersona: [String: Int] = [:]
            var byMethod: [NoteMethod: Int] = [:]
            var scores: [Double] = []
            for excerpt in summary.excerpts {
                guard let note = noteByID[excerpt.noteID] else { continue }
                byMethod[note.method, default: 0] += 1
                if let person = note.attributedParticipant(of: excerpt), let persona = personaOf[person] { byPersona[persona, default: 0] += 1 }
                if let score = text.sentiment(of: excerpt) { scores.append(score) }
            }
            enriched.byPersona = PersonaBuilder.ranked(byPersona)
            enriched.byMethod = NoteMethod.allCases.compactMap { method in byMethod[method].map { Group(label: method.rawValue, value: $0) } }
            enriched.cooccurring = PersonaBuilder.ranked(cooccurrence[summary.theme.id] ?? [:])
            enriched.sentiment = scores.isEmpty ? nil : scores.reduce(0, +) / Double(scores.count)
            enriched.keywords = keywords[summary.theme.id] ?? []
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
    let terms = TextMemo<[String]>()

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
