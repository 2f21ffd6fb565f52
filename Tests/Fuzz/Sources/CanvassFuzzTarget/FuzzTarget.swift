import CanvassContent
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
