@testable import CanvassContent
@testable import CanvassMarkdown
import Foundation

/// libFuzzer's entry point. `CANVASS_FUZZ` picks the reader: front-matter, tags, csv, config, note, yaml.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = data.map { String(decoding: UnsafeBufferPointer(start: $0, count: size), as: UTF8.self) } ?? ""
    switch ProcessInfo.processInfo.environment["CANVASS_FUZZ"] ?? "" {
    case "front-matter": _ = FuzzEntryPoints.frontMatter(text)
    case "tags": _ = FuzzEntryPoints.tags(text)
    case "csv": _ = FuzzEntryPoints.csv(text)
    case "config": _ = FuzzEntryPoints.config(text)
    case "note": _ = FuzzEntryPoints.note(text)
    case "yaml": _ = FuzzEntryPoints.yaml(text)
    default: fatalError("set CANVASS_FUZZ to front-matter, tags, csv, config, note or yaml")
    }
    return 0
}

/// Each reads untrusted text the way a build does and returns how many diagnostics it produced.
/// Any crash, hang or unbounded allocation found through them is a bug in the loaders. They reach
/// the loaders' internals through `@testable import`: the harness builds in debug, where the
/// modules are built for testing, so the production modules need no entry points of their own.
enum FuzzEntryPoints {
    static func frontMatter(_ text: String) -> Int {
        switch FrontMatter.split(text) {
        case .success(let split): return split.yaml?.count ?? 0
        case .failure: return 1
        }
    }

    static func tags(_ text: String) -> Int {
        TagScanner.matches(in: text).count + ExcerptExtractor.extract(from: CommonMark.parse(text)).excerpts.count
    }

    static func csv(_ text: String) -> Int {
        let (table, diagnostics) = CSVReader(file: SourceFile(path: "fuzz.csv", text: text)).read()
        return (table?.records.count ?? 0) + diagnostics.count
    }

    static func config(_ text: String) -> Int {
        ConfigLoader(file: SourceFile(path: "canvass.yml", text: text)).load().1.count
    }

    /// The YAML readers against each other: a document `SimpleYAML` reads must be what Yams reads,
    /// places included; a disagreement stops the fuzzer with both results.
    static func yaml(_ text: String) -> Int {
        guard let simple = SimpleYAML.compose(text) else { return 0 }
        let yams = try? YAMLReader.composeWithYams(text)
        precondition(simple == yams, "SimpleYAML read \(simple), Yams \(String(describing: yams))")
        return 1
    }

    static func note(_ text: String) -> Int {
        NoteLoader(file: SourceFile(path: "content/interviews/fuzz.md", text: text)).load().1.count
    }
}
