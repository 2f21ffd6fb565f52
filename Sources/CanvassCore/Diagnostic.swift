/// A problem a user can fix, reported with the place it stands.
///
/// Printed like a compiler's: `path:line:col: error: message`, the offending line quoted with a
/// caret under the column, then a hint where one helps.
public struct Diagnostic: Error, Sendable, Hashable, Comparable {
    public enum Severity: String, Sendable, Hashable, Codable {
        case error, warning
    }

    public var severity: Severity
    public var message: String
    public var hint: String?
    public var location: SourceLocation?
    /// The text of the offending line, quoted under the message.
    public var sourceLine: String?

    public init(
        _ severity: Severity, _ message: String, at location: SourceLocation? = nil,
        hint: String? = nil, sourceLine: String? = nil
    ) {
        self.severity = severity
        self.message = message
        self.hint = hint
        self.location = location
        self.sourceLine = sourceLine
    }

    public static func error(
        _ message: String, at location: SourceLocation? = nil, hint: String? = nil, sourceLine: String? = nil
    ) -> Diagnostic {
        Diagnostic(.error, message, at: location, hint: hint, sourceLine: sourceLine)
    }

    public static func warning(
        _ message: String, at location: SourceLocation? = nil, hint: String? = nil, sourceLine: String? = nil
    ) -> Diagnostic {
        Diagnostic(.warning, message, at: location, hint: hint, sourceLine: sourceLine)
    }

    /// The diagnostic as the terminal shows it, without colour.
    public var formatted: String {
        var text = ""
        if let location { text += "\(location): " }
        text += "\(severity.rawValue): \(message)"
        if let sourceLine, let location {
            text += "\n    " + sourceLine
            let caretOffset = max(0, min(location.column - 1, sourceLine.unicodeScalars.count))
            let padding = String(sourceLine.unicodeScalars.prefix(caretOffset).map { $0 == "\t" ? "\t" : " " })
            text += "\n    " + padding + "^"
        }
        if let hint { text += "\n  hint: " + hint }
        return text
    }

    /// Orders by place, so a stage's diagnostics print as a reader walks the files.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        switch (lhs.location, rhs.location) {
        case let (l?, r?) where l != r: return l < r
        case (nil, _?): return true
        case (_?, nil): return false
        default: return (lhs.message, lhs.severity.rawValue) < (rhs.message, rhs.severity.rawValue)
        }
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }
    public var errors: [Diagnostic] { filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { filter { $0.severity == .warning } }

    /// Under `--strict`, warnings become errors.
    public func promotingWarnings(_ strict: Bool) -> [Diagnostic] {
        guard strict else { return self }
        return map { var d = $0; d.severity = .error; return d }
    }
}
