import CanvassCore
import Foundation
import Yams

/// Reads YAML into typed values while keeping every node's place, so each mistake becomes a
/// diagnostic at its file, line and column. Collects diagnostics rather than stopping at the first.
final class YAMLReader {
    let file: SourceFile
    /// File line of the YAML's first line (front matter starts on line 2).
    let firstLine: Int
    private(set) var diagnostics: [Diagnostic] = []

    init(file: SourceFile, firstLine: Int = 1) {
        self.file = file
        self.firstLine = firstLine
    }

    // MARK: - Parsing

    /// Parses `yaml`; a syntax error becomes a diagnostic and the result is nil. Most front
    /// matter is in the subset `SimpleYAML` reads without libyaml; the rest goes to Yams.
    func parse(_ yaml: String) -> YAMLNode? {
        if let simple = SimpleYAML.compose(yaml) { return simple }
        do {
            return try Self.composeWithYams(yaml)
        } catch let error as YamlError {
            report(error)
        } catch is YAMLNode.TooLarge {
            diagnostics.append(file.diagnostic(
                .error, "the YAML stands for more than \(YAMLNode.largestConverted) values", line: firstLine, column: 1,
                hint: "an alias (`*name`) repeats the whole value it names; write the values out instead"))
        } catch {
            diagnostics.append(file.diagnostic(.error, "invalid YAML: \(error)", line: firstLine, column: 1))
        }
        return nil
    }

    /// `yaml` as Yams composes it; nil for an empty document.
    ///
    /// Every value is read as text and converted here (`int`, `bool`, …), so YAML's own typing of
    /// plain values is not wanted: the basic resolver leaves them untyped, sparing the regular
    /// expressions that typed every key and value, a third of parsing a note's front matter.
    /// The encoding is named: Yams's default reads the whole process environment on every parse
    /// (for a `YAMS_DEFAULT_ENCODING` override, announced on standard output), which was nearly
    /// half of parsing a note's front matter.
    static func composeWithYams(_ yaml: String) throws -> YAMLNode? {
        guard let node = try Yams.compose(yaml: yaml, Resolver.basic, .default, .utf8) else { return nil }
        var budget = YAMLNode.largestConverted
        return try YAMLNode.converting(node, budget: &budget)
    }

    private func report(_ error: YamlError) {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            var message = "invalid YAML: \(problem)"
            var hints = [hint(for: problem)].compactMap { $0 }
            if let context {
                message += " \(context.text)"
                // libyaml notices a problem where it gives up; say where the construct began.
                if context.mark.line != mark.line {
                    hints.insert("it began at line \(context.mark.line + firstLine - 1), column \(context.mark.column)", at: 0)
                }
            }
            diagnostics.append(file.diagnostic(
                .error, message, line: mark.line + firstLine - 1, column: mark.column,
                hint: hints.isEmpty ? nil : hints.joined(separator: "; ")))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let line = context.mark.line + firstLine - 1
            diagnostics.append(file.diagnostic(
                .error, "duplicate key \(duplicates.map { "`\($0)`" }.joined(separator: ", ")) in YAML",
                line: line, column: context.mark.column, hint: "each key may appear once in a mapping"))
        case .reader(let problem, _, _, _):
            diagnostics.append(file.diagnostic(.error, "invalid YAML: \(problem)", line: firstLine, column: 1))
        default:
            diagnostics.append(file.diagnostic(.error, "invalid YAML: \(error)", line: firstLine, column: 1))
        }
    }

    private func hint(for problem: String) -> String? {
        if problem.contains("mapping values are not allowed") {
            return "a value containing `: ` must be quoted, e.g. title: \"Call: onboarding\""
        }
        if problem.contains("tab") {
            return "indent YAML with spaces, not tabs"
        }
        if problem.contains("did not find expected") {
            return "check the indentation and that every quote and bracket is closed"
        }
        return nil
    }

    // MARK: - Places

    func location(of node: YAMLNode) -> SourceLocation {
        let place = node.place
        return file.location(line: place.line + firstLine - 1, column: place.column)
    }

    func error(_ message: String, at node: YAMLNode, hint: String? = nil) {
        add(.error, message, at: node, hint: hint)
    }

    func warning(_ message: String, at node: YAMLNode, hint: String? = nil) {
        add(.warning, message, at: node, hint: hint)
    }

    private func add(_ severity: Diagnostic.Severity, _ message: String, at node: YAMLNode, hint: String?) {
        let place = location(of: node)
        diagnostics.append(file.diagnostic(severity, message, line: place.line, column: place.column, hint: hint))
    }

    // MARK: - Typed access

    /// A mapping's entries in written order, or an error if the node is not a mapping.
    func mapping(_ node: YAMLNode, _ what: String) -> [(key: String, keyNode: YAMLNode, value: YAMLNode)]? {
        guard case .mapping(let mapping, _) = node else {
            error("\(what) must be a mapping of keys to values", at: node)
            return nil
        }
        var entries: [(key: String, keyNode: YAMLNode, value: YAMLNode)] = []
        for entry in mapping {
            guard let key = entry.key.scalar?.string else {
                error("keys in \(what) must be plain text", at: entry.key)
                continue
            }
            entries.append((key, entry.key, entry.value))
        }
        return entries
    }

    /// Reads a mapping and warns about keys that are not `allowed`, with a "did you mean" hint.
    func fields(_ node: YAMLNode, _ what: String, allowed: [String]) -> Fields? {
        guard let entries = mapping(node, what) else { return nil }
        for entry in entries where !allowed.contains(entry.key) {
            warning(
                "unknown key `\(entry.key)` in \(what)", at: entry.keyNode,
                hint: Suggestion.didYouMean(entry.key, in: allowed) ?? "known keys: \(allowed.joined(separator: ", "))")
        }
        return Fields(entries: entries, reader: self)
    }

    func string(_ node: YAMLNode, _ what: String) -> String? {
        guard case .scalar(let scalar) = node else {
            error("\(what) must be text, not \(node.kindDescription)", at: node)
            return nil
        }
        return scalar.string
    }

    func int(_ node: YAMLNode, _ what: String) -> Int? {
        guard let text = string(node, what) else { return nil }
        guard let value = Int(text) else {
            error("\(what) must be a whole number, not `\(text)`", at: node)
            return nil
        }
        return value
    }

    func number(_ node: YAMLNode, _ what: String) -> Double? {
        guard let text = string(node, what) else { return nil }
        guard let value = Double(text), value.isFinite else {
            error("\(what) must be a number, not `\(text)`", at: node)
            return nil
        }
        return value
    }

    func bool(_ node: YAMLNode, _ what: String) -> Bool? {
        guard let text = string(node, what) else { return nil }
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            error("\(what) must be true or false, not `\(text)`", at: node)
            return nil
        }
    }

    /// A list of text; a single value is accepted as a list of one.
    func strings(_ node: YAMLNode, _ what: String) -> [String]? {
        switch node {
        case .scalar(let scalar):
            return scalar.string.isEmpty ? [] : [scalar.string]
        case .sequence(let sequence, _):
            return sequence.compactMap { string($0, "each entry of \(what)") }
        default:
            error("\(what) must be a list", at: node)
            return nil
        }
    }

    func sequence(_ node: YAMLNode, _ what: String) -> [YAMLNode]? {
        guard case .sequence(let sequence, _) = node else {
            error("\(what) must be a list", at: node)
            return nil
        }
        return sequence
    }

    /// An id that becomes part of the site's addresses: letters, digits, `-` and `_` only.
    func identifier(_ node: YAMLNode, _ what: String) -> String? {
        guard let text = string(node, what) else { return nil }
        let allowed = !text.isEmpty && text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        guard allowed else {
            error("\(what) `\(text)` may hold only letters, digits, `-` and `_`", at: node,
                  hint: "it becomes part of page addresses; e.g. \(Slug.make(text).isEmpty ? "my-id" : Slug.make(text))")
            return nil
        }
        return text
    }

    /// One of `cases`, by raw value, with a hint listing them.
    func choice<T: RawRepresentable & CaseIterable>(_ node: YAMLNode, _ what: String, as type: T.Type) -> T? where T.RawValue == String {
        guard let text = string(node, what) else { return nil }
        if let value = T(rawValue: text) { return value }
        let names = T.allCases.map(\.rawValue)
        error(
            "\(what) must be one of \(names.joined(separator: ", ")); `\(text)` is not",
            at: node, hint: Suggestion.didYouMean(text, in: names))
        return nil
    }
}

/// A YAML mapping's entries with typed accessors that report what is wrong where.
struct Fields {
    let entries: [(key: String, keyNode: YAMLNode, value: YAMLNode)]
    let reader: YAMLReader

    subscript(key: String) -> YAMLNode? {
        entries.first { $0.key == key }?.value
    }

    func string(_ key: String, _ what: String? = nil) -> String? {
        self[key].flatMap { reader.string($0, what ?? "`\(key)`") }
    }

    func int(_ key: String) -> Int? {
        self[key].flatMap { reader.int($0, "`\(key)`") }
    }

    func number(_ key: String) -> Double? {
        self[key].flatMap { reader.number($0, "`\(key)`") }
    }

    func bool(_ key: String) -> Bool? {
        self[key].flatMap { reader.bool($0, "`\(key)`") }
    }

    func strings(_ key: String) -> [String]? {
        self[key].flatMap { reader.strings($0, "`\(key)`") }
    }
}

extension YAMLNode {
    var isMapping: Bool {
        if case .mapping = self { return true }
        return false
    }

    /// "a mapping", "a list", "an alias (*name)" — for messages about a value of the wrong kind.
    var kindDescription: String {
        switch self {
        case .scalar: return "text"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias (YAML `*name`); write the value itself"
        }
    }
}
