import CanvassCore
import Foundation

/// Prints diagnostics as a compiler does, or as JSON for other tools.
public enum DiagnosticPrinter {
    public static func text(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map { $0.formatted + "\n" }.joined()
    }

    /// `{"diagnostics": [...], "errors": n, "warnings": n}` with stable key order.
    static func json(_ diagnostics: [Diagnostic]) -> String {
        struct Entry: Encodable {
            var severity: String
            var message: String
            var file: String?
            var line: Int?
            var column: Int?
            var hint: String?
        }
        struct Document: Encodable {
            var diagnostics: [Entry]
            var errors: Int
            var warnings: Int
        }
        let document = Document(
            diagnostics: diagnostics.map {
                Entry(severity: $0.severity.rawValue, message: $0.message, file: $0.location?.file,
                      line: $0.location?.line, column: $0.location?.column, hint: $0.hint)
            },
            errors: diagnostics.errors.count, warnings: diagnostics.warnings.count)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(document)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
