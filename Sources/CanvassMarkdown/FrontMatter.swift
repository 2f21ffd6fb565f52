/// Splits `---` YAML front matter from a Markdown body, keeping line numbers straight.
public struct FrontMatter: Sendable, Equatable {
    /// The YAML between the fences, or nil when the file has none.
    public var yaml: String?
    /// File line of the first YAML line (2 when the file opens with `---`).
    public var yamlFirstLine: Int
    public var body: String
    /// File line on which `body` starts.
    public var bodyFirstLine: Int

    public enum Problem: Error, Equatable {
        /// `---` opens front matter that never closes.
        case unterminated
    }

    /// Splits `text`. A leading byte-order mark is ignored. Closing fences are `---` or `...`.
    public static func split(_ text: String) -> Result<FrontMatter, Problem> {
        var content = Substring(text)
        if content.first == "\u{FEFF}" { content = content.dropFirst() }
        // Lines are found on demand, byte by byte: the loader has made every line end in "\n",
        // and "\n" is always a Character of its own. Only the front matter's lines are looked at.
        let bytes = content.utf8
        var cursor: String.Index? = bytes.startIndex
        func nextLine() -> Substring? {
            guard let start = cursor else { return nil }
            guard let newline = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) else {
                cursor = nil
                return content[start..<bytes.endIndex]
            }
            cursor = bytes.index(after: newline)
            return content[start..<newline]
        }
        guard let first = nextLine(), trimmed(first) == "---" else {
            return .success(FrontMatter(yaml: nil, yamlFirstLine: 1, body: String(content), bodyFirstLine: 1))
        }
        let yamlStart = cursor ?? bytes.endIndex
        var lineNumber = 1
        while let line = nextLine() {
            lineNumber += 1
            if trimmed(line) == "---" || trimmed(line) == "..." {
                // The lines between the two markers, without the newline that ends the last.
                let yaml = line.startIndex > yamlStart ? String(content[yamlStart..<bytes.index(before: line.startIndex)]) : ""
                return .success(FrontMatter(
                    yaml: yaml, yamlFirstLine: 2, body: String(content[(cursor ?? bytes.endIndex)...]), bodyFirstLine: lineNumber + 1))
            }
        }
        return .failure(.unterminated)
    }

    private static func trimmed(_ line: Substring) -> Substring {
        var line = line
        while let last = line.last, last == " " || last == "\t" || last == "\r" { line = line.dropLast() }
        return line
    }
}
