import ArgumentParser
import CanvassCore
import Foundation

/// `canvass`: the root command. Subcommands do the work through `execute(console:)`, which
/// returns the exit code, so tests run them in-process.
public struct CanvassCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "canvass",
        abstract: "Build a browsable insight site from customer research notes, surveys and records.",
        version: CanvassVersion.string,
        subcommands: [BuildCommand.self, CheckCommand.self, ServeCommand.self, NewCommand.self])

    public init() {}

    /// Exit codes: 0 success, 1 content errors, 2 usage errors (SPEC §6).
    public enum Exit {
        public static let success: Int32 = 0
        public static let contentError: Int32 = 1
        public static let usageError: Int32 = 2
    }

    /// Parses and runs `arguments` (without the program name).
    public static func run(arguments: [String], console: Console = .standard) -> Int32 {
        let command: ParsableCommand
        do {
            command = try parseAsRoot(arguments)
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                console.out(message + "\n")
                return Exit.success
            }
            console.err(message + "\n")
            return Exit.usageError
        }
        switch command {
        case let build as BuildCommand: return build.execute(console: console)
        case let check as CheckCommand: return check.execute(console: console)
        case let new as NewCommand: return new.execute(console: console)
        case let serve as ServeCommand: return serve.execute(console: console)
        case is CanvassCommand:
            console.out(helpMessage() + "\n")
            return Exit.success
        default:
            // `canvass help build` and `canvass build --help` parse to ArgumentParser's own help
            // command, whose `run()` throws the help text of the subcommand that was asked about.
            return runLibraryCommand(command, console: console)
        }
    }

    private static func runLibraryCommand(_ command: ParsableCommand, console: Console) -> Int32 {
        var command = command
        do {
            try command.run()
            return Exit.success
        } catch {
            let message = fullMessage(for: error)
            if exitCode(for: error) == .success {
                console.out(message + "\n")
                return Exit.success
            }
            console.err(message + "\n")
            return Exit.usageError
        }
    }
}


/// Options shared by commands that read a project.
struct ProjectOptions: ParsableArguments {
    init() {}

    init(directory: String) {
        self.directory = directory
    }

    @Argument(help: "The project folder (holding canvass.yml).", completion: .directory)
    var directory: String = "."

    /// A folder that does not exist is a mistake in the command, not in the content: exit 2.
    func validate() throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isFolder) else {
            throw ValidationError("no folder at \(directory): pass an existing project folder, or start one with `canvass new \(directory)`")
        }
        guard isFolder.boolValue else {
            throw ValidationError("\(directory) is a file: pass the project folder that holds canvass.yml")
        }
    }

    var root: String {
        let path = (directory as NSString).expandingTildeInPath
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return (absolute as NSString).standardizingPath
    }
}
