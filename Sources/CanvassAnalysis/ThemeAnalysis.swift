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
        let index = ThemeIndex(codebook: project.codebook, notes: project.notes)
        return ProjectAnalysis(
            themeIndex: index, themes: ThemeAnalysis.summarize(notes: project.notes, index: index),
            surveys: SurveyAnalyzer(config: project.config, surveys: project.surveys).analyse())
    }
}
