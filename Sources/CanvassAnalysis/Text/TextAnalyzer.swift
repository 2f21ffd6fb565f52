import Foundation
import CanvassCore

/// Sentiment of every excerpt and free-text survey answer (SPEC §4.12), with the project's lexicon.
public enum TextAnalyzer {
    /// Scores every excerpt and free-text answer, notes in parallel. `memo` (kept by `serve`)
    /// holds scores of texts already seen with the same lexicon.
    public static func analyse(_ project: Project, memo: TextMemo<SentimentScore>? = nil) -> TextResults {
        let lexicon = SentimentLexicon.bundled.extended(english: project.lexicon.english, chinese: project.lexicon.chinese)
        let analyzer = SentimentAnalyzer(lexicon: lexicon)
        memo?.use(settings: "\(project.lexicon)")
        var results = TextResults()
        let scored = ParallelMap.map(project.notes) { note in
            note.excerpts.map { excerpt in
                (TextResults.key(excerpt), memo?.value(for: excerpt.text, compute: analyzer.score) ?? analyzer.score(excerpt.text))
            }
        }
        for (key, score) in scored.joined() {
            results.excerptSentiment[key] = score.score
        }
        for survey in project.surveys {
            for column in survey.config.text {
                for (row, text) in (survey.texts[column] ?? []).enumerated() {
                    guard let text else { continue }
                    let score = memo?.value(for: text, compute: analyzer.score) ?? analyzer.score(text)
                    results.answers.append(SurveyAnswer(
                        respondent: survey.ids[row], column: column, file: survey.path, line: survey.lines[row], text: text,
                        sentiment: score.score, label: score.label.rawValue))
                }
            }
        }
        return results
    }
}

/// Results per text already worked out (sentiment scores, keyword terms), for a long-lived
/// process; forgotten whenever the settings they depend on change.
public final class TextMemo<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var settings: String?
    private var values: [String: Value] = [:]

    public init() {}

    /// Starts a pass with `settings` (e.g. the user lexicon); different settings forget everything.
    func use(settings: String) {
        lock.withLock {
            if self.settings != settings { values = [:] }
            self.settings = settings
        }
    }

    func value(for text: String, compute: (String) -> Value) -> Value {
        if let known = lock.withLock({ values[text] }) { return known }
        let value = compute(text)
        lock.withLock { values[text] = value }
        return value
    }
}
