import Foundation
import CanvassCore

/// What `canvass serve` keeps in memory between rebuilds, for the build session to answer the
/// analysis's `AnalysisMemo` questions with: the last survey analysis (and persona segmentation)
/// and scored answers, reused while the config and every survey's text are unchanged; each
/// excerpt's sentiment, terms and themes; the public profile's redacted notes.
public final class AnalysisCache: @unchecked Sendable {
    private let lock = NSLock()
    private var last: (config: ProjectConfig, digests: [String], analysis: SurveyAnalysis?)?
    private var lastAnswers: (inputs: AnswerInputs, answers: [SurveyAnswer])?
    /// How many times the survey analysis actually ran, for tests.
    public private(set) var surveyRuns = 0
    /// The public profile's redacted notes, kept for the notes that stay as they were.
    public let redactions = RedactionCache()
    private let sentiment = ExcerptMemo<UserLexicon, Double>()
    private let terms = ExcerptMemo<[String], [Int32]>()
    private var vocabulary = Vocabulary()
    private let themes = ExcerptMemo<ThemeIndex, [Int]>()

    public init() {}

    /// `AnalysisMemo.surveyAnalysis`.
    public func surveyAnalysis(config: ProjectConfig, digests: [String], analyse: () -> SurveyAnalysis?) -> SurveyAnalysis? {
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

    /// `AnalysisMemo.scoredAnswers`. Unchanged surveys share their arrays with the last load, so
    /// comparing the inputs is quick.
    public func scoredAnswers(_ inputs: AnswerInputs, score: () -> [SurveyAnswer]) -> [SurveyAnswer] {
        if let last = lock.withLock({ lastAnswers }), last.inputs == inputs { return last.answers }
        let answers = score()
        lock.withLock { lastAnswers = (inputs, answers) }
        return answers
    }

    /// `AnalysisMemo.excerptSentiment`.
    public func excerptSentiment(of notes: [Note], lexicon: UserLexicon, score: ([Note]) -> [[Double]]) -> [[Double]] {
        sentiment.values(of: notes, settings: lexicon, compute: score)
    }

    /// `AnalysisMemo.excerptThemes`.
    public func excerptThemes(of notes: [Note], index: ThemeIndex, find: ([Note]) -> [[[Int]]]) -> [[[Int]]] {
        themes.values(of: notes, settings: index, compute: find)
    }

    /// `AnalysisMemo.excerptTerms`: the vocabulary grows with every note whose terms are new, and
    /// keeps the numbers it gave, so kept terms stay valid.
    public func excerptTerms(of notes: [Note], stopwords: [String], extract: ([Note]) -> [[[String]]]) -> ExcerptTerms {
        let numbered = terms.values(of: notes, settings: stopwords) { missing in
            let extracted = extract(missing)
            return lock.withLock { vocabulary.number(extracted) }
        }
        return ExcerptTerms(terms: numbered, vocabulary: lock.withLock { vocabulary })
    }
}
