import CanvassCore

/// Renders a `MarkdownNode` tree to HTML, safely by default.
///
/// Raw HTML is dropped unless `allowRawHTML`; link and image targets with unsafe schemes are
/// removed (the link's text stays); text is escaped. Tags in text can become links to their
/// theme, and blocks can carry anchors and footers (a quote's attribution).
public struct HTMLRenderer: Sendable {
    /// Extra markup for one block, found by where it starts.
    public struct BlockDecoration: Sendable, Hashable {
        public var id: String?
        public var className: String?
        /// Already-escaped HTML appended inside the block (e.g. a `<footer>` naming the speaker).
        public var footerHTML: String?
        public init(id: String? = nil, className: String? = nil, footerHTML: String? = nil) {
            self.id = id
            self.className = className
            self.footerHTML = footerHTML
        }
    }

    public enum TagStyle: Sendable {
        /// Tags stay as written text.
        case text
        /// Tags are removed from the text (shown elsewhere, e.g. as chips).
        case hidden
        /// Tags become links; the closure gives a tag's URL, or nil for a plain chip.
        case link(@Sendable (String) -> String?)
    }

    public var allowRawHTML = false
    public var tagStyle: TagStyle = .text
    public var decorations: [SourcePoint: BlockDecoration] = [:]
    /// Resolves link destinations before the safety check (entity links such as `theme:x`).
    /// Return nil to leave the destination as written.
    public var resolveLink: (@Sendable (String) -> String?)?
    /// Give headings ids from their text, for tables of contents and deep links.
    public var headingIDs = true
    /// Renders a fenced block itself (report-page analysis blocks); nil leaves it a code block.
    public var renderBlock: (@Sendable (MarkdownNode) -> String?)?

    public init() {}

    public func render(_ node: MarkdownNode) -> String {
        var output = ""
        var usedIDs: [String: Int] = [:]
        render(node, into: &output, tight: false, usedIDs: &usedIDs)
        return output
    }

    /// Renders an excerpt out of its note: a list item's or a quote's contents, without the
    /// `<li>` or `<blockquote>` that only make sense in place.
    public func renderExcerpt(_ node: MarkdownNode) -> String {
        switch node.kind {
        case .item, .blockQuote:
            var contents = node
            contents.kind = .document
            return render(contents)
        default:
            return render(node)
        }
    }

    // MARK: - Blocks

    private func render(_ node: MarkdownNode, into out: inout String, tight: Bool, usedIDs: inout [String: Int]) {
        let decoration = node.isBlock ? decorations[node.start] : nil
        switch node.kind {
        case .document:
            renderChildren(node, into: &out, tight: tight, usedIDs: &usedIDs)
        case .blockQuote:
            out += "<blockquote" + attributes(decoration) + ">\n"
            renderChildren(node, into: &out, tight: false, usedIDs: &usedIDs)
            if let footer = decoration?.footerHTML { out += footer + "\n" }
            out += "</blockquote>\n"
        case .list(let ordered, let start, let isTight):
            let tag = ordered ? "ol" : "ul"
            out += "<\(tag)" + (ordered && start != 1 ? " start=\"\(start)\"" : "") + ">\n"
            renderChildren(node, into: &out, tight: isTight, usedIDs: &usedIDs)
            out += "</\(tag)>\n"
        case .item:
            out += "<li" + attributes(decoration) + ">"
            renderChildren(node, into: &out, tight: tight, usedIDs: &usedIDs)
            if let footer = decoration?.footerHTML { out += footer }
            out += "</li>\n"
        case .codeBlock(let info):
            if let html = renderBlock?(node) {
                out += html
                return
            }
            let language = info.split(separator: " ").first.map(String.init) ?? ""
            let cls = language.isEmpty ? "" : " class=\"language-\(HTMLEscaping.escape(language))\""
            out += "<pre><code\(cls)>" + HTMLEscaping.escape(node.literal) + "</code></pre>\n"
        case .htmlBlock:
            if allowRawHTML { out += node.literal }
        case .paragraph:
            if tight && decoration == nil {
                renderInlines(node, into: &out)
            } else {
                out += "<p" + attributes(decoration) + ">"
                renderInlines(node, into: &out)
                if let footer = decoration?.footerHTML { out += footer }
                out += "</p>\n"
            }
        case .heading(let level):
            var idAttribute = ""
            if headingIDs {
                let id = uniqueID(Slug.make(node.plainText), used: &usedIDs)
                idAttribute = " id=\"\(HTMLEscaping.escape(id))\""
            }
            out += "<h\(level)\(idAttribute)>"
            renderInlines(node, into: &out)
            out += "</h\(level)>\n"
        case .thematicBreak:
            out += "<hr>\n"
        default:
            renderInline(node, into: &out)
        }
    }

    private func renderChildren(_ node: MarkdownNode, into out: inout String, tight: Bool, usedIDs: inout [String: Int]) {
        for child in node.children {
            render(child, into: &out, tight: tight, usedIDs: &usedIDs)
        }
    }

    private func attributes(_ decoration: BlockDecoration?) -> String {
        guard let decoration else { return "" }
        var result = ""
        if let id = decoration.id { result += " id=\"\(HTMLEscaping.escape(id))\"" }
        if let cls = decoration.className { result += " class=\"\(HTMLEscaping.escape(cls))\"" }
        return result
    }

    /// The headings of a document with the ids `render` gives them, for a table of contents.
    public static func headings(of node: MarkdownNode) -> [(level: Int, text: String, id: String)] {
        var used: [String: Int] = [:]
        var result: [(level: Int, text: String, id: String)] = []
        func visit(_ node: MarkdownNode) {
            if case .heading(let level) = node.kind {
                result.append((level, node.plainText, HTMLRenderer().uniqueID(Slug.make(node.plainText), used: &used)))
            }
            for child in node.children { visit(child) }
        }
        visit(node)
        return result
    }

    private func uniqueID(_ base: String, used: inout [String: Int]) -> String {
        let base = base.isEmpty ? "section" : base
        let count = used[base, default: 0]
        used[base] = count + 1
        return count == 0 ? base : "\(base)-\(count + 1)"
    }

    // MARK: - Inlines

    private func renderInlines(_ node: MarkdownNode, into out: inout String) {
        for child in node.children { renderInline(child, into: &out) }
    }

    private func renderInline(_ node: MarkdownNode, into out: inout String) {
        switch node.kind {
        case .text:
            renderText(node.literal, into: &out)
        case .softBreak:
            out += "\n"
        case .lineBreak:
            out += "<br>\n"
        case .code:
            out += "<code>" + HTMLEscaping.escape(node.literal) + "</code>"
        case .htmlInline:
            if allowRawHTML { out += node.literal }
        case .emphasis:
            out += "<em>"; renderInlines(node, into: &out); out += "</em>"
        case .strong:
            out += "<strong>"; renderInlines(node, into: &out); out += "</strong>"
        case .link(let destination, let title):
            guard let href = safeTarget(destination) else {
                renderInlines(node, into: &out)
                return
            }
            out += "<a href=\"\(HTMLEscaping.escape(href))\""
            if !title.isEmpty { out += " title=\"\(HTMLEscaping.escape(title))\"" }
            out += ">"
            renderInlines(node, into: &out)
            out += "</a>"
        case .image(let source, let title):
            let alt = HTMLEscaping.escape(node.plainText)
            guard let src = safeTarget(source) else {
                out += alt
                return
            }
            out += "<img src=\"\(HTMLEscaping.escape(src))\" alt=\"\(alt)\""
            if !title.isEmpty { out += " title=\"\(HTMLEscaping.escape(title))\"" }
            out += " loading=\"lazy\">"
        default:
            // A block inside inline content cannot come from cmark; render its text.
            renderText(node.plainText, into: &out)
        }
    }

    private func safeTarget(_ destination: String) -> String? {
        let resolved = resolveLink?(destination) ?? destination
        return URLSafety.isSafe(resolved) ? resolved : nil
    }

    private func renderText(_ text: String, into out: inout String) {
        if case .text = tagStyle {
            out += HTMLEscaping.escape(text)
            return
        }
        var cursor = text.startIndex
        for match in TagScanner.matches(in: text) {
            out += HTMLEscaping.escape(String(text[cursor..<match.range.lowerBound]))
            cursor = match.range.upperBound
            switch tagStyle {
            case .hidden, .text:
                break
            case .link(let url):
                let label = HTMLEscaping.escape(String(text[match.range]))
                if let href = url(match.name) {
                    out += "<a class=\"tag\" href=\"\(HTMLEscaping.escape(href))\">\(label)</a>"
                } else {
                    out += "<span class=\"tag\">\(label)</span>"
                }
            }
        }
        out += HTMLEscaping.escape(String(text[cursor...]))
    }
}
