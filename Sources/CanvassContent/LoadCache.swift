import CanvassCore
import Foundation

/// What a long-lived process (`canvass serve`) keeps between loads: each note and survey as last
/// parsed, reused while its text (and, for a survey, its mapping) is unchanged. One entry per file,
/// so deleted or renamed files fall out at the next load.
public final class LoadCache: @unchecked Sendable {
    private let lock = NSLock()
    private var notes: [String: (text: String, result: (Note?, [Diagnostic]))] = [:]
    private var surveys: [String: (text: String, config: SurveyConfig, scale: RatingScale, result: (SurveyData?, [Diagnostic]))] = [:]
    /// Files parsed (not reused) by the last load, for tests and `--verbose`.
    public private(set) var parsedInLastLoad: [String] = []

    public init() {}

    func startLoad() {
        lock.withLock { parsedInLastLoad = [] }
    }

    func note(_ file: SourceFile, parse: () -> (Note?, [Diagnostic])) -> (Note?, [Diagnostic]) {
        if let cached = lock.withLock({ notes[file.path] }), cached.text == file.text { return cached.result }
        let result = parse()
        lock.withLock {
            notes[file.path] = (file.text, result)
            parsedInLastLoad.append(file.path)
        }
        return result
    }

    func survey(_ file: SourceFile, config: SurveyConfig, scale: RatingScale, parse: () -> (SurveyData?, [Diagnostic])) -> (SurveyData?, [Diagnostic]) {
        if let cached = lock.withLock({ surveys[file.path] }), cached.config == config, cached.scale == scale, cached.text == file.text {
            return cached.result
        }
        let result = parse()
        lock.withLock {
            surveys[file.path] = (file.text, config, scale, result)
            parsedInLastLoad.append(file.path)
        }
        return result
    }

    /// Forgets files that the last load no longer read.
    func keep(only paths: Set<String>) {
        lock.withLock {
            notes = notes.filter { paths.contains($0.key) }
            surveys = surveys.filter { paths.contains($0.key) }
        }
    }
}
