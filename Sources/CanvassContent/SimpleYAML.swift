/// The YAML most front matter is written in, read without libyaml: a block mapping of plain keys
/// at the left margin whose values are one-line scalars or flow collections (`{…}`, `[…]`), or
/// block lists of them or of one-level mappings (`- id: r-1` with its keys below it).
///
/// Reading a note's front matter through Yams was a third of loading a note in a large study. This
/// reads the same documents to the same `YAMLNode`, places included. Anything beyond the subset —
/// comments, values that go on over lines, anchors, tags, escapes, block scalars, deeper nesting,
/// duplicate keys, empty values, tabs — makes `compose` return nil, and the caller asks Yams: what
/// a document means, and where a diagnostic points, never depend on which of the two read it (a
/// differential test holds them to the same result on generated documents).
enum SimpleYAML {
    static func compose(_ text: String) -> YAMLNode? {
        var copy = text
        return copy.withUTF8 { bytes in
            var reader = Reader(bytes: bytes)
            return reader.document()
        }
    }

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0
        var line = 1
        var lineStart = 0
        /// The last place worked out on the current line, which the next one counts on from:
        /// places are asked for in order, and counting each from the line's start made a line of
        /// many values (a list of 80,000 tags) quadratic.
        var lastPlace = (offset: 0, column: 1)

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
        }

        /// libyaml's simple keys are at most 1024 characters long; longer ones are its to refuse.
        static let longestKey = 1000
        /// Front matter nests two or three levels; deeper flow collections, and libyaml's limit on
        /// nesting (a diagnostic), are left to Yams.
        static let deepestFlow = 16
        var depth = 0

        // MARK: - Block structure

        mutating func document() -> YAMLNode? {
            guard hasOnlyPlainCharacters() else { return nil }
            var entries: [YAMLNode.Entry] = []
            var keys = Set<String>()
            while position < bytes.count {
                if byte == newline {
                    nextLine()
                    continue
                }
                guard let key = blockKey(), keys.insert(key.string).inserted else { return nil }
                guard let value = blockValue(topLevel: true) else { return nil }
                entries.append(YAMLNode.Entry(key: .scalar(key), value: value))
            }
            guard let first = entries.first else { return nil }
            return .mapping(entries, first.key.place)
        }

        /// `key:` at the current position: letters, digits, `_` and `-`, starting with no `-`.
        mutating func blockKey() -> YAMLNode.Scalar? {
            let start = position
            guard position < bytes.count, isKeyStart(byte) else { return nil }
            while position < bytes.count, isKeyStart(byte) || byte == UInt8(ascii: "-") { position += 1 }
            guard position - start <= Self.longestKey, position < bytes.count, byte == UInt8(ascii: ":") else { return nil }
            let key = YAMLNode.Scalar(string: String(decoding: bytes[start..<position], as: UTF8.self), place: place(start))
            position += 1
            return key
        }

        /// What follows a block key's `:`: a one-line value, or, when the line ends there, a block
        /// list on the lines below (at the top level only).
        mutating func blockValue(topLevel: Bool) -> YAMLNode? {
            if atLineEnd {
                guard topLevel else { return nil }
                endLine()
                return blockSequence()
            }
            guard byte == space else { return nil }
            skipSpaces()
            return restOfLine()
        }

        /// A one-line value that ends its line, and the line's end.
        mutating func restOfLine() -> YAMLNode? {
            guard let value = inline(flow: false) else { return nil }
            skipSpaces()
            guard atLineEnd else { return nil }
            endLine()
            return value
        }

        /// `- item` lines below a top-level key, all at one indentation (the left margin or deeper).
        mutating func blockSequence() -> YAMLNode? {
            var items: [YAMLNode] = []
            var indent: Int?
            var start: YAMLNode.Place?
            while position < bytes.count {
                if byte == newline {
                    nextLine()
                    continue
                }
                let spaces = countSpaces(from: position)
                let dash = position + spaces
                guard dash < bytes.count, bytes[dash] == UInt8(ascii: "-") else {
                    // The next key of the parent mapping ends the list; anything else is beyond us.
                    guard spaces == 0 else { return nil }
                    break
                }
                if let indent {
                    guard spaces == indent else { return nil }
                } else {
                    indent = spaces
                    start = place(dash)
                }
                guard dash + 1 < bytes.count, bytes[dash + 1] == space else { return nil }
                position = dash + 1
                skipSpaces()
                guard !atLineEnd, let item = sequenceItem() else { return nil }
                items.append(item)
            }
            guard let start, !items.isEmpty else { return nil }
            return .sequence(items, start)
        }

        /// The rest of a `- ` line: a one-line value, or a mapping whose first key is on this line
        /// and whose other keys stand below it, each at the first key's column.
        mutating func sequenceItem() -> YAMLNode? {
            let itemStart = position
            let column = position - lineStart
            if isKeyStart(byte), let key = blockKey(), atLineEnd || byte == space {
                var entries: [YAMLNode.Entry] = []
                var keys: Set<String> = [key.string]
                guard let value = blockValue(topLevel: false) else { return nil }
                entries.append(YAMLNode.Entry(key: .scalar(key), value: value))
                while position < bytes.count, byte != newline, countSpaces(from: position) == column {
                    position += column
                    guard let next = blockKey(), keys.insert(next.string).inserted,
                          let value = blockValue(topLevel: false) else { return nil }
                    entries.append(YAMLNode.Entry(key: .scalar(next), value: value))
                }
                return .mapping(entries, key.place)
            }
            position = itemStart
            return restOfLine()
        }

        // MARK: - One-line values

        /// A scalar or flow collection that ends on its line.
        mutating func inline(flow: Bool) -> YAMLNode? {
            guard position < bytes.count else { return nil }
            switch byte {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                guard depth < Self.deepestFlow else { return nil }
                depth += 1
                defer { depth -= 1 }
                return flowCollection(mapping: byte == UInt8(ascii: "{"))
            case UInt8(ascii: "\""), UInt8(ascii: "'"): return quoted().map(YAMLNode.scalar)
            default: return plain(flow: flow).map(YAMLNode.scalar)
            }
        }

        /// `{key: value, …}` or `[item, …]`, closed on the line it opens.
        mutating func flowCollection(mapping: Bool) -> YAMLNode? {
            let start = place(position)
            let close = mapping ? UInt8(ascii: "}") : UInt8(ascii: "]")
            var entries: [YAMLNode.Entry] = []
            var items: [YAMLNode] = []
            var keys = Set<String>()
            position += 1
            skipSpaces()
            var closed = position < bytes.count && byte == close
            while !closed {
                if mapping {
                    guard let key = flowKey(), keys.insert(key.string).inserted else { return nil }
                    guard position + 1 < bytes.count, byte == UInt8(ascii: ":"), bytes[position + 1] == space else { return nil }
                    position += 1
                    skipSpaces()
                    guard let value = inline(flow: true) else { return nil }
                    entries.append(YAMLNode.Entry(key: .scalar(key), value: value))
                } else {
                    guard let item = inline(flow: true) else { return nil }
                    items.append(item)
                }
                skipSpaces()
                guard position < bytes.count else { return nil }
                closed = byte == close
                guard closed || byte == UInt8(ascii: ","), closed || closesFlowAfterComma(close) == false else { return nil }
            }
            position += 1
            return mapping ? .mapping(entries, start) : .sequence(items, start)
        }

        /// Steps over a `,` and the spaces after it; true when the collection closes there (a
        /// trailing comma, which is left to Yams), nil at the line's end.
        mutating func closesFlowAfterComma(_ close: UInt8) -> Bool? {
            position += 1
            skipSpaces()
            guard position < bytes.count, byte != newline else { return nil }
            return byte == close
        }

        /// A flow mapping's key: text (a collection as a key is left to Yams).
        mutating func flowKey() -> YAMLNode.Scalar? {
            let start = position
            guard let key = inline(flow: true)?.scalar, position - start <= Self.longestKey else { return nil }
            return key
        }

        /// `"text"` without escapes, or `'text'` without doubled quotes, on one line.
        mutating func quoted() -> YAMLNode.Scalar? {
            let start = position
            let quote = byte
            position += 1
            let contentStart = position
            while position < bytes.count, byte != quote {
                guard byte != newline, !(quote == UInt8(ascii: "\"") && byte == UInt8(ascii: "\\")) else { return nil }
                position += 1
            }
            guard position < bytes.count else { return nil }
            let content = contentStart..<position
            position += 1
            if quote == UInt8(ascii: "'"), position < bytes.count, byte == quote { return nil }
            return YAMLNode.Scalar(string: String(decoding: bytes[content], as: UTF8.self), place: place(start))
        }

        /// Unquoted text up to the line's end (in a block) or up to `,` `]` `}` or a key's `: `
        /// (in a flow collection), without the spaces that end it.
        mutating func plain(flow: Bool) -> YAMLNode.Scalar? {
            let start = position
            guard isPlainStart(byte) else { return nil }
            var end = position
            while position < bytes.count {
                let current = byte
                if current == newline { break }
                let next = position + 1 < bytes.count ? bytes[position + 1] : newline
                if current == space {
                    if next == UInt8(ascii: "#") { return nil }
                    position += 1
                    continue
                }
                if current == UInt8(ascii: ":") {
                    if next == space || next == newline { break }
                    if flow { return nil }
                }
                if flow {
                    if current == UInt8(ascii: ",") || current == UInt8(ascii: "]") || current == UInt8(ascii: "}") { break }
                    if current == UInt8(ascii: "[") || current == UInt8(ascii: "{") { return nil }
                }
                position += 1
                end = position
            }
            position = end
            return YAMLNode.Scalar(string: String(decoding: bytes[start..<end], as: UTF8.self), place: place(start))
        }

        // MARK: - Bytes and places

        var byte: UInt8 { bytes[position] }
        let newline = UInt8(ascii: "\n")
        let space = UInt8(ascii: " ")

        var atLineEnd: Bool { position == bytes.count || byte == newline }

        /// Steps over the newline that ends the current line, if any.
        mutating func endLine() {
            if position < bytes.count { nextLine() }
        }

        mutating func nextLine() {
            position += 1
            line += 1
            lineStart = position
            lastPlace = (lineStart, 1)
        }

        mutating func skipSpaces() {
            while position < bytes.count, byte == space { position += 1 }
        }

        func countSpaces(from start: Int) -> Int {
            var index = start
            while index < bytes.count, bytes[index] == space { index += 1 }
            return index - start
        }

        func isKeyStart(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"): return true
            default: return false
            }
        }

        /// Not a YAML indicator (`-?:,[]{}#&*!|>'"%@` and backquote), a space or a line's end.
        func isPlainStart(_ byte: UInt8) -> Bool {
            !"-?:,[]{}#&*!|>'\"%@` \n".utf8.contains(byte)
        }

        /// Where `offset`, on the current line, is: columns count Unicode scalars.
        mutating func place(_ offset: Int) -> YAMLNode.Place {
            if offset < lastPlace.offset { lastPlace = (lineStart, 1) }
            var column = lastPlace.column
            for index in lastPlace.offset..<offset where bytes[index] & 0xC0 != 0x80 { column += 1 }
            lastPlace = (offset, column)
            return YAMLNode.Place(line: line, column: column)
        }

        /// No tab, carriage return or other control character, and none of the code points
        /// libyaml treats apart: NEL and the C1 controls, the line and paragraph separators, the
        /// byte-order mark, and the noncharacters U+FFFE and U+FFFF.
        func hasOnlyPlainCharacters() -> Bool {
            var index = 0
            while index < bytes.count {
                let current = bytes[index]
                if current < 0x20 && current != newline || current == 0x7F { return false }
                if current == 0xC2, index + 1 < bytes.count, bytes[index + 1] < 0xA0 { return false }
                if current == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 { return false }
                if current == 0xEF, index + 2 < bytes.count,
                   bytes[index + 1] == 0xBB && bytes[index + 2] == 0xBF || bytes[index + 1] == 0xBF && bytes[index + 2] >= 0xBE { return false }
                index += 1
            }
            return true
        }
    }
}
