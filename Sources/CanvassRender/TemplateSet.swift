import CanvassCore
import CanvassMarkdown
import CanvassSupport
import Foundation
import Mustache

/// The theme's templates, parsed once: `templates/**/*.mustache`, named by path without extension
/// and with dots for slashes (`layouts.base`, `partials.excerpt`, `pages.note`), plus UI strings and assets.
public struct TemplateSet: Sendable {
    public static let folder = "templates"

    let library: MustacheLibrary
    /// Each template's text as parsed, by name, to parse again for another thread (`render`).
    private let sources: [String: String]
    private let copies = ThreadCopies()
    public let strings: Strings
    /// Files under `templates/assets`, relative to that folder, sorted, with their bytes.
    public let assets: [(path: String, bytes: [UInt8])]

    /// Loads the theme of `projectRoot`: the built-in default theme with the project's own
    /// `templates/` files laid over it file by file. Every template that fails to parse is a diagnostic.
    public static func load(projectRoot: String, language: Language) -> (TemplateSet?, [Diagnostic]) {
        let path = (projectRoot as NSString).appendingPathComponent(folder)
        let escaping = ByteEscapedHTML.pragma
        var diagnostics: [Diagnostic] = []
        var library = MustacheLibrary()
        var sources: [String: String] = [:]
        var files = DefaultTheme.fileData
        for relative in listFiles(in: path) {
            guard let data = FileManager.default.contents(atPath: path + "/" + relative) else {
                diagnostics.append(.error("cannot read theme file", at: SourceLocation(file: folder + "/" + relative, line: 1, column: 1)))
                continue
            }
            files[relative] = [UInt8](data)
        }
        let stringsFile = "i18n/\(language.rawValue).yml"
        let (strings, stringDiagnostics) = Strings.load(files[stringsFile], file: folder + "/" + stringsFile, language: language)
        for relative in files.keys.sorted() where relative.hasSuffix(".mustache") {
            let display = folder + "/" + relative
            guard let text = String(validating: files[relative]!, as: UTF8.self) else {
                diagnostics.append(.error("cannot read template (is it UTF-8?)", at: SourceLocation(file: display, line: 1, column: 1)))
                continue
            }
            do {
                // With its UI strings put in when it parses so; otherwise the template as written
                // is parsed, so that a diagnostic points into what the author wrote.
                let resolved = strings.flatMap { resolvingStrings(in: text, $0.table) }.map { escaping + $0 }
                let parsed = try resolved.flatMap { source in (try? MustacheTemplate(string: source)).map { ($0, source) } }
                    ?? (MustacheTemplate(string: escaping + text), escaping + text)
                library.register(parsed.0, named: templateName(relative))
                sources[templateName(relative)] = parsed.1
            } catch let error as MustacheTemplate.ParserError {
                // Line numbers count the escaping line put before the template's own first line.
                diagnostics.append(.error(
                    "template does not parse: \(describe(error.error))",
                    at: SourceLocation(file: display, line: max(error.context.lineNumber - 1, 1), column: error.context.columnNumber + 1),
                    hint: "check that every {{#section}} has a matching {{/section}} and every tag is closed",
                    sourceLine: error.context.line))
            } catch {
                diagnostics.append(.error("template does not parse: \(error)", at: SourceLocation(file: display, line: 1, column: 1)))
            }
        }
        diagnostics += stringDiagnostics
        let assets = files.keys.sorted().filter { $0.hasPrefix("assets/") }
            .map { (path: String($0.dropFirst("assets/".count)), bytes: files[$0]!) }
        guard !diagnostics.hasErrors, let strings else { return (nil, diagnostics) }
        return (TemplateSet(library: library, sources: sources, strings: strings, assets: assets), diagnostics)
    }

    /// The template with every `{{t.key}}` replaced by the UI string it prints, escaped as Mustache
    /// would escape it: the strings are fixed for a build, and looking each up through the
    /// context stack on every page took a twentieth of rendering. Nil (the template is used as
    /// written) when the template sets a pragma or delimiters, or has a comment (which a
    /// replaced tag inside it could end elsewhere); a string holding a newline or braces is left
    /// to Mustache. Only `{{t.key}}` itself is replaced, not `{{{t.key}}}` or sections.
    static func resolvingStrings(in text: String, _ table: [String: String]) -> String? {
        guard text.contains("{{t."), !text.contains("{{%"), !text.contains("{{="), !text.contains("{{!") else { return nil }
        let open = Array("{{t.".utf8), close = Array("}}".utf8)
        let bytes = Array(text.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == open[0], bytes[index...].starts(with: open), index == 0 || bytes[index - 1] != UInt8(ascii: "{") {
                var end = index + open.count
                while end < bytes.count, bytes[end] == UInt8(ascii: "_") || (bytes[end] >= UInt8(ascii: "a") && bytes[end] <= UInt8(ascii: "z"))
                    || (bytes[end] >= UInt8(ascii: "0") && bytes[end] <= UInt8(ascii: "9")) {
                    end += 1
                }
                let key = String(decoding: bytes[(index + open.count)..<end], as: UTF8.self)
                if end > index + open.count, bytes[end...].starts(with: close), end + close.count == bytes.count || bytes[end + close.count] != UInt8(ascii: "}"),
                   let value = table[key], !value.contains("\n"), !value.contains("{"), !value.contains("}") {
                    result.append(contentsOf: HTMLEscaping.escape(value).utf8)
                    index = end + close.count
                    continue
                }
            }
            result.append(bytes[index])
            index += 1
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// The file under the project that holds the template registered as `name` (`pages.note` →
    /// `templates/pages/note.mustache`).
    public static func file(_ name: String) -> String {
        folder + "/" + name.replacingOccurrences(of: ".", with: "/") + ".mustache"
    }

    /// Renders a registered template; nil when the theme lacks it. `threadCopy`: render with a
    /// copy of the templates parsed for the calling thread, kept for its next page. Rendering
    /// retains and releases the templates' strings at every token, and two cores doing so on the
    /// same strings wait on each other's reference counts (a tenth of rendering 10,000 pages on
    /// two cores). For the build's worker threads, a small pool that lives on; not for threads
    /// made per request, which would each parse the theme again.
    public func render(_ context: Any, template name: String, threadCopy: Bool = false) -> String? {
        (threadCopy ? copies.library(parsing: sources, else: library) : library).render(context, withTemplate: name)
    }

    /// The libraries parsed for each thread that rendered with this set.
    private final class ThreadCopies: @unchecked Sendable {
        private let lock = NSLock()
        private var libraries: [pthread_t: MustacheLibrary] = [:]

        func library(parsing sources: [String: String], else shared: MustacheLibrary) -> MustacheLibrary {
            let thread = pthread_self()
            if let library = lock.withLock({ libraries[thread] }) { return library }
            var library = MustacheLibrary()
            for (name, source) in sources {
                // A copy of the text, so that not even the parsed strings' storage is shared.
                guard let template = try? MustacheTemplate(string: String(decoding: Array(source.utf8), as: UTF8.self)) else { return shared }
                library.register(template, named: name)
            }
            lock.withLock { libraries[thread] = library }
            return library
        }
    }

    public func has(_ name: String) -> Bool {
        library.getTemplate(named: name) != nil
    }

    /// `pages/home.mustache` → `pages.home`: Mustache section names cannot hold `/`.
    static func templateName(_ relative: String) -> String {
        String(relative.dropLast(".mustache".count)).replacingOccurrences(of: "/", with: ".")
    }

    /// Every file under `folder`, relative, sorted; hidden files skipped.
    static func listFiles(in folder: String) -> [String] {
        FileTree.entries(under: folder).filter { item in
            var isDirectory: ObjCBool = false
            return !(item as NSString).lastPathComponent.hasPrefix(".")
                && FileManager.default.fileExists(atPath: folder + "/" + item, isDirectory: &isDirectory) && !isDirectory.boolValue
        }
        .sorted()
    }

    private static func describe(_ error: Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect?: return "a section is closed with a different name than it was opened"
        case .unfinishedName?: return "a tag is not closed with }}"
        case .expectedSectionEnd?: return "a section is never closed"
        case .invalidSetDelimiter?: return "a set-delimiter tag is malformed"
        case .transformAppliedToInheritanceSection?: return "a transform is applied to an inheritance section"
        case .illegalTokenInsideInheritSection?: return "only {{$block}} overrides may stand inside {{<parent}}"
        case .textInsideInheritSection?: return "text stands inside {{<parent}} outside any {{$block}}"
        default: return "\(error)"
        }
    }
}

/// The HTML escaping of every `{{variable}}` in the theme, Canvass's own rather than the library's.
///
/// The library escapes by Character, so a `"` or `<` that a combining mark follows (`"\u{301}`)
/// is one Character it does not know and stays raw: a value could close an attribute and add
/// one of its own. `HTMLEscaping.escape` works on bytes and escapes every one of them, and is
/// several times faster. Every template, the project's own included, starts with this content
/// type: `pragma` is put before its first line when the theme is loaded.
struct ByteEscapedHTML: MustacheContentType {
    static let name = "CANVASS_HTML"

    /// The pragma line: a standalone tag, so it leaves the template's own lines as they were.
    static let pragma: String = {
        MustacheContentTypes.register(ByteEscapedHTML(), named: name)
        return "{{% CONTENT_TYPE: \(name) }}\n"
    }()

    func escapeText(_ text: String) -> String {
        HTMLEscaping.escape(text)
    }
}

/// View models use "" for absent text, and Mustache treats any string as true, so
/// `{{#summary}}…{{/summary}}` would render for a note without one: an empty string counts as
/// missing in a section test, and renders as nothing. (This also spares the library's costlier
/// casts for every text it prints.)
extension String: @retroactive MustacheCustomRenderable {
    public var renderText: String { self }
    public var isNull: Bool { isEmpty }
}
