import Foundation
import CanvassCore

/// Finds the excerpts of a note body (SPEC §3.1).
///
/// Excerpts are every outermost block quote (a verbatim quote) and every paragraph or list item
/// that carries a tag (an observation). A list item's own tags are those of its paragraphs; its
/// nested items are excerpts of their own. A quote's last line `— id` (or `-- id`) names the
/// speaker and is lifted out of the quote.
public enum ExcerptExtractor {
    public struct Found: Sendable, Hashable {
        public var kind: Excerpt.Kind
        /// The excerpt's block as it appears in the returned document.
        public var node: MarkdownNode
        /// Tags written inside the excerpt, lower-cased, sorted and unique.
        public var tags: [String]
        public var speaker: String?
        /// Where the speaker line stood, for diagnostics about unknown speakers.
        public var speakerPoint: SourcePoint?
        /// Plain text, tags removed, white space folded.
        public var text: String
    }

    /// Returns the document with speaker lines removed, and the excerpts in document order.
    public static func extract(from document: MarkdownNode) -> (document: MarkdownNode, excerpts: [Found]) {
        var found: [Found] = []
        let transformed = visit(document, into: &found)
        return (transformed, found)
    }

    private static func visit(_ node: MarkdownNode, into found: inout [Found]) -> MarkdownNode {
        switch node.kind {
        case .blockQuote:
            let (quote, speaker, point) = liftingSpeaker(from: node)
            found.append(Found(
                kind: .quote, node: quote, tags: tags(in: quote), speaker: speaker, speakerPoint: point,
                text: textWithoutTags(quote)))
            return quote
        case .paragraph:
            let paragraphTags = tags(in: node)
            if !paragraphTags.isEmpty {
                found.append(Found(kind: .observation, node: node, tags: paragraphTags, speaker: nil, speakerPoint: nil, text: textWithoutTags(node)))
            }
            return node
        case .item:
            var item = node
            let ownParagraphs = node.children.filter { $0.kind == .paragraph }
            let itemTags = Array(Set(ownParagraphs.flatMap { tags(in: $0) })).sorted()
            let index = found.count
            item.children = node.children.map { child in
                child.kind == .paragraph ? child : visit(child, into: &found)
            }
            if !itemTags.isEmpty {
                var own = item
                own.children = ownParagraphs
                found.insert(Found(kind: .observation, node: item, tags: itemTags, speaker: nil, speakerPoint: nil, text: textWithoutTags(own)), at: index)
            }
            return item
        case .document, .list:
            var container = node
            container.children = node.children.map { visit($0, into: &found) }
            return container
        default:
            return node
        }
    }

    // MARK: - Tags and text

    /// Tags in the text of a subtree, skipping code and raw HTML; sorted and unique.
    public static func tags(in node: MarkdownNode) -> [String] {
        var names = Set<String>()
        collectTags(node, into: &names)
        return names.sorted()
    }

    private static func collectTags(_ node: MarkdownNode, into names: inout Set<String>) {
        switch node.kind {
        case .text:
            for match in TagScanner.matches(in: node.literal) { names.insert(match.name) }
        case .code, .codeBlock, .htmlInline, .htmlBlock:
            return
        default:
            for child in node.children { collectTags(child, into: &names) }
        }
    }

    static func textWithoutTags(_ node: MarkdownNode) -> String {
        var text = node.plainText
        for match in TagScanner.matches(in: text).reversed() {
            text.replaceSubrange(match.range, with: "")
        }
        return collapsingSpaces(text)
    }

    /// The words of `text` joined by single spaces: runs of white space become one space, and
    /// none is left at either end. Text whose every code point is its own character
    /// (`SimpleText`: ASCII, Chinese and Latin-1, most notes) is done code point by code point on
    /// its bytes, and returned as it is when already folded; other text by characters.
    public static func collapsingSpaces(_ text: String) -> String {
        var copy = text
        enum Folded { case unchanged, simple([UInt8]), other }
        let folded: Folded = copy.withUTF8 { bytes in
            // The first pass looks for the first place folding changes (excerpt text, as the
            // search index reads it, is folded already and comes back as it is).
            var index = 0, previousIsSpace = true
            var change: Int?
            while index < bytes.count {
                let (isSpace, width) = SimpleText.whiteSpace(in: bytes, at: index)
                guard let isSpace else { return .other }
                if isSpace && (bytes[index] != 0x20 || previousIsSpace || index + 1 == bytes.count) {
                    change = index
                    break
                }
                previousIsSpace = isSpace
                index += width
            }
            guard let change else { return .unchanged }
            // The second goes on from there, keeping what came before (but a space it ended on).
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            out.append(contentsOf: bytes[..<change])
            var pendingSpace = false
            if out.last == 0x20 {
                out.removeLast()
                pendingSpace = true
            }
            index = change
            while index < bytes.count {
                let (isSpace, width) = SimpleText.whiteSpace(in: bytes, at: index)
                guard let isSpace else { return .other }
                if isSpace {
                    pendingSpace = !out.isEmpty
                } else {
                    if pendingSpace { out.append(0x20) }
                    pendingSpace = false
                    out.append(contentsOf: bytes[index..<index + width])
                }
                index += width
            }
            return .simple(out)
        }
        switch folded {
        case .unchanged: return text
        case .simple(let bytes): return String(decoding: bytes, as: UTF8.self)
        case .other: return text.split(whereSeparator: \.isSpace).joined(separator: " ")
        }
    }

    // MARK: - Speaker lines

    /// Removes a trailing `— id` line from a quote's last paragraph.
    static func liftingSpeaker(from quote: MarkdownNode) -> (MarkdownNode, String?, SourcePoint?) {
        guard let lastIndex = quote.children.indices.last, quote.children[lastIndex].kind == .paragraph else {
            return (quote, nil, nil)
        }
        let paragraph = quote.children[lastIndex]
        let breakIndex = paragraph.children.lastIndex { $0.kind == .softBreak || $0.kind == .lineBreak }
        let tailStart = breakIndex.map { $0 + 1 } ?? 0
        let tail = paragraph.children[tailStart...]
        guard tail.allSatisfy({ $0.kind == .text }), let speaker = speakerID(in: tail.map(\.literal).joined()) else {
            return (quote, nil, nil)
        }
        let point = breakIndex.map { _ in SourcePoint(line: paragraph.end.line, column: paragraph.start.column) } ?? paragraph.start
        var lifted = quote
        if let breakIndex {
            var shortened = paragraph
            shortened.children = Array(paragraph.children[..<breakIndex])
            shortened.end = SourcePoint(line: max(paragraph.start.line, paragraph.end.line - 1), column: paragraph.end.column)
            lifted.children[lastIndex] = shortened
        } else {
            lifted.children.remove(at: lastIndex)
        }
        return (lifted, speaker, point)
    }

    /// `— r-0042`, `-- r-0042` or `―r-0042` → `r-0042`.
    static func speakerID(in line: String) -> String? {
        // Most lines are not speaker lines: a look at the first byte after spaces and tabs turns
        // them away (a dash, or a byte beyond ASCII that may start a dash or a Unicode space).
        let start = line.utf8.drop { $0 == 0x20 || $0 == 0x09 }
        guard let first = start.first, first == UInt8(ascii: "-") || first >= 0x80 else { return nil }
        return plainSpeakerID(in: start) ?? readingSpeakerID(in: line)
    }

    /// The usual speaker line read on its bytes: a dash (`—`, `―` or `--`), spaces or tabs, an
    /// id of visible ASCII, spaces or tabs. Nil for anything else, which `readingSpeakerID` reads.
    private static func plainSpeakerID(in line: Substring.UTF8View) -> String? {
        let isBlank = { (byte: UInt8) in byte == 0x20 || byte == 0x09 }
        var rest = line[...]
        if rest.starts(with: [0xE2, 0x80, 0x94]) || rest.starts(with: [0xE2, 0x80, 0x95]) {
            rest = rest.dropFirst(3)
        } else if rest.starts(with: [0x2D, 0x2D]) {
            rest = rest.dropFirst(2)
        } else {
            return nil
        }
        rest = rest.drop(while: isBlank)
        let id = rest.prefix { $0 > 0x20 && $0 < 0x7F }
        guard !id.isEmpty, rest.dropFirst(id.count).allSatisfy(isBlank) else { return nil }
        return String(id)
    }

    /// `speakerID` without the first look.
    static func readingSpeakerID(in line: String) -> String? {
        var rest = Substring(line.trimmingSpaces())
        if rest.hasPrefix("—") || rest.hasPrefix("―") {
            rest = rest.dropFirst()
        } else if rest.hasPrefix("--") {
            rest = rest.dropFirst(2)
        } else {
            return nil
        }
        let id = String(rest).trimmingSpaces()
        let plain = id.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F }
        guard !id.isEmpty, plain || !id.contains(where: \.isWhitespace) else { return nil }
        return id
    }
}
