import CanvassCLI
import CanvassTestSupport
import Foundation
import Testing

@Suite struct CLITests {
    @Test func buildSucceedsWithOneSummaryLine() throws {
        let project = try TemporaryProject.fixture("basic")
        defer { project.remove() }
        let result = runCLI(["build", project.root])
        #expect(result.code == 0)
        #expect(result.err == "")
        let lines = result.out.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines[0].hasPrefix("built 13 pages from 3 notes (5 excerpts, 3 themes) in "))
        #expect(lines[0].hasSuffix("→ \(project.root)/site/"))
    }

    @Test func buildWithAContentErrorExitsOneAndNamesThePlace() throws {
        let project = try TemporaryProject.fixture("invalid")
        defer { project.remove() }
        let result = runCLI(["build", project.root])
        #expect(result.code == 1)
        #expect(result.err.hasPrefix("""
        content/interviews/typo.md:3:7: error: `date` is not a date: `2026-09-5`
            date: 2026-09-5
                  ^
          hint: write dates as YYYY-MM-DD, e.g. 2026-09-14
        """))
        #expect(result.err.hasSuffix("build failed with 1 error; the previous site is unchanged\n"))
        #expect(!FileManager.default.fileExists(atPath: project.root + "/site"))
    }

    @Test func checkReportsButNeverWrites() throws {
        let project = try TemporaryProject.fixture("basic")
        defer { project.remove() }
        let result = runCLI(["check", project.root])
        #expect(result.code == 0)
        #expect(result.out == "checked 3 notes (5 excerpts, 3 themes): no problems\n")
        #expect(!FileManager.default.fileExists(atPath: project.root + "/site"))
        let invalid = try TemporaryProject.fixture("invalid")
        defer { invalid.remove() }
        #expect(runCLI(["check", invalid.root]).code == 1)
    }

    @Test func checkPrintsJSONDiagnostics() throws {
        let project = try TemporaryProject.fixture("invalid")
        defer { project.remove() }
        let result = runCLI(["check", project.root, "--format", "json"])
        #expect(result.code == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
        #expect(json["errors"] as? Int == 1)
        let first = try #require((json["diagnostics"] as? [[String: Any]])?.first)
        #expect(first["file"] as? String == "content/interviews/typo.md")
        #expect(first["line"] as? Int == 3)
        #expect(first["column"] as? Int == 7)
        #expect(first["severity"] as? String == "error")
    }

    @Test func strictTurnsWarningsIntoErrors() throws {
        let project = try TemporaryProject.fixture("basic")
        defer { project.remove() }
        try project.write("---\ntitle: T\n---\nA #mystery tag\n", to: "content/interviews/extra.md")
        let lenient = runCLI(["build", project.root])
        #expect(lenient.code == 0)
        #expect(lenient.err.contains("content/interviews/extra.md:4:3: warning: tag `#mystery` is not in the codebook"))
        #expect(lenient.out.contains("1 warning"))
        let strict = runCLI(["build", "--strict", project.root])
        #expect(strict.code == 1)
        #expect(strict.err.contains("content/interviews/extra.md:4:3: error: tag `#mystery` is not in the codebook"))
    }

    @Test func usageErrorsExitTwo() {
        #expect(runCLI(["build", "--no-such-flag"]).code == 2)
        #expect(runCLI(["check", "--format", "xml"]).code == 2)
        #expect(runCLI(["build", "--quiet", "--verbose"]).code == 2)
        #expect(runCLI(["frobnicate"]).code == 2)
        #expect(runCLI(["--help"]).code == 0)
    }

    @Test(arguments: ["build", "check", "serve", "new"])
    func everySubcommandPrintsItsOwnHelp(_ name: String) {
        let usage = "USAGE: canvass \(name) "
        for arguments in [[name, "--help"], [name, "-h"], ["help", name]] {
            let result = runCLI(arguments)
            #expect(result.code == 0, "\(arguments)")
            #expect(result.out.contains(usage), "\(arguments) printed: \(result.out.prefix(120))")
            #expect(!result.out.contains("SUBCOMMANDS:"), "\(arguments) printed the overview")
        }
        let overview = runCLI(["help"])
        #expect(overview.code == 0 && overview.out.contains("SUBCOMMANDS:"))
    }

    @Test func aMissingProjectFolderIsAUsageError() throws {
        for command in ["build", "check", "serve"] {
            let result = runCLI([command, "/no/such/canvass-project"])
            #expect(result.code == 2, "\(command)")
            #expect(result.err.contains("no folder at /no/such/canvass-project"), "\(command): \(result.err)")
        }
        // A folder without canvass.yml is the content's problem: exit 1 with the hint to start one.
        let empty = NSTemporaryDirectory() + "canvass-empty-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: empty) }
        let result = runCLI(["build", empty])
        #expect(result.code == 1)
        #expect(result.err.contains("error: no canvass.yml in \(empty)"))
    }

    @Test func quietPrintsNothingOnSuccess() throws {
        let project = try TemporaryProject.fixture("basic")
        defer { project.remove() }
        let result = runCLI(["build", "--quiet", "--output", "public", project.root])
        #expect(result.code == 0)
        #expect(result.out == "" && result.err == "")
        #expect(FileManager.default.fileExists(atPath: project.root + "/public/index.html"))
    }
}
