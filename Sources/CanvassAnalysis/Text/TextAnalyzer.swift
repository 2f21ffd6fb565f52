import CanvassSupport
import Foundation
import CanvassCore

/// Sentiment of every excerpt and free-text survey answer (SPEC §4.12), with the project's lexicon.
public enum TextAnalyzer {
    /// Scores every excerpt and free-text answer on every core, but those `memo` gives back.
    static func analyse(_ project: Project, memo: any AnalysisMemo = NoMemo()) -> TextResults {
        var words = project.lexicon
        words.stopwords = []
        let analyzer = SentimentAnalyzer(lexicon: SentimentLexicon.bundled.extended(english: words.english, chinese: words.chinese))
        var results = TextResults()
        results.excerptSentiment = memo.excerptSentiment(of: project.notes, lexicon: words) { notes in
            excerptValues(of: notes, key: \.text) { analyzer.score($0).score }
        }
        results.answers = memo.scoredAnswers(AnswerInputs(lexicon: words, surveys: project.surveys)) { answers(project.surveys, analyzer) }
        return results
    }

    /// Every free-text answer of the surveys, scored, in survey, column and row order.
    static func answers(_ surveys: [SurveyData], _ analyzer: SentimentAnalyzer) -> [SurveyAnswer] {
        var cells: [(survey: Int, column: String, row: Int, text: String)] = []
        for (index, survey) in surveys.enumerated() {
            for column in survey.config.text {
                for (row, text) in (survey.texts[column] ?? []).enumerated() {
                    if let text { cells.append((index, column, row, text)) }
                }
            }
        }
        let scores = ParallelMap.map(cells.map(\.text), chunk: 256, analyzer.score)
        return zip(cells, scores).map { cell, score in
            let survey = surveys[cell.survey]
            return SurveyAnswer(
                respondent: survey.ids[cell.row], column: cell.column, file: survey.path, line: survey.lines[cell.row], text: cell.text,
                sentiment: score.score, label: score.label.rawValue)
        }
    }
}
