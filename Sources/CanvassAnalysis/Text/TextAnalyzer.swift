import CanvassCore

/// Sentiment of every excerpt and free-text survey answer (SPEC §4.12), with the project's lexicon.
public enum TextAnalyzer {
    public static func analyse(_ project: Project) -> TextResults {
        let lexicon = SentimentLexicon.bundled.extended(english: project.lexicon.english, chinese: project.lexicon.chinese)
        let analyzer = SentimentAnalyzer(lexicon: lexicon)
        var results = TextResults()
        for note in project.notes {
            for excerpt in note.excerpts {
                results.excerptSentiment[TextResults.key(excerpt)] = analyzer.score(excerpt.text).score
            }
        }
        for survey in project.surveys {
            for column in survey.config.text {
                for (row, text) in (survey.texts[column] ?? []).enumerated() {
                    guard let text else { continue }
                    let score = analyzer.score(text)
                    results.answers.append(SurveyAnswer(
                        respondent: survey.ids[row], column: column, file: survey.path, line: survey.lines[row], text: text,
                        sentiment: score.score, label: score.label.rawValue))
                }
            }
        }
        return results
    }
}
