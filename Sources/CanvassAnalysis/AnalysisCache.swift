import Foundation
import CanvassCore

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
    /// The public profile's redacted notes, kept for the notes that stay as they were.
    public let redactions = RedactionCache()
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
