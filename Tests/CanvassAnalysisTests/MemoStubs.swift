@testable import CanvassAnalysis
import CanvassCore
import Foundation

/// A memo that keeps persona segmentations in `store` and works out everything else.
struct StoredSegmentations: AnalysisMemo {
    let store: SegmentationStore

    func segmentation(key: () -> UInt64, rows: Int, fit: () -> SegmentationStore.Record) -> SegmentationStore.Record {
        store.segmentation(key: key, rows: rows, fit: fit)
    }
}

/// A memo that keeps nothing but counts the questions asked, and can answer the survey analysis
/// with a value of its own, to show the analysis takes what the memo gives.
final class CountingMemo: AnalysisMemo, @unchecked Sendable {
    private let lock = NSLock()
    private var asked: [String: Int] = [:]
    let surveyAnswer: SurveyAnalysis??

    init(surveyAnswer: SurveyAnalysis?? = nil) {
        self.surveyAnswer = surveyAnswer
    }

    var counts: [String: Int] { lock.withLock { asked } }

    private func count(_ question: String) {
        lock.withLock { asked[question, default: 0] += 1 }
    }

    func surveyAnalysis(config: ProjectConfig, digests: [String], analyse: () -> SurveyAnalysis?) -> SurveyAnalysis? {
        count("surveys")
        if let surveyAnswer { return surveyAnswer }
        return analyse()
    }

    func scoredAnswers(_ inputs: AnswerInputs, score: () -> [SurveyAnswer]) -> [SurveyAnswer] {
        count("answers")
        return score()
    }

    func excerptSentiment(of notes: [Note], lexicon: UserLexicon, score: ([Note]) -> [[Double]]) -> [[Double]] {
        count("sentiment")
        return score(notes)
    }

    func excerptThemes(of notes: [Note], index: ThemeIndex, find: ([Note]) -> [[[Int]]]) -> [[[Int]]] {
        count("themes")
        return find(notes)
    }

    func excerptTerms(of notes: [Note], stopwords: [String], extract: ([Note]) -> [[[String]]]) -> ExcerptTerms {
        count("terms")
        return NoMemo().excerptTerms(of: notes, stopwords: stopwords, extract: extract)
    }

    func segmentation(key: () -> UInt64, rows: Int, fit: () -> SegmentationStore.Record) -> SegmentationStore.Record {
        count("segmentation")
        return fit()
    }
}
