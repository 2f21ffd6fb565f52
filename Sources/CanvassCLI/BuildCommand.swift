import ArgumentParser
import CanvassCore
import CanvassSite
import Foundation

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build", abstract: "Build the site into the output folder, atomically.")

    @OptionGroup var project: ProjectOptions

    @Option(name: .shortAndLong, help: "Output folder, relative to the project.")
    var output: String = "site"

    @Flag(help: "Include notes marked draft: true.")
    var drafts = false

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Option(help: "Privacy profile: internal or public (overrides canvass.yml).")
    var profile: Profile?

    @Flag(help: "Rebuild everything even when .canvass-cache/ shows nothing changed.")
    var noCache = false

    @Flag(name: .shortAndLong, help: "Print only errors.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Print timings per stage.")
    var verbose = false

    func validate() throws {
        if quiet && verbose { throw ValidationError("--quiet and --verbose cannot be used together") }
    }

    func run() throws {
        let code = execute(console: .standard)
        if code != 0 { throw ExitCode(code) }
    }

    func execute(console: Console) -> Int32 {
        let root = project.root
        let outputPath = output.hasPrefix("/") ? output : (root as NSString).appendingPathComponent(output)
        let options = Pipeline.Options(
            root: root, output: (outputPath as NSString).standardizingPath, includeDrafts: drafts, strict: strict, profile: profile)
        let session = BuildSession(keeping: noCache ? [] : .onDisk, exitsAfterBuild: console.processExitsAfterCommand)
        let pipeline = Pipeline(options: options, session: session)
        let started = DispatchTime.now().uptimeNanoseconds
        let progress = ProgressLine(console: console, enabled: console.isTerminal && !quiet)
        let report = pipeline.build(progress: progress.update)
        progress.finish()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        let shown = quiet ? report.diagnostics.errors : report.diagnostics
        console.err(DiagnosticPrinter.text(shown))
        if verbose {
            for timing in report.timings {
                let stage = timing.stage.padding(toLength: 10, withPad: " ", startingAt: 0)
                console.err(String(format: "  %@ %.3f s (CPU %.3f s)\n", stage as NSString, timing.seconds, timing.cpu))
            }
            if let parsed = report.parsed, !report.upToDate {
                let reused = parsed.count < report.notes ? "; unchanged notes came from .canvass-cache/" : ""
                console.err("  parsed \(parsed.count) input file\(parsed.count == 1 ? "" : "s")\(reused)\n")
            }
            if report.reusedSegmentations > 0 { console.err("  the persona segmentation came from .canvass-cache/\n") }
            if report.reusedPages > 0 {
                console.err("  \(report.reusedPages) of \(report.pageModels.count) pages were as the last build wrote them, and were not rendered again\n")
            }
        }
        guard report.succeeded else {
            let errors = report.diagnostics.errors.count
            console.err("build failed with \(errors) error\(errors == 1 ? "" : "s"); the previous site is unchanged\n")
            return CanvassCommand.Exit.contentError
        }
        if report.upToDate {
            if !quiet {
                console.out(String(format: "nothing changed since the last build (%d pages) in %.2f s → %@\n",
                                   report.pages, seconds, Self.display(outputPath) as NSString))
            }
            return CanvassCommand.Exit.success
        }
        if !quiet {
            let warnings = report.diagnostics.warnings.count
            let warningText = warnings == 0 ? "" : ", \(warnings) warning\(warnings == 1 ? "" : "s")"
            console.out(String(
                format: "built %d pages from %d notes (%d excerpts, %d themes) in %.2f s%@ → %@\n",
                report.pages, report.notes, report.excerpts, report.themes, seconds, warningText as NSString,
                Self.display(outputPath) as NSString))
        }
        return CanvassCommand.Exit.success
    }

    /// The output folder relative to the working directory when inside it, else absolute.
    static func display(_ path: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        return (path.hasPrefix(cwd + "/") ? String(path.dropFirst(cwd.count + 1)) : path) + "/"
    }
}

extension Profile: ExpressibleByArgument {}

/// A one-line progress display on a terminal, shown only once a build has run for a moment.
final class ProgressLine: @unchecked Sendable {
    private let console: Console
    private let enabled: Bool
    private let started = DispatchTime.now().uptimeNanoseconds
    private let lock = NSLock()
    private var shown = false
    private var lastPercent = -1

    init(console: Console, enabled: Bool) {
        self.console = console
        self.enabled = enabled
    }

    var update: @Sendable (Int, Int) -> Void {
        { [self] done, total in report(done, total) }
    }

    private func report(_ done: Int, _ total: Int) {
        guard enabled, total > 0 else { return }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        guard elapsed > 0.5 else { return }
        let percent = done * 100 / total
        lock.withLock {
            guard percent != lastPercent else { return }
            lastPercent = percent
            shown = true
            console.err("\r\u{1B}[Krendering pages \(done)/\(total) (\(percent)%)")
        }
    }

    func finish() {
        lock.withLock {
            if shown { console.err("\r\u{1B}[K") }
        }
    }
}
