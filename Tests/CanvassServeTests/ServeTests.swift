import CanvassCLI
import CanvassCore
@testable import CanvassServe
import CanvassSite
import CanvassTestSupport
import Foundation
import Testing

/// `canvass serve` end to end on a free loopback port. Rebuilds are triggered with
/// `rebuildIfChanged()` rather than the polling thread, so the test never waits on a clock.
@Suite struct ServeTests {
    private func starter() throws -> TemporaryProject {
        try TemporaryProject(StarterProject.files(language: .english))
    }

    @Test func servesEditsSendsReloadAndKeepsTheLastGoodSiteOnABrokenEdit() throws {
        let project = try starter()
        defer { project.remove() }
        let session = BuildSession(keeping: .inMemory)
        let log = LogLines()
        let server = PreviewServer(options: Pipeline.Options(root: project.root), session: session, log: log.append, describe: DiagnosticPrinter.text)
        let port = try server.start(host: "127.0.0.1", port: 0)
        defer { server.stop() }
        #expect(session.loads?.parsedInLastLoad.count == 3)  // two notes and the survey
        #expect(session.analyses?.surveyRuns == 1)

        let first = try get(port, "/notes/first-interview/")
        #expect(first.status == 200)
        #expect(first.body.contains("Every Friday I copy the numbers"))
        #expect(first.body.contains("<script src=\"/_canvass/live.js\"></script></body>"))
        #expect(try get(port, "/notes/first-interview").status == 301)
        #expect(try get(port, "/no/such/page/").status == 404)
        #expect(try get(port, "/assets/style.css").body.contains("{"))
        #expect(try get(port, "/data/nps.json").body.contains("\"n\": 80,"))

        let events = try EventConnection(port: port)
        #expect(try events.read(until: ": connected").contains(": connected"))

        // A note edit: only that note is parsed again and the survey analysis is reused.
        let note = "content/interviews/first-interview.md"
        try project.write(try #require(project.read(note)).replacingOccurrences(of: "Every Friday", with: "Each Friday afternoon"), to: note)
        #expect(server.rebuildIfChanged())
        #expect(session.loads?.parsedInLastLoad == [note])
        #expect(session.analyses?.surveyRuns == 1)
        #expect(try events.read(until: "data: 2").contains("event: reload\ndata: 2"))
        let edited = try get(port, "/notes/first-interview/")
        #expect(edited.body.contains("Each Friday afternoon I copy the numbers"))
        #expect(!edited.body.contains("canvass-build-error"))
        #expect(!server.rebuildIfChanged())

        // The watcher's fast path: only the files the kernel named are looked at, and only inputs count.
        try project.write(try #require(project.read(note)).replacingOccurrences(of: "Each Friday afternoon", with: "On Friday afternoons"), to: note)
        try project.write("scratch\n", to: "scratch.txt")
        #expect(!server.rebuildIfChanged(among: ["scratch.txt", "content/interviews/no-such-note.md"]))
        #expect(server.rebuildIfChanged(among: ["scratch.txt", note]))
        #expect(try events.read(until: "data: 3").contains("data: 3"))
        #expect(try get(port, "/notes/first-interview/").body.contains("On Friday afternoons I copy the numbers"))
        #expect(!server.rebuildIfChanged(among: [note]))
        #expect(!server.rebuildIfChanged())

        // The theme is parsed once while no file under templates/ changes, and again when one does.
        #expect(session.templates?.loads == 1)
        try project.write("body { color: #123456; }\n", to: "templates/assets/style.css")
        #expect(server.rebuildIfChanged(among: ["templates/assets/style.css"]))
        #expect(try events.read(until: "data: 4").contains("data: 4"))
        #expect(session.templates?.loads == 2)
        #expect(try get(port, "/assets/style.css").body == "body { color: #123456; }\n")

        // A broken edit: the last good page keeps serving, with the diagnostic laid over it.
        try project.write(try #require(project.read(note)).replacingOccurrences(of: "date: 2026-10-01", with: "date: 2026-10-1x"), to: note)
        #expect(server.rebuildIfChanged())
        #expect(try events.read(until: "data: 5").contains("data: 5"))
        let broken = try get(port, "/notes/first-interview/")
        #expect(broken.status == 200)
        #expect(broken.body.contains("On Friday afternoons I copy the numbers"))
        #expect(broken.body.contains("canvass-build-error"))
        #expect(broken.body.contains("content/interviews/first-interview.md:3:7: error: `date` is not a date: `2026-10-1x`"))
        #expect(log.text.contains("still serving the last good site"))

        // A survey edit re-runs the analysis.
        try project.write(try #require(project.read(note)).replacingOccurrences(of: "date: 2026-10-1x", with: "date: 2026-10-01"), to: note)
        let survey = "content/surveys/survey.csv"
        try project.write(try #require(project.read(survey)) + "r-999,6,6,6,6,6,6,10,5,40,pro,1,5\n", to: survey)
        #expect(server.rebuildIfChanged())
        #expect(session.analyses?.surveyRuns == 2)
        #expect(try get(port, "/data/nps.json").body.contains("\"n\": 81,"))
        #expect(try !get(port, "/").body.contains("canvass-build-error"))
    }

    /// `serve` starts from what the last `canvass build` parsed: its first build parses only what
    /// changed since (and the survey), and serves the same pages a build wrote.
    @Test func serveStartsFromTheBuildCache() throws {
        let project = try starter()
        defer { project.remove() }
        try #require(Pipeline(options: Pipeline.Options(root: project.root), session: BuildSession(keeping: .onDisk)).build().succeeded)
        let note = "content/interviews/support-call.md"
        try project.write(try #require(project.read(note)) + "\nOne more line.\n", to: note)

        let session = BuildSession(keeping: .inMemory)
        let server = PreviewServer(options: Pipeline.Options(root: project.root), session: session, log: { _ in }, describe: DiagnosticPrinter.text)
        let port = try server.start(host: "127.0.0.1", port: 0)
        defer { server.stop() }
        #expect(session.loads?.parsedInLastLoad.sorted() == [note, "content/surveys/survey.csv"])
        let built = try #require(project.read("site/notes/first-interview/index.html"))
        let served = try get(port, "/notes/first-interview/").body
        #expect(served == built.replacingOccurrences(of: "</body>", with: "<script src=\"/_canvass/live.js\"></script></body>"))
    }

    /// The watcher is woken by the kernel rather than a clock, and told which files: by a write, a
    /// new folder (which only a look at every file can follow), a file in that folder (so new
    /// folders are watched too) and the config; and not when nothing changed.
    @Test func theWatcherWakesForWritesNewFoldersAndTheConfigOnly() throws {
        let project = try starter()
        defer { project.remove() }
        let signal = try #require(ChangeSignal(root: project.root, folders: ProjectFiles.inputs))
        func named(_ change: ChangeSignal.Change) -> Set<String> {
            if case .files(let paths) = change { return paths }
            return []
        }
        #expect(signal.wait(timeout: 0.05) == .none)
        try project.write("---\ntitle: Later\n---\nMore.\n", to: "content/interviews/later.md")
        #expect(named(signal.wait(timeout: 10)).contains("content/interviews/later.md"))
        try FileManager.default.createDirectory(atPath: project.root + "/content/interviews/2027", withIntermediateDirectories: true)
        #expect(signal.wait(timeout: 10) == .unknown)
        #expect(signal.wait(timeout: 0.05) == .none)
        try project.write("---\ntitle: Next year\n---\nMore.\n", to: "content/interviews/2027/next.md")
        #expect(named(signal.wait(timeout: 10)).contains("content/interviews/2027/next.md"))
        try project.write((project.read("canvass.yml") ?? "") + "\n", to: "canvass.yml")
        #expect(named(signal.wait(timeout: 10)).contains("canvass.yml"))
        #expect(signal.wait(timeout: 0.05) == .none)
    }

    @Test func aPortInUseIsAClearError() throws {
        let project = try starter()
        defer { project.remove() }
        let first = PreviewServer(options: .init(root: project.root), log: { _ in }, describe: { _ in "" })
        let port = try first.start(host: "127.0.0.1", port: 0)
        defer { first.stop() }
        let second = PreviewServer(options: .init(root: project.root), log: { _ in }, describe: { _ in "" })
        #expect(throws: (any Error).self) { try second.start(host: "127.0.0.1", port: port) }
        do {
            _ = try second.start(host: "127.0.0.1", port: port)
        } catch {
            #expect("\(error)" == "port \(port) on 127.0.0.1 is already in use")
        }
    }
}

private final class LogLines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    var append: @Sendable (String) -> Void { { [self] line in lock.withLock { lines.append(line) } } }
    var text: String { lock.withLock { lines.joined() } }
}

struct TestHTTPError: Error {
    var reason: String
}

/// Opens a loopback TCP connection with a five-second receive timeout, so a broken server fails
/// the test instead of hanging it.
private func connect(_ port: Int) throws -> Int32 {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    var timeout = timeval(tv_sec: 5, tv_usec: 0)
    setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
    let connected = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard connected == 0 else { throw TestHTTPError(reason: "cannot connect to port \(port)") }
    return descriptor
}

private func sendRequest(_ descriptor: Int32, _ path: String) {
    let request = Array("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".utf8)
    _ = request.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
}

/// GETs `path`; the server closes each plain response, so this reads to the end.
private func get(_ port: Int, _ path: String) throws -> (status: Int, body: String) {
    let descriptor = try connect(port)
    defer { close(descriptor) }
    sendRequest(descriptor, path)
    var data: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65_536)
    while true {
        let count = recv(descriptor, &buffer, buffer.count, 0)
        if count < 0 { throw TestHTTPError(reason: "timed out reading \(path)") }
        if count == 0 { break }
        data += buffer[0..<count]
    }
    let text = String(decoding: data, as: UTF8.self)
    guard let head = text.range(of: "\r\n\r\n"), let status = Int(text.split(separator: " ").dropFirst().first ?? "") else {
        throw TestHTTPError(reason: "no HTTP response for \(path)")
    }
    return (status, String(text[head.upperBound...]))
}

/// An open server-sent event stream.
private final class EventConnection {
    let descriptor: Int32
    private var received = ""

    init(port: Int) throws {
        descriptor = try connect(port)
        sendRequest(descriptor, "/_canvass/events")
    }

    deinit { close(descriptor) }

    /// Everything received so far once `marker` has arrived.
    func read(until marker: String) throws -> String {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !received.contains(marker) {
            let count = recv(descriptor, &buffer, buffer.count, 0)
            if count <= 0 { throw TestHTTPError(reason: "no `\(marker)` on the event stream; got \(received)") }
            received += String(decoding: buffer[0..<count], as: UTF8.self)
        }
        return received
    }
}
