import CanvassCore
import CanvassMarkdown
import Foundation

/// Reads a report page: front matter (`title`, `order`, `summary`, `draft`), the Markdown body, and
/// every ```{block} in it with its YAML options checked against the catalogue (SPEC §3.5).
struct PageLoader {
    static let keys = ["title", "order", "summary", "draft"]

    let file: SourceFile
    let id: String
    /// Block templates the theme adds (`templates/blocks/*.mustache` not in the catalogue).
    let customBlocks: Set<String>

    func load() -> (ReportPage?, [Diagnostic]) {
        guard case .success(let split) = FrontMatter.split(file.text), let yaml = split.yaml else {
            return (nil, [file.diagnostic(.error, "report page has no front matter", line: 1, column: 1,
                                          hint: "start the file with `---`, a line `title: …`, and `---`")])
        }
        let reader = YAMLReader(file: file, firstLine: split.yamlFirstLine)
        guard let root = reader.parse(yaml), let fields = reader.fields(root, "front matter", allowed: Self.keys) else {
            return (nil, reader.diagnostics)
        }
        guard let title = fields.string("title") else {
            reader.error("report page has no `title`", at: root, hint: "add a line such as `title: Executive summary`")
            return (nil, reader.diagnostics)
        }
        let body = CommonMark.parse(split.body, firstLine: split.bodyFirstLine)
        var diagnostics = reader.diagnostics
        var blocks: [SourcePoint: BlockInvocation] = [:]
        collectBlocks(body, into: &blocks, diagnostics: &diagnostics)
        let page = ReportPage(
            id: id, title: title, order: fields.int("order"), summary: fields.string("summary"),
            draft: fields.bool("draft") ?? false, file: file.path, body: body, blocks: blocks)
        return (diagnostics.hasErrors ? nil : page, diagnostics)
    }

    /// `{name}` info strings, MyST style; anything else stays an ordinary code block.
    static func blockName(_ info: String) -> String? {
        let trimmed = info.trimmingSpaces()
        guard trimmed.hasPrefix("{"), let close = trimmed.firstIndex(of: "}") else { return nil }
        return String(trimmed[trimmed.index(after: trimmed.startIndex)..<close]).trimmingSpaces()
    }

    private func collectBlocks(_ node: MarkdownNode, into blocks: inout [SourcePoint: BlockInvocation], diagnostics: inout [Diagnostic]) {
        if case .codeBlock(let info) = node.kind, let name = Self.blockName(info) {
            if let invocation = invocation(name: name, node: node, diagnostics: &diagnostics) { blocks[node.start] = invocation }
            return
        }
        for child in node.children { collectBlocks(child, into: &blocks, diagnostics: &diagnostics) }
    }

    private func invocation(name: String, node: MarkdownNode, diagnostics: inout [Diagnostic]) -> BlockInvocation? {
        let location = file.location(line: node.start.line, column: node.start.column)
        let known = BlockCatalog.blocks[name]
        guard known != nil || customBlocks.contains(name) else {
            let names = Array(BlockCatalog.blocks.keys) + customBlocks
            diagnostics.append(file.diagnostic(
                .error, "unknown block `{\(name)}`", line: node.start.line, column: node.start.column,
                hint: (Suggestion.didYouMean(name, in: names).map { $0 + " " } ?? "")
                    + "blocks: \(names.sorted().joined(separator: ", ")); or add templates/blocks/\(name).mustache"))
            return nil
        }
        var options: [String: BlockInvocation.Value] = [:]
        var places: [String: SourceLocation] = [:]
        let literal = node.literal
        if !literal.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            // The options start on the line after the opening fence.
            let reader = YAMLReader(file: file, firstLine: node.start.line + 1)
            if let root = reader.parse(literal), let entries = reader.mapping(root, "the options of `{\(name)}`") {
                for entry in entries {
                    let place = reader.location(of: entry.keyNode)
                    if let known, !known.contains(entry.key) {
                        reader.error(
                            "block `{\(name)}` has no option `\(entry.key)`", at: entry.keyNode,
                            hint: known.isEmpty ? "it takes no options" : (Suggestion.didYouMean(entry.key, in: known).map { $0 + " " } ?? "")
                                + "options: \(known.joined(separator: ", "))")
                        continue
                    }
                    switch entry.value {
                    case .sequence:
                        options[entry.key] = .list(reader.strings(entry.value, "`\(entry.key)`") ?? [])
                    default:
                        if let text = reader.string(entry.value, "`\(entry.key)`") { options[entry.key] = .text(text) }
                    }
                    places[entry.key] = place
                }
            }
            diagnostics += reader.diagnostics
        }
        return BlockInvocation(name: name, options: options, location: location, optionLocations: places)
    }
}
