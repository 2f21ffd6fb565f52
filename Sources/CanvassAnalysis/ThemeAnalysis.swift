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
                    if let person = excerpt.speaker ?? (note.participants.count == 1 ? note.participants[0].id : nil) {
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
    public static func analyse(_ project: Project) -> ProjectAnalysis {
        var analysis = analyseNotesAndSurveys(project)
        analysis.service = ServiceAnalyzer.analyse(project.records, commitments: project.config.commitments)
        return analysis
    }

    static func analyseNotesAndSurveys(_ project: Project) -> ProjectAnalysis {
        let index = ThemeIndex(codebook: project.codebook, notes: project.notes)
        let themes = ThemeAnalysis.summarize(notes: project.notes, index: index)
        guard let survey = SurveyAnalyzer(config: project.config, surveys: project.surveys).analyseWithPersonas() else {
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
