import CanvassAnalysis
import CanvassContent
import CanvassCore
import CanvassRender
import CanvassSupport
import Foundation

/// What `canvass build` remembers in `.canvass-cache/` (ignored by git): a digest of every input
/// file and of every file it wrote, and which canvass binary and options produced them. When all
/// of that is unchanged, the build has nothing to do. A cache from another canvass binary, other
/// options, or a build that printed diagnostics is never trusted, so the output is always what a
/// clean build writes.
///
/// Beside it, `notes.bin` keeps every note as parsed (`LoadCache.save`), by path and digest of
/// its text, so that a build after an edit parses only the notes whose text changed; and
/// `segmentation.bin` the persona segmentations (`SegmentationStore`), by a digest of what each
/// was fitted to, so that it is fitted again only when the survey or the persona settings change.
struct BuildCache {
    static let folder = ".canvass-cache"
    static let file = "build.json"
    static let parsedNotesFile = "notes.bin"
    static let segmentationsFile = "segmentation.bin"
    static let format = 2

    let root: String
    let output: String
    /// Identifies the inputs, options and canvass binary of a build.
    let key: [String: String]
    /// Identifies the canvass binary: caches written by another are not read.
    let binary: String
    /// What the previous build recorded, if anything.
    private let previous: Stored?

    init(root: String, output: String, options: Pipeline.Options) {
        self.root = root
        self.output = output
        binary = Self.binaryIdentity()
        var key = Self.inputDigests(root: root)
        key["@canvass"] = binary
        key["@options"] = "drafts=\(options.includeDrafts) strict=\(options.strict) profile=\(options.profile?.rawValue ?? "-") output=\(output)"
        key["@format"] = String(Self.format)
        self.key = key
        path = root + "/" + Self.folder + "/" + Self.file
        previous = FileManager.default.contents(atPath: path).flatMap { try? JSONDecoder().decode(Stored.self, from: $0) }
    }

    private let path: String
    var parsedNotesPath: String { Self.parsedNotesPath(root: root) }
    var segmentationsPath: String { Self.segmentationsPath(root: root) }

    static func parsedNotesPath(root: String) -> String { root + "/" + folder + "/" + parsedNotesFile }
    static func segmentationsPath(root: String) -> String { root + "/" + folder + "/" + segmentationsFile }

    /// Keeps the persona segmentations of `store` for the next build.
    func saveSegmentations(_ store: SegmentationStore) {
        keep(at: segmentationsPath, store.save)
    }

    /// Keeps the notes of `cache` for the next build.
    func saveParsedNotes(_ cache: LoadCache) {
        keep(at: parsedNotesPath, cache.save)
    }

    /// Writes one cache file with this binary's stamp; a cache that cannot be written is only slower.
    private func keep(at path: String, _ save: (_ path: String, _ stamp: String) throws -> Void) {
        try? FileManager.default.createDirectory(atPath: root + "/" + Self.folder, withIntermediateDirectories: true)
        try? save(path, binary)
    }

    /// The number of pages of the previous build when inputs, binary, options and output folder
    /// are all as that build left them; nil when a build is needed. A build that read a database
    /// server is never up to date: its tables can change while no file does.
    func pagesIfUpToDate() -> Int? {
        guard let stored = previous, stored.server != true, stored.key == key, stored.outputs == Self.outputDigests(output) else { return nil }
        return stored.pages
    }

    /// The previous build's pages, to stand for pages whose view model is unchanged: only when
    /// the same canvass binary (built-in theme, renderer) and the same `templates/` files made
    /// them, as a page's bytes are a function of those and its view model. A page is taken only
    /// while the site still holds the bytes that build wrote for it.
    func pageReuse() -> PageReuse? {
        guard let stored = previous, stored.key["@canvass"] == binary, stored.key["@format"] == key["@format"],
              Self.theme(stored.key) == Self.theme(key) else { return nil }
        let output = output, outputs = stored.outputs
        return PageReuse(models: stored.models) { path in
            guard let recorded = outputs[path],
                  let data = FileManager.default.contents(atPath: output + "/" + path) else { return nil }
            let bytes = [UInt8](data)
            return ContentDigest.checksumHex(bytes) == recorded ? bytes : nil
        }
    }

    /// The digests of the theme's own files among a build's inputs.
    private static func theme(_ key: [String: String]) -> [String: String] {
        key.filter { $0.key.hasPrefix(TemplateSet.folder + "/") }
    }

    /// The record of a build, to `keep` if it succeeds without diagnostics. `outputs` is the digest
    /// of each file `SiteWriter.contents(of:)` says the output folder then holds, by path: digested
    /// from memory rather than read back from disk. `models` is the digest of each page's view
    /// model (`PageReuse`); `readsServer` that the build read a database server.
    func record(pages: Int, outputs: [String: String], models: [String: String], readsServer: Bool) -> Data? {
        // `Stored` as JSON with sorted keys, which JSONDecoder reads back; written by hand, as
        // JSONEncoder took a tenth of a second of the write stage at 10,000 pages.
        func object(_ map: [String: String]) -> JSONValue {
            .object(map.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })
        }
        return Data(JSONValue.object([
            ("key", object(key)), ("models", object(models)), ("outputs", object(outputs)), ("pages", .int(pages)),
        ] + (readsServer ? [("server", .bool(true))] : [])).compactBytes())
    }

    /// Remembers a build by its `record`; nil forgets any earlier one.
    func keep(record: Data?) {
        guard let record else {
            try? FileManager.default.removeItem(atPath: path)
            return
        }
        try? FileManager.default.createDirectory(atPath: root + "/" + Self.folder, withIntermediateDirectories: true)
        try? record.write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    private struct Stored: Decodable {
        var key: [String: String]
        var outputs: [String: String]
        var pages: Int
        var models: [String: String]
        /// Present, true, when the build read a database server.
        var server: Bool?
    }

    /// Digest of every file a build reads (`ProjectFiles.inputs`).
    static func inputDigests(root: String) -> [String: String] {
        digests(of: ProjectFiles.regularFiles(in: root).map(\.path), under: root)
    }

    /// Digest of every file in the output folder as it is on disk now.
    static func outputDigests(_ output: String) -> [String: String] {
        digests(of: ProjectFiles.regularFiles(in: output, ["."]).map(\.path), under: output)
    }

    /// Files are read on every core: at 10,000 notes reading them one by one held up the build's start.
    private static func digests(of paths: [String], under root: String) -> [String: String] {
        let digests = ParallelMap.map(paths, chunk: 64) { relative in
            FileManager.default.contents(atPath: root + "/" + relative).map { data in data.withUnsafeBytes { ContentDigest.checksumHex($0) } }
        }
        var result: [String: String] = [:]
        for (relative, digest) in zip(paths, digests) { result[relative] = digest }
        return result
    }

    /// The running canvass binary: path, size and modification time, so any rebuild of canvass
    /// (not only a new version number) discards the cache.
    static func binaryIdentity() -> String {
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var info = stat()
        guard stat(executable, &info) == 0 else { return "\(CanvassVersion.string) \(executable)" }
        return "\(CanvassVersion.string) \(executable) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }
}
