import CanvassTestSupport
import Foundation
import Testing

/// Runs the real `canvass` executable, as a user would, next to the test bundle in `.build`.
@Suite struct BinaryTests {
    static var executable: String {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        // The test runner may sit inside an `.xctest` bundle on some platforms.
        while folder.pathExtension == "xctest" || folder.lastPathComponent == "Contents" || folder.lastPathComponent == "MacOS" {
            folder.deleteLastPathComponent()
        }
        return folder.appendingPathComponent("canvass").path
    }

    func run(_ arguments: [String]) throws -> (code: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.executable)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }

    @Test func buildAndCheckExitCodesFromTheExecutable() throws {
        #expect(FileManager.default.isExecutableFile(atPath: Self.executable), "no executable at \(Self.executable)")
        let good = try TemporaryProject.fixture("basic")
        defer { good.remove() }
        let built = try run(["build", good.root])
        #expect(built.code == 0)
        #expect(built.out.hasPrefix("built 13 pages from 3 notes"))
        #expect(FileManager.default.fileExists(atPath: good.root + "/site/index.html"))
        #expect(try run(["check", good.root]).code == 0)

        let bad = try TemporaryProject.fixture("invalid")
        defer { bad.remove() }
        let failed = try run(["build", bad.root])
        #expect(failed.code == 1)
        #expect(failed.err.hasPrefix("content/interviews/typo.md:3:7: error:"))
        #expect(try run(["check", bad.root]).code == 1)
        #expect(try run(["build", "--bogus"]).code == 2)
    }
}
