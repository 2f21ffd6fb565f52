import ArgumentParser
import CanvassCore
import CanvassSite
import Foundation

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Load and analyse the project without writing anything.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var project: ProjectOptions

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Flag(help: "Include notes marked draft: true.")
    var drafts = false

    @Option(help: "Diagnostics as text or json.")
    var format: Format = .text

    func run() throws {
        let code = execute(console: .standard)
        if code != 0 { throw ExitCode(code) }
    }

    func execute(console: Console) -> Int32 {
        let report = Pipeline(options: .init(root: project.root, includeDrafts: drafts, strict: strict)).check()
        switch format {
        case .json:
            console.out(DiagnosticPrinter.json(report.diagnostics))
        case .text:
            console.err(DiagnosticPrinter.text(report.diagnostics))
            if report.succeeded {
                let warnings = report.diagnostics.warnings.count
                console.out("checked \(report.notes) notes (\(report.excerpts) excerpts, \(report.themes) themes): "
                    + (warnings == 0 ? "no problems\n" : "\(warnings) warning\(warnings == 1 ? "" : "s")\n"))
            } else {
                let errors = report.diagnostics.errors.count
                console.err("check failed with \(errors) error\(errors == 1 ? "" : "s")\n")
            }
        }
        return report.succeeded ? CanvassCommand.Exit.success : CanvassCommand.Exit.contentError
    }
}
