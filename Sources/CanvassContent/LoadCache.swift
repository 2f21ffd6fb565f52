import CanvassCore
import CanvassSupport
import Foundation

/// What a long-lived process (`canvass serve`) keeps between loads: each note and survey as last
/// parsed, reused while its text (and, for a survey, its mapping) is unchanged. One entry per file,
/// so deleted or renamed files fall out at the next load.
///
/// A note or survey whose file identity (device, inode, size, modification and change times) is
/// what it was at the last load is not even read again: an editor's save changes at least the times.
///
/// `canvass build` keeps the parsed notes in `.canvass-cache/` (`save(to:stamp:)`), so a build
/// after a one-note edit parses that note alone; there, notes are recognised by their text only.
public final class LoadCache: @unchecked Sendable {
    private let lock = NSLock()
    private var notes: [String: (text: TextKey, identity: FileIdentity?, result: (Note?, [Diagnostic]))] = [:]
    private var surveys: [String: (text: String, identity: FileIdentity?, config: SurveyConfig, scale: RatingScale, result: (SurveyData?, [Diagnostic]))] = [:]
    /// Files parsed (not reused) by the last load, for tests and `--verbose`.
    public private(set) var parsedInLastLoad: [String] = []
    /// Notes looked up (reused or parsed) by the load under way.
    private var notesLoaded = 0
    /// Loads begun so far.
    private var loads = 0
    /// Whether the last load let go of notes no longer in the project.
    private var forgotNotes = false

    public init() {}

    func startLoad() {
        lock.withLock {
            parsedInLastLoad = []
            notesLoaded = 0
            forgotNotes = false
            loads += 1
        }
    }

    /// The notes last parsed from `paths` whose files are still the same files (`identities`),
    /// unread; nil for the others. One look under the lock for all, rather than one per note.
    func unchangedNotes(at paths: [String], identities: [FileIdentity?]) -> [(Note?, [Diagnostic])?] {
        lock.withLock {
            let found = zip(paths, identities).map { path, identity -> (Note?, [Diagnostic])? in
                guard let identity, let cached = notes[path], cached.identity == identity else { return nil }
                return cached.result
            }
            notesLoaded += found.lazy.filter { $0 != nil }.count
            return found
        }
    }

    func note(_ file: SourceFile, identity: FileIdentity?, parse: () -> (Note?, [Diagnostic])) -> (Note?, [Diagnostic]) {
        let key = TextKey(file.text)
        if let cached = lock.withLock({ notes[file.path] }), cached.text == key {
            lock.withLock {
                notes[file.path]?.identity = identity
                notesLoaded += 1
            }
            return cached.result
        }
        let result = parse()
        lock.withLock {
            notes[file.path] = (key, identity, result)
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
                forgotNotes = true
            }
            surveys = surveys.filter { surveyPaths.contains($0.key) }
        }
    }
}

extension LoadCache {
    /// The first line of a saved cache: the format and the canvass binary that wrote it.
    private static func header(stamp: String) -> String { "canvass parsed notes, format 3, \(stamp)\n" }

    /// The notes saved by `save(to:stamp:)` at `path`, when `stamp` (which names the canvass
    /// binary) is the one they were saved with; an empty cache when there is no such file, or it
    /// is from another binary, or it is damaged (the saved digest of the notes does not match).
    public static func restored(from path: String, stamp: String) -> LoadCache {
        let cache = LoadCache()
        guard var reader = CacheFile.reader(path: path, header: header(stamp: stamp)) else { return cache }
        do {
            // Decoded on every core: 10,000 notes take half a second on one.
            let entries = try reader.chunks { reader -> (String, TextKey, (Note?, [Diagnostic])) in
                let path = try reader.string()
                let key = TextKey(digest: UInt64(bitPattern: Int64(try reader.int())), bytes: try reader.int())
                return (path, key, try reader.noteResult())
            }
            guard reader.atEnd else { return cache }
            for (path, key, result) in entries { cache.notes[path] = (key, nil, result) }
        } catch {
            return LoadCache()
        }
        return cache
    }

    /// Before the first load, takes the notes saved at `path` (see `restored(from:stamp:)`), so
    /// that a long-lived process starts from what the last `canvass build` parsed; afterwards,
    /// does nothing.
    public func startFrom(_ path: String, stamp: String) {
        guard !hasLoaded, lock.withLock({ notes.isEmpty }) else { return }
        let saved = Self.restored(from: path, stamp: stamp)
        lock.withLock {
            guard loads == 0 else { return }
            notes.merge(saved.notes) { current, _ in current }
        }
    }

    /// Whether a load has begun with this cache.
    public var hasLoaded: Bool { lock.withLock { loads > 0 } }

    /// Whether the last load parsed a note or let one go, so that a saved copy is out of date.
    public var changedInLastLoad: Bool { lock.withLock { forgotNotes || parsedInLastLoad.contains { notes[$0] != nil } } }

    /// Writes every note kept to `path` (atomically), to be restored with the same `stamp`.
    public func save(to path: String, stamp: String) throws {
        var writer = CacheFile.writer(header: Self.header(stamp: stamp))
        let entries = lock.withLock { notes.sorted { $0.key < $1.key } }
        writer.chunks(entries, size: 256) { writer, entry in
            writer.string(entry.key)
            writer.int(Int(Int64(bitPattern: entry.value.text.digest)))
            writer.int(entry.value.text.bytes)
            writer.noteResult(entry.value.result)
        }
        try CacheFile.write(&writer, header: Self.header(stamp: stamp), to: path)
    }
}

/// Recognises a text without keeping it: its length in bytes and 64-bit checksum.
struct TextKey: Equatable {
    let digest: UInt64
    let bytes: Int

    init(digest: UInt64, bytes: Int) {
        self.digest = digest
        self.bytes = bytes
    }

    init(_ text: String) {
        var copy = text
        (digest, bytes) = copy.withUTF8 { (ContentDigest.checksum(UnsafeRawBufferPointer($0)), $0.count) }
    }
}
