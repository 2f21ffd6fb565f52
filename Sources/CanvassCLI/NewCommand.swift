import ArgumentParser
import CanvassCore
import CanvassSite
import Foundation

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new", abstract: "Write a small working project to start a study from.")

    @Argument(help: "The folder to create; it must not exist or be empty.", completion: .directory)
    var directory: String

    @Option(help: "Language of the project and its pages: en or zh-Hans.")
    var language: Language = .english

    func run() throws {
        let code = execute(console: .standard)
        if code != 0 { throw ExitCode(code) }
    }

    func execute(console: Console) -> Int32 {
        let root = ProjectOptions(directory: directory).root
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: root, isDirectory: &isDirectory) {
            let contents = isDirectory.boolValue ? (try? manager.contentsOfDirectory(atPath: root)) ?? [] : [""]
            if !contents.isEmpty {
                console.err("error: \(directory) already exists and is not an empty folder\n"
                    + "  hint: choose a new folder name; canvass new never writes over files\n")
                return CanvassCommand.Exit.usageError
            }
        }
        do {
            for (path, text) in StarterProject.files(language: language).sorted(by: { $0.key < $1.key }) {
                let full = root + "/" + path
                try manager.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try Data(text.utf8).write(to: URL(fileURLWithPath: full))
            }
        } catch {
            console.err("error: could not write the project to \(directory): \(error.localizedDescription)\n")
            return CanvassCommand.Exit.contentError
        }
        let shown = directory.contains(" ") ? "'\(directory)'" : directory
        console.out("""
            created a new study in \(shown)/
            next:
              canvass build \(shown)     # builds \(shown)/site/
              canvass serve \(shown)     # previews it at http://127.0.0.1:8000/ and rebuilds as you edit

            """)
        return CanvassCommand.Exit.success
    }
}

extension Language: ExpressibleByArgument {}
