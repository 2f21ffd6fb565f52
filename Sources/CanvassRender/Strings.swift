import CanvassCore
import Foundation
import Yams

/// UI strings of one language, from `templates/i18n/<language>.yml` (a flat map of key → text).
///
/// Templates read them as `{{t.key}}`; Swift fills placeholders such as `{count}` with `format`.
public struct Strings: Sendable {
    public let language: Language
    public let table: [String: String]

    public init(language: Language, table: [String: String]) {
        self.language = language
        self.table = table
    }

    /// Reads the UI strings of `language` from the theme file `file` (nil when the theme lacks it).
    public static func load(_ bytes: [UInt8]?, file relative: String, language: Language) -> (Strings?, [Diagnostic]) {
        let place = SourceLocation(file: relative, line: 1, column: 1)
        guard let bytes, let text = String(validating: bytes, as: UTF8.self) else {
            return (nil, [.error("the theme has no UI strings for language `\(language.rawValue)`", at: place,
                                 hint: "add \(relative), or set `language` in canvass.yml to a language the theme has")])
        }
        do {
            guard let map = try Yams.load(yaml: text) as? [String: Any] else {
                return (nil, [.error("UI strings must be a mapping of key: text", at: place)])
            }
            var table: [String: String] = [:]
            for (key, value) in map {
                table[key] = "\(value)"
            }
            return (Strings(language: language, table: table), [])
        } catch let error as YamlError {
            return (nil, [.error("invalid YAML in UI strings: \(error)", at: place)])
        } catch {
            return (nil, [.error("invalid UI strings: \(error)", at: place)])
        }
    }

    /// The string for `key`; a missing key shows as `⟦key⟧` so it is seen, and a test forbids it.
    public subscript(key: String) -> String {
        table[key] ?? "⟦\(key)⟧"
    }

    /// Fills `{name}` placeholders.
    public func format(_ key: String, _ values: [String: String]) -> String {
        var text = self[key]
        for (name, value) in values.sorted(by: { $0.key < $1.key }) {
            text = Self.replacing("{\(name)}", with: value, in: text)
        }
        return text
    }

    /// Every occurrence of `needle` in `text`, left to right, replaced by `value`, on UTF-8 bytes:
    /// Foundation's `replacingOccurrences` went through NSString, and dates and counts on 10,000
    /// pages spent a tenth of a second in it.
    static func replacing(_ needle: String, with value: String, in text: String) -> String {
        let bytes = Array(text.utf8), pattern = Array(needle.utf8)
        guard !pattern.isEmpty, bytes.count >= pattern.count else { return text }
        var result: [UInt8] = []
        var index = 0, copied = 0
        while index + pattern.count <= bytes.count {
            if bytes[index] == pattern[0], bytes[index..<(index + pattern.count)].elementsEqual(pattern) {
                result.append(contentsOf: bytes[copied..<index])
                result.append(contentsOf: value.utf8)
                index += pattern.count
                copied = index
            } else {
                index += 1
            }
        }
        guard copied > 0 else { return text }
        result.append(contentsOf: bytes[copied...])
        return String(decoding: result, as: UTF8.self)
    }

    /// A count with the singular or plural form: keys `key_one` and `key_other`.
    public func count(_ key: String, _ n: Int) -> String {
        format(n == 1 ? key + "_one" : key + "_other", ["count": formatNumber(n)])
    }

    public func formatNumber(_ n: Int) -> String {
        let digits = String(abs(n))
        var grouped = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped += self["number_group_separator"] }
            grouped.append(character)
        }
        return (n < 0 ? "−" : "") + grouped
    }

    /// `14 Sep 2026` / `2026年9月14日`, by the pattern `date_format`.
    public func formatDate(_ date: CalendarDate) -> String {
        format("date_format", ["year": String(date.year), "month": self["month_\(date.month)"], "day": String(date.day)])
    }
}
