/// Everything the analysis stage computes, handed to rendering.
public struct ProjectAnalysis: Sendable {
    public var themeIndex: ThemeIndex
    public var themes: [ThemeSummary]
    /// Nil when the project has no survey.
    public var surveys: SurveyResults?
    /// Nil when the project has no survey or no `personas`.
    public var personas: PersonaResults?
    /// Nil when the project has no `records`.
    public var service: ServiceResults?
    /// Sentiment of every excerpt and free-text answer, and the needs.
    public var text = TextResults()
    public var needs: [Need] = []
    /// Nil when the project has no `content/actions/`.
    public var actions: ActionResults?
    /// Problems only analysis can see (unknown segment values, narratives matching no persona).
    public var diagnostics: [Diagnostic]

    public init(themeIndex: ThemeIndex, themes: [ThemeSummary], surveys: SurveyResults? = nil, personas: PersonaResults? = nil, diagnostics: [Diagnostic] = []) {
        self.themeIndex = themeIndex
        self.themes = themes
        self.surveys = surveys
        self.personas = personas
        self.diagnostics = diagnostics
    }

    public func summary(themeID: String) -> ThemeSummary? {
        themes.first { $0.theme.id == themeID }
    }
}
