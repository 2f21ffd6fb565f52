/// A line and column in a Markdown source, both from 1 (columns in Unicode scalars).
public struct SourcePoint: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
    public var description: String { "\(line):\(column)" }
    public static func < (lhs: SourcePoint, rhs: SourcePoint) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

/// An immutable CommonMark tree: what cmark parsed, copied into Swift values.
///
/// Lines are those of the whole file (front matter included), so a position can be shown to the
/// user as it stands in their editor.
public struct MarkdownNode: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case document
        case blockQuote
        case list(ordered: Bool, start: Int, tight: Bool)
        case item
        case codeBlock(info: String)
        case htmlBlock
        case paragraph
        case heading(level: Int)
        case thematicBreak
        case text
        case softBreak
        case lineBreak
        case code
        case htmlInline
        case emphasis
        case strong
        case link(destination: String, title: String)
        case image(source: String, title: String)
    }

    public var kind: Kind
    /// Text of `text`, `code`, `codeBlock`, `htmlBlock` and `htmlInline` nodes; empty otherwise.
    public var literal: String
    public var children: [MarkdownNode]
    public var start: SourcePoint
    public var end: SourcePoint

    public init(kind: Kind, literal: String = "", children: [MarkdownNode] = [], start: SourcePoint, end: SourcePoint) {
        self.kind = kind
        self.literal = literal
        self.children = children
        self.start = start
        self.end = end
    }

    public var isBlock: Bool {
        switch kind {
        case .document, .blockQuote, .list, .item, .codeBlock, .htmlBlock, .paragraph, .heading, .thematicBreak:
            return true
        default:
            return false
        }
    }

    /// The node's text without markup: soft breaks become spaces, paragraphs are joined by a blank line.
    public var plainText: String {
        switch kind {
        case .text, .code: return literal
        case .codeBlock: return literal
        case .softBreak: return " "
        case .lineBreak: return "\n"
        case .htmlBlock, .htmlInline, .thematicBreak: return ""
        default:
            if isBlock {
                return children.map(\.plainText).filter { !$0.isEmpty }.joined(separator: "\n\n")
            }
            return children.map(\.plainText).joined()
        }
    }
}

/// A link to one of the study's own entities as written in a body (`[x](persona:parent)`), at the
/// line of the block it stands in (SPEC §3.5). Whether it names anything is decided at render.
public struct EntityLinkReference: Sendable, Hashable {
    public static let schemes = ["persona", "theme", "dimension", "note", "page"]

    public var destination: String
    public var line: Int

    public init(destination: String, line: Int) {
        self.destination = destination
        self.line = line
    }

    /// The entity scheme a link destination starts with (`persona` in `persona:parent`), if any.
    public static func scheme(of destination: String) -> String? {
        guard let colon = destination.firstIndex(of: ":") else { return nil }
        let scheme = String(destination[..<colon])
        return schemes.contains(scheme) ? scheme : nil
    }
}

extension MarkdownNode {
    /// Every entity link in the tree, in document order.
    public var entityLinks: [EntityLinkReference] {
        var found: [EntityLinkReference] = []
        func visit(_ node: MarkdownNode, line: Int) {
            let line = node.isBlock ? node.start.line : line
            if case .link(let destination, _) = node.kind, EntityLinkReference.scheme(of: destination) != nil {
                found.append(EntityLinkReference(destination: destination, line: line))
            }
            for child in node.children { visit(child, line: line) }
        }
        visit(self, line: 1)
        return found
    }
}
