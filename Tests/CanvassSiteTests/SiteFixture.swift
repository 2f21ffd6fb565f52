import CanvassCLI
import CanvassSite
import CanvassTestSupport
import Foundation
import Testing

/// Copies a fixture project from `Tests/CanvassSiteTests/Fixtures/NAME` into a temporary folder,
/// with the default theme, so a test may build and modify it freely.
func fixtureProject(_ name: String) throws -> TemporaryProject {
    let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path + "/Fixtures/" + name
    var files: [String: String] = [:]
    for (path, data) in TemporaryProject.snapshot(of: source) {
        files[path] = String(decoding: data, as: UTF8.self)
    }
    return try TemporaryProject(files)
}

/// `file:line:col message` of each diagnostic of a build, the form the site tests pin down.
func places(_ report: Pipeline.Report) -> [String] {
    report.diagnostics.map { "\($0.location?.description ?? "-") \($0.message)" }
}

/// The text of the built file at `path`; fails the test when the build did not write it.
func file(_ files: [OutputFileData], _ path: String) throws -> String {
    String(decoding: try #require(files.first { $0.path == path }).bytes, as: UTF8.self)
}

let goldenFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path + "/Golden"

/// Runs the CLI in-process and returns its exit code and output.
func runCLI(_ arguments: [String]) -> (code: Int32, out: String, err: String) {
    let capture = CapturedConsole()
    let code = CanvassCommand.run(arguments: arguments, console: capture.console)
    return (code, capture.stdout, capture.stderr)
}
