import CanvassSite
import CanvassTestSupport
import Foundation
import Testing

/// `file:line:col message` of each diagnostic of a build, the form the site tests pin down.
func places(_ report: Pipeline.Report) -> [String] {
    report.diagnostics.map { "\($0.location?.description ?? "-") \($0.message)" }
}

/// The text of the built file at `path`; fails the test when the build did not write it.
func file(_ files: [OutputFileData], _ path: String) throws -> String {
    String(decoding: try #require(files.first { $0.path == path }).bytes, as: UTF8.self)
}

let goldenFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path + "/Golden"
