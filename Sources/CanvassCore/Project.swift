/// A loaded project: what the content stage hands to analysis.
public struct Project: Sendable {
    /// Absolute path of the project root.
    public var root: String
    public var config: ProjectConfig
    /// Notes sorted by date (newest first), then id.
    public var notes: [Note]
    public var codebook: Codebook?
    /// Surveys in `canvass.yml` order.
    public var surveys: [SurveyData]
    /// `content/personas/*.md`, by file name.
    public var personaNarratives: [PersonaNarrative]
    /// Service records in `canvass.yml` order.
    public var records: [ServiceRecords] = []
    /// `content/data/lexicon.yml`, empty when absent.
    public var lexicon = UserLexicon()
    /// `content/pages/**/*.md`, in navigation order (`order`, then title).
    public var pages: [ReportPage] = []
    /// `content/actions/*.md`, by id.
    public var actions: [ImprovementAction] = []

    public init(
        root: String, config: ProjectConfig, notes: [Note], codebook: Codebook?, surveys: [SurveyData] = [],
        personaNarratives: [PersonaNarrative] = []
    ) {
        self.root = root
        self.config = config
        self.notes = notes
        self.codebook = codebook
        self.surveys = surveys
        self.personaNarratives = personaNarratives
    }
}
