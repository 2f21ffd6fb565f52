import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A small HTTP/1.1 server on a loopback socket, for the preview only: GET and HEAD, one thread
/// per connection, every response closes its connection except event streams.
final class HTTPServer: @unchecked Sendable {
    struct Request {
        var method: String
        var path: String
    }

    enum Response {
        case bytes(status: Int, contentType: String, body: [UInt8])
        /// A 301 to `location`, e.g. a folder asked for without its trailing slash.
        case redirect(String)
        /// Keeps the connection open as a server-sent event stream.
        case eventStream
    }

    enum StartError: Error, CustomStringConvertible {
        case portInUse(host: String, port: Int)
        case failed(String)

        var description: String {
            switch self {
            case .portInUse(let host, let port): return "port \(port) on \(host) is already in use"
            case .failed(let reason): return reason
            }
        }
    }

    private let listener: Int32
    /// The port actually bound (useful when 0 asked for any free port).
    let port: Int
    private let handler: @Sendable (Request) -> Response
    private let onEventStream: @Sendable (EventStream) -> Void
    private let lock = NSLock()
    private var stopped = false

    init(host: String, port: Int, handler: @escaping @Sendable (Request) -> Response, onEventStream: @escaping @Sendable (EventStream) -> Void) throws {
        self.handler = handler
        self.onEventStream = onEventStream
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw StartError.failed("cannot open a socket: \(String(cString: strerror(errno)))") }
        var yes: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else {
            close(descriptor)
            throw StartError.failed("`\(host)` is not an IPv4 address")
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else {
            let code = errno
            close(descriptor)
            if code == EADDRINUSE { throw StartError.portInUse(host: host, port: port) }
            throw StartError.failed("cannot listen on \(host):\(port): \(String(cString: strerror(code)))")
        }
        guard listen(descriptor, 64) == 0 else {
            close(descriptor)
            throw StartError.failed("cannot listen on \(host):\(port): \(String(cString: strerror(errno)))")
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        self.port = Int(UInt16(bigEndian: actual.sin_port))
        self.listener = descriptor
    }

    /// Accepts connections on a background thread until `stop()`.
    func start() {
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    func stop() {
        lock.withLock {
            guard !stopped else { return }
            stopped = true
            shutdown(listener, Int32(SHUT_RDWR))
            close(listener)
        }
    }

    private func acceptLoop() {
        while true {
            let connection = accept(listener, nil, nil)
            if connection < 0 {
                if lock.withLock({ stopped }) { return }
                if errno == EINTR || errno == ECONNABORTED { continue }
                return
            }
            let thread = Thread { [self] in serve(connection) }
            thread.start()
        }
    }

    private func serve(_ connection: Int32) {
        guard let request = Self.readRequest(connection) else {
            Self.send(connection, status: 400, contentType: "text/plain; charset=utf-8", body: Array("bad request\n".utf8), head: false)
            close(connection)
            return
        }
        guard request.method == "GET" || request.method == "HEAD" else {
            Self.send(connection, status: 405, contentType: "text/plain; charset=utf-8", body: Array("only GET and HEAD\n".utf8), head: false)
            close(connection)
            return
        }
        switch handler(request) {
        case .bytes(let status, let contentType, let body):
            Self.send(connection, status: status, contentType: contentType, body: body, head: request.method == "HEAD")
            close(connection)
        case .redirect(let location):
            let header = "HTTP/1.1 301 Moved Permanently\r\nLocation: \(location)\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            _ = Self.writeAll(connection, Array(header.utf8))
            close(connection)
        case .eventStream:
            let header = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: keep-alive\r\n\r\n"
            let stream = EventStream(descriptor: connection)
            if stream.write(header + ": connected\n\n") { onEventStream(stream) } else { stream.close() }
        }
    }

    /// Reads the request head (up to 16 KiB): request line and headers; the body is ignored.
    static func readRequest(_ connection: Int32) -> Request? {
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        let end: [UInt8] = Array("\r\n\r\n".utf8)
        while data.count < 16_384 {
            let count = recv(connection, &buffer, buffer.count, 0)
            if count <= 0 { return nil }
            data += buffer[0..<count]
            if data.count >= 4, (0...(data.count - 4)).contains(where: { Array(data[$0..<$0 + 4]) == end }) { break }
        }
        guard let text = String(validating: data, as: UTF8.self), let line = text.split(separator: "\r\n").first else { return nil }
        let parts = line.split(separator: " ")
        guard parts.count == 3, parts[2].hasPrefix("HTTP/1.") else { return nil }
        return Request(method: String(parts[0]), path: String(parts[1]))
    }

    static func send(_ connection: Int32, status: Int, contentType: String, body: [UInt8], head: Bool) {
        let reason = [200: "OK", 400: "Bad Request", 404: "Not Found", 405: "Method Not Allowed"][status] ?? "Error"
        let header = "HTTP/1.1 \(status) \(reason)\r\nContent-Type: \(contentType)\r\nContent-Length: \(body.count)\r\n"
            + "Cache-Control: no-store\r\nConnection: close\r\n\r\n"
        _ = writeAll(connection, Array(header.utf8) + (head ? [] : body))
    }

    static func writeAll(_ connection: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if written <= 0 { return false }
            offset += written
        }
        return true
    }
}

/// One open server-sent event stream to a browser tab.
final class EventStream: @unchecked Sendable {
    private let descriptor: Int32
    private let lock = NSLock()
    private var open = true

    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// Sends raw text; false once the browser has gone.
    func write(_ text: String) -> Bool {
        lock.withLock {
            guard open else { return false }
            if !HTTPServer.writeAll(descriptor, Array(text.utf8)) {
                open = false
                Glibc.close(descriptor)
            }
            return open
        }
    }

    func close() {
        lock.withLock {
            guard open else { return }
            open = false
            Glibc.close(descriptor)
        }
    }
}
