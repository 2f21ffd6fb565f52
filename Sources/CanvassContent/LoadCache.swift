import CanvassCore
import Foundation

/// What a long-lived process (`canvass serve`) keeps between loads: each note and survey as last
/// parsed, reused while its text (and, for a survey, its mapping) is unchanged. One entry per file,
/// so deleted or renamed files fall out at the next load.
///
/// A note or survey whose file identity (device, inode, size, modification and change times) is
/// what it was at the last load is not even read again: an editor's save changes at least the times.
public final class LoadCache: @unchecked Sendable {
    private let lock = NSLock()
    private var notes: [String: (text: String, identity: FileIdentity?, result: (Note?, [Diagnostic]))] = [:]
    private var surveys: [String: (text: String, identity: FileIdentity?, config: SurveyConfig, scale: RatingScale, result: (SurveyData?, [Diagnostic]))] = [:]
    /// Files parsed (not reused) by the last load, for tests and `--verbose`.
    public private(set) var parsedInLastLoad: [String] = []
    /// Notes looked up (reused or parsed) by the load under way.
    private var notesLoaded = 0

    public init() {}

    func startLoad() {
        lock.withLock {
            parsedInLastLoad = []
            notesLoaded = 0
        }
    }

    /// The note last parsed from `path` when its file is still the same file (`identity`), unread.
    func unchangedNote(at path: String, identity: FileIdentity?) -> (Note?, [Diagnostic])? {
        guard let identity, let cached = lock.withLock({ notes[path] }), cached.identity == identity else { return nil }
        lock.withLock { notesLoaded += 1 }
        return cached.result
    }

    func note(_ file: SourceFile, identity: FileIdentity?, parse: () -> (Note?, [Diagnostic])) -> (Note?, [Diagnostic]) {
        if let cached = lock.withLock({ notes[file.path] }), cached.text == file.text {
            lock.withLock {
                notes[file.path]?.identity = identity
                notesLoaded += 1
            }
            return cached.result
        }
        let result = parse()
        lock.withLock {
            notes[file.path] = (file.text, identity, result)
            notesLoaded += 1
            parsedInLastLoad.append(file.path)
        }
        return result
    }

    /// The survey last parsed from `path` with the same mapping and scale, when its file is still the
    /// same file (`identity`), unread: a survey of many respondents takes longer to read and compare
    /// than everything else a rebuild reuses.
    func unchangedSurvey(at path: String, identity: FileIdentity?, config: SurveyConfig, scale: RatingScale) -> (SurveyData?, [Diagnostic])? {
        guard let identity, let cached = lock.withLock({ surveys[path] }), cached.identity == identity, cached.config == config,
              cached.scale == scale
        else { return nil }
        return cached.result
    }

    func survey(
        _ file: SourceFile, identity: FileIdentity?, config: SurveyConfig, scale: RatingScale, parse: () -> (SurveyData?, [Diagnostic])
    ) -> (SurveyData?, [Diagnostic]) {
        if let cached = lock.withLock({ surveys[file.path] }), cached.config == config, cached.scale == scale, cached.text == file.text {
            lock.withLock { surveys[file.path]?.identity = identity }
            return cached.result
        }
        let result = parse()
        lock.withLock {
            surveys[file.path] = (file.text, identity, config, scale, result)
            parsedInLastLoad.append(file.path)
        }
        return result
    }

    /// Forgets notes and surveys that the last load no longer read.
    func keep(notes listed: @autoclosure () -> Set<String>, surveys surveyPaths: Set<String>) {
        lock.withLock {
            // Each note is looked up once per load: when this load looked up as many as are kept, it
            // looked up every one, and none is to be forgotten.
            if notesLoaded != notes.count {
                let paths = listed()
                notes = notes.filter { paths.contains($0.key) }
            }
            surveys = surveys.filter { surveyPaths.contains($0.key) }
        }
    }
}

/// Which file a path names and when it last changed, from `stat` (links followed).
struct FileIdentity: Equatable {
    let values: [Int]

    init?(of path: String) {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        values = [
            Int(info.st_dev), Int(info.st_ino), Int(info.st_size), info.st_mtim.tv_sec, info.st_mtim.tv_nsec,
            info.st_ctim.tv_sec, info.st_ctim.tv_nsec,
        ]
    }
}
