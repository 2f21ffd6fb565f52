import CanvassCore
import CanvassMarkdown
import CanvassSite
import Foundation

/// `canvass serve`: builds into memory, serves on loopback, watches the project and rebuilds on
/// change, and tells open pages to reload. A failed rebuild keeps the last good site serving with
/// the diagnostics laid over every page.
public final class PreviewServer: @unchecked Sendable {
    /// Where the reload script and event stream live; no project file can be there (site paths
    /// never start with `_`).
    static let eventsPath = "/_canvass/events"
    static let scriptPath = "/_canvass/live.js"

    private let pipeline: Pipeline
    private let log: @Sendable (String) -> Void
    private let describe: @Sendable ([Diagnostic]) -> String
    private let lock = NSLock()
    private var site: LiveSite?
    private var failure: [Diagnostic]?
    private var fingerprint: [String: FileIdentity] = [:]
    private var streams: [EventStream] = []
    private var server: HTTPServer?
    private var watching = false
    /// Successful and failed rebuilds so far, starting at 1 for the first build.
    public private(set) var generation = 0

    /// `session` should keep what did not change in memory (`.inMemory`), so rebuilds reuse it.
    public init(
        options: Pipeline.Options, session: BuildSession = BuildSession(keeping: .inMemory),
        log: @escaping @Sendable (String) -> Void, describe: @escaping @Sendable ([Diagnostic]) -> String
    ) {
        self.pipeline = Pipeline(options: options, session: session)
        self.log = log
        self.describe = describe
    }

    /// Builds once and starts serving; returns the port bound. Throws when the port is taken.
    public func start(host: String, port: Int) throws -> Int {
        let server = try HTTPServer(
            host: host, port: port, handler: { [self] in respond(to: $0) },
            onEventStream: { [self] stream in lock.withLock { streams.append(stream) } })
        self.server = server
        fingerprint = Self.fingerprint(of: pipeline.options.root)
        rebuild(reason: nil)
        server.start()
        return server.port
    }

    /// Watches the project on a background thread until `stop()`: woken by the kernel as soon as a
    /// watched file is written, it looks at the files the kernel named; and, in case a change
    /// slipped by, at every file when a second passes without news. Where that is unavailable, it
    /// looks at every file every `interval` seconds.
    public func watch(interval: Double = 0.1) {
        lock.withLock { watching = true }
        let signal = ChangeSignal(root: pipeline.options.root, folders: ProjectFiles.inputs)
        let thread = Thread { [self] in
            while lock.withLock({ watching }) {
                if let signal {
                    if case .files(let paths) = signal.wait(timeout: 1) {
                        rebuildIfChanged(among: paths)
                        continue
                    }
                } else {
                    Thread.sleep(forTimeInterval: interval)
                }
                rebuildIfChanged()
            }
        }
        thread.start()
    }

    public func stop() {
        lock.withLock { watching = false }
        server?.stop()
        let open = lock.withLock { defer { streams = [] }; return streams }
        open.forEach { $0.close() }
    }

    /// Rebuilds when a watched file changed since the last look; true when it did.
    @discardableResult
    public func rebuildIfChanged() -> Bool {
        let now = Self.fingerprint(of: pipeline.options.root)
        let changed = lock.withLock { () -> [String] in
            let previous = fingerprint
            fingerprint = now
            return Set(previous.keys).union(now.keys).filter { previous[$0] != now[$0] }.sorted()
        }
        guard !changed.isEmpty else { return false }
        rebuild(reason: changed)
        return true
    }

    /// Rebuilds when one of `paths` (project-relative) is a watched file that changed since the
    /// last look, or one that was watched and is gone; true when one did. Looks at those files alone:
    /// on a large study, listing every file took a tenth of a rebuild.
    @discardableResult
    public func rebuildIfChanged(among paths: Set<String>) -> Bool {
        let root = pipeline.options.root
        let inputs = paths.filter { path in ProjectFiles.inputs.contains { path == $0 || path.hasPrefix($0 + "/") } }
        let now = inputs.map { ($0, FileIdentity(of: root + "/" + $0)) }
        let changed = lock.withLock { () -> [String] in
            var changed: [String] = []
            for (path, stamp) in now where fingerprint[path] != stamp {
                fingerprint[path] = stamp
                changed.append(path)
            }
            return changed.sorted()
        }
        guard !changed.isEmpty else { return false }
        rebuild(reason: changed)
        return true
    }

    private func rebuild(reason changed: [String]?) {
        let started = DispatchTime.now().uptimeNanoseconds
        let (report, built) = pipeline.live()
        let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6
        let what = changed.map { $0.count == 1 ? $0[0] : "\($0.count) files" }
        if !report.diagnostics.isEmpty { log(describe(report.diagnostics)) }
        let hasGoodSite = lock.withLock { () -> Bool in
            generation += 1
            if let built {
                site = built
                failure = nil
            } else {
                failure = report.diagnostics.errors.isEmpty ? report.diagnostics : report.diagnostics.errors
            }
            return site != nil
        }
        if built != nil {
            let parsed = pipeline.session.loads?.parsedInLastLoad.count ?? 0
            log(String(format: "%@ in %.0f ms (%d pages, %d input files parsed; pages render when viewed)\n",
                       what.map { "\($0) changed: rebuilt" } ?? "built", milliseconds, report.pages, parsed))
        } else {
            log("build failed; " + (hasGoodSite ? "still serving the last good site\n" : "the preview shows the errors until they are fixed\n"))
        }
        broadcast()
    }

    private func broadcast() {
        let (message, open) = lock.withLock { ("event: reload\ndata: \(generation)\n\n", streams) }
        let alive = open.filter { $0.write(message) }
        lock.withLock { streams = streams.filter { stream in alive.contains { $0 === stream } || !open.contains { $0 === stream } } }
    }

    // MARK: - Requests

    func respond(to request: HTTPServer.Request) -> HTTPServer.Response {
        let rawPath = String(request.path.split(separator: "?", maxSplits: 1).first ?? "/")
        guard let decoded = rawPath.removingPercentEncoding, decoded.hasPrefix("/"), !decoded.split(separator: "/").contains("..") else {
            return .bytes(status: 400, contentType: "text/plain; charset=utf-8", body: Array("bad path\n".utf8))
        }
        if decoded == Self.eventsPath { return .eventStream }
        if decoded == Self.scriptPath {
            return .bytes(status: 200, contentType: "text/javascript; charset=utf-8", body: Array(Self.liveScript.utf8))
        }
        let (site, failure) = lock.withLock { (self.site, self.failure) }
        guard let site else {
            return .bytes(status: 500, contentType: "text/html; charset=utf-8", body: Array(errorPage(failure ?? []).utf8))
        }
        var relative = String(decoded.dropFirst())
        if relative.isEmpty || relative.hasSuffix("/") { relative += "index.html" }
        do {
            if let bytes = try site.file(at: relative) {
                return .bytes(status: 200, contentType: Self.contentType(of: relative), body: withPreview(bytes, path: relative, failure: failure))
            }
            if try site.file(at: relative + "/index.html") != nil { return .redirect(decoded + "/") }
            let missing = try site.file(at: "404.html") ?? Array("not found\n".utf8)
            return .bytes(status: 404, contentType: "text/html; charset=utf-8", body: withPreview(missing, path: "404.html", failure: failure))
        } catch {
            return .bytes(status: 500, contentType: "text/html; charset=utf-8", body: Array(errorPage([error.diagnostic]).utf8))
        }
    }

    /// Adds the reload script, and the diagnostics of a failed rebuild, to an HTML page.
    private func withPreview(_ bytes: [UInt8], path: String, failure: [Diagnostic]?) -> [UInt8] {
        guard path.hasSuffix(".html"), var html = String(validating: bytes, as: UTF8.self) else { return bytes }
        var addition = "<script src=\"\(Self.scriptPath)\"></script>"
        if let failure { addition = overlay(failure) + addition }
        if let end = html.range(of: "</body>", options: .backwards) {
            html.insert(contentsOf: addition, at: end.lowerBound)
        } else {
            html += addition
        }
        return Array(html.utf8)
    }

    private func overlay(_ diagnostics: [Diagnostic]) -> String {
        "<div id=\"canvass-build-error\" role=\"alert\" style=\"position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;"
            + "margin:0;padding:1rem 1.5rem;background:#fff4f4;color:#7a0d0d;border-top:4px solid #b91c1c;z-index:9999;font:14px/1.45 monospace\">"
            + "<strong>The last edit does not build; this is the last good version.</strong>"
            + "<pre style=\"white-space:pre-wrap;margin:.5rem 0 0\">" + HTMLEscaping.escape(describe(diagnostics)) + "</pre></div>"
    }

    private func errorPage(_ diagnostics: [Diagnostic]) -> String {
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Build failed</title></head><body>"
            + "<h1>The project does not build yet</h1>" + overlay(diagnostics)
            + "<script src=\"\(Self.scriptPath)\"></script></body></html>"
    }

    static let liveScript = """
        // canvass serve: reload this page when the project has been rebuilt.
        (function () {
          var events = new EventSource("\(eventsPath)");
          events.addEventListener("reload", function () { location.reload(); });
        })();

        """

    static func contentType(of path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "html": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js": return "text/javascript; charset=utf-8"
        case "json": return "application/json"
        case "xml": return "application/xml"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "webp": return "image/webp"
        default: return "application/octet-stream"
        }
    }

    // MARK: - Watching

    /// The identity of every watched file (`ProjectFiles.inputs`).
    static func fingerprint(of root: String) -> [String: FileIdentity] {
        var result: [String: FileIdentity] = [:]
        for file in ProjectFiles.regularFiles(in: root) {
            result[file.path] = FileIdentity(file.info)
        }
        return result
    }
}
