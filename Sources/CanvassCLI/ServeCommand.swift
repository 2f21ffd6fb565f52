import ArgumentParser
import CanvassCore
import CanvassServe
import CanvassSite
import Foundation

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Preview the site on this machine, rebuilding and reloading as you edit.")

    @OptionGroup var project: ProjectOptions

    @Option(help: "Address to listen on; keep it on loopback unless you mean to share the preview.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on (0 picks a free one).")
    var port = 8000

    @Flag(help: "Include notes marked draft: true.")
    var drafts = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
    }

    func run() throws {
        let code = execute(console: .standard)
        if code != 0 { throw ExitCode(code) }
    }

    func execute(console: Console) -> Int32 {
        guard FileManager.default.fileExists(atPath: project.root + "/canvass.yml") else {
            console.err("error: no canvass.yml in \(project.root)\n  hint: pass the project folder, or start one with `canvass new DIR`\n")
            return CanvassCommand.Exit.contentError
        }
        let server = PreviewServer(
            options: Pipeline.Options(root: project.root, includeDrafts: drafts),
            log: { console.err($0) }, describe: { DiagnosticPrinter.text($0) })
        let bound: Int
        do {
            bound = try server.start(host: host, port: port)
        } catch {
            console.err("error: \(error)\n  hint: pass another port, e.g. --port \(port == 0 ? 8001 : port + 1), or stop the other server\n")
            return CanvassCommand.Exit.usageError
        }
        server.watch()
        console.out("serving http://\(host):\(bound)/ — watching content/, templates/ and canvass.yml; Ctrl-C stops\n")
        let stopped = DispatchSemaphore(value: 0)
        signal(SIGINT, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        let sources = [SIGINT, SIGTERM].map { number in
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { stopped.signal() }
            source.resume()
            return source
        }
        stopped.wait()
        sources.forEach { $0.cancel() }
        server.stop()
        console.out("\nstopped\n")
        return CanvassCommand.Exit.success
    }
}
