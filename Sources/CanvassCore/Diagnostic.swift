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
            var padding = ""
            for scalar in sourceLine.unicodeScalars.prefix(caretOffset) {
                if scalar == "\t" { padding += "\t"; continue }
                padding += String(repeating: " ", count: scalar.terminalWidth)
            }
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

extension Unicode.Scalar {
    /// How many terminal cells the scalar takes, as `wcwidth` answers: two for East Asian wide
    /// and fullwidth characters (Han, kana, Hangul, fullwidth punctuation, most emoji), none for
    /// combining marks and zero-width joiners, one for the rest. Carets line up under Chinese text.
    public var terminalWidth: Int {
        if isASCII { return 1 }
        switch properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if properties.isEmojiPresentation { return 2 }
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
             0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }
}
