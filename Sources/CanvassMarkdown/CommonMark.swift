import CCmark
import CanvassCore

/// The one place that talks to cmark: parse CommonMark into a `MarkdownNode` tree.
///
/// cmark's tree is walked once and copied into Swift values; every C object is freed before
/// returning, so no pointer escapes. Raw HTML is kept in the tree as `htmlBlock`/`htmlInline`
/// nodes; whether it reaches a page is the HTML renderer's decision, not the parser's.
public enum CommonMark {
    /// Deepest nesting copied as structure. Deeper blocks (hostile input such as 50,000 nested
    /// quotes) are kept as their plain text, so no later walk of the tree can exhaust the stack.
    public static let maximumDepth = 256

    /// Parses `text`, numbering lines as if the text began at `firstLine` of its file.
    public static func parse(_ text: String, firstLine: Int = 1) -> MarkdownNode {
        parseReportingDepth(text, firstLine: firstLine).node
    }

    /// Parses, and says where nesting deeper than `maximumDepth` was flattened to text, if anywhere.
    public static func parseReportingDepth(_ text: String, firstLine: Int = 1) -> (node: MarkdownNode, flattenedAt: SourcePoint?) {
        var source = text
        let lines = LineTable(source)
        let options = CMARK_OPT_NORMALIZE | CMARK_OPT_VALIDATE_UTF8
        let root: OpaquePointer? = source.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parse_document(chars.baseAddress, chars.count, options)
            }
        }
        guard let root else {
            let start = SourcePoint(line: firstLine, column: 1)
            return (MarkdownNode(kind: .document, start: start, end: start), nil)
        }
        defer { cmark_node_free(root) }
        var flattenedAt: SourcePoint?
        let node = copy(root, lines: lines, lineOffset: firstLine - 1, depth: 0, flattenedAt: &flattenedAt)
        return (node, flattenedAt)
    }

    private static func copy(_ node: OpaquePointer, lines: LineTable, lineOffset: Int, depth: Int, flattenedAt: inout SourcePoint?) -> MarkdownNode {
        var children: [MarkdownNode] = []
        var child = cmark_node_first_child(node)
        if depth >= maximumDepth, child != nil {
            // Too deep: keep the subtree's text as one paragraph, gathered without recursion.
            let start = SourcePoint(line: Int(cmark_node_get_start_line(node)) + lineOffset, column: 1)
            if flattenedAt == nil { flattenedAt = start }
            let text = MarkdownNode(kind: .text, literal: flatText(node), start: start, end: start)
            return MarkdownNode(kind: .paragraph, children: [text], start: start, end: start)
        }
        while let current = child {
            children.append(copy(current, lines: lines, lineOffset: lineOffset, depth: depth + 1, flattenedAt: &flattenedAt))
            child = cmark_node_next(current)
        }
        let startLine = Int(cmark_node_get_start_line(node))
        let endLine = Int(cmark_node_get_end_line(node))
        let start = SourcePoint(
            line: startLine + lineOffset,
            column: lines.scalarColumn(line: startLine, byteColumn: Int(cmark_node_get_start_column(node))))
        let end = SourcePoint(
            line: endLine + lineOffset,
            column: lines.scalarColumn(line: endLine, byteColumn: Int(cmark_node_get_end_column(node))))
        return MarkdownNode(kind: kind(of: node), literal: string(cmark_node_get_literal(node)), children: children, start: start, end: end)
    }

    /// The literal text under a node, by cmark's own (iterative) iterator.
    private static func flatText(_ node: OpaquePointer) -> String {
        guard let iterator = cmark_iter_new(node) else { return "" }
        defer { cmark_iter_free(iterator) }
        var parts: [String] = []
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard let current = cmark_iter_get_node(iterator), cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER else { continue }
            let literal = string(cmark_node_get_literal(current))
            if !literal.isEmpty { parts.append(literal) }
        }
        return parts.joined(separator: " ")
    }

    private static func kind(of node: OpaquePointer) -> MarkdownNode.Kind {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
        case CMARK_NODE_LIST:
            return .list(
                ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                start: Int(cmark_node_get_list_start(node)),
                tight: cmark_node_get_list_tight(node) != 0)
        case CMARK_NODE_ITEM: return .item
        case CMARK_NODE_CODE_BLOCK: return .codeBlock(info: string(cmark_node_get_fence_info(node)))
        case CMARK_NODE_HTML_BLOCK: return .htmlBlock
        case CMARK_NODE_PARAGRAPH: return .paragraph
        case CMARK_NODE_HEADING: return .heading(level: Int(cmark_node_get_heading_level(node)))
        case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
        case CMARK_NODE_TEXT: return .text
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_CODE: return .code
        case CMARK_NODE_HTML_INLINE: return .htmlInline
        case CMARK_NODE_EMPH: return .emphasis
        case CMARK_NODE_STRONG: return .strong
        case CMARK_NODE_LINK:
            return .link(destination: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
        case CMARK_NODE_IMAGE:
            return .image(source: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
        default:
            // Document, and the custom nodes cmark never produces from text: plain containers.
            return .document
        }
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }
}

/// Maps cmark's byte columns to the Unicode-scalar columns users and YAML diagnostics see.
struct LineTable {
    private let lineStarts: [Int]
    private let bytes: [UInt8]

    init(_ text: String) {
        bytes = Array(text.utf8)
        var starts = [0]
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            starts.append(index + 1)
        }
        lineStarts = starts
    }

    func scalarColumn(line: Int, byteColumn: Int) -> Int {
        guard line >= 1, line <= lineStarts.count, byteColumn > 1 else { return max(byteColumn, 1) }
        let start = lineStarts[line - 1]
        let end = min(start + byteColumn - 1, bytes.count)
        // Count the bytes that begin a scalar: everything but UTF-8 continuation bytes.
        var scalars = 0
        for index in start..<end where bytes[index] & 0xC0 != 0x80 {
            scalars += 1
        }
        return scalars + 1
    }
}
