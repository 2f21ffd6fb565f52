import CanvassCore
import Foundation

/// A project file's text, with line endings normalised to `\n` and lines kept for quoting.
struct SourceFile: Sendable {
    /// Project-relative path, as diagnostics show it.
    let path: String
    let text: String
    /// Split only when a diagnostic quotes a line: most files never need it.
    private let lineCache = LineCache()

    init(path: String, text: String) {
        self.path = path
        var normalised = text
        // memchr: the generic `contains` took a tenth of a rebuild on a survey of 100,000 rows.
        let carriageReturn = text.utf8.withContiguousStorageIfAvailable { $0.isEmpty ? false : memchr($0.baseAddress!, 0x0D, $0.count) != nil }
        if carriageReturn ?? text.utf8.contains(UInt8(ascii: "\r")) {
            normalised = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        self.text = normalised
    }

    var lines: [Substring] {
        lineCache.lines(of: text)
    }

    /// Reads `absolute`; unreadable or non-UTF-8 files are a diagnostic, not a trap.
    /// Larger content files are refused: a note or a survey of this size is a mistake or an attack.
    static let maximumBytes = 64 * 1024 * 1024

    static func read(absolute: String, relative: String) -> Result<SourceFile, Diagnostic> {
        let place = SourceLocation(file: relative, line: 1, column: 1)
        var info = stat()
        let size = stat(absolute, &info) == 0 ? Int(info.st_size) : 0
        guard size <= maximumBytes else {
            return .failure(.error("file is \(size / 1_048_576) MB; Canvass reads files up to \(maximumBytes / 1_048_576) MB", at: place,
                                   hint: "split it into several files"))
        }
        guard let data = FileManager.default.contents(atPath: absolute) else {
            return .failure(.error("cannot read file", at: SourceLocation(file: relative, line: 1, column: 1)))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return .failure(.error(
                "file is not valid UTF-8", at: SourceLocation(file: relative, line: 1, column: 1),
                hint: "save the file as UTF-8 (most editors offer it under \"Save with encoding\")"))
        }
        return .success(SourceFile(path: relative, text: text))
    }

    func line(_ number: Int) -> String? {
        guard number >= 1, number <= lines.count else { return nil }
        return String(lines[number - 1])
    }

    func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(file: path, line: line, column: column)
    }

    func diagnostic(_ severity: Diagnostic.Severity, _ message: String, line: Int, column: Int, hint: String? = nil) -> Diagnostic {
        Diagnostic(severity, message, at: location(line: line, column: column), hint: hint, sourceLine: self.line(line))
    }
}

/// The lines of a source file, split once on first use.
private final class LineCache: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [Substring]?

    func lines(of text: String) -> [Substring] {
        lock.withLock {
            if let lines { return lines }
            let split = text.split(separator: "\n", omittingEmptySubsequences: false)
            lines = split
            return split
        }
    }
}
