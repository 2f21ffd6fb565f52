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
        var lines = content.split(separator: "\n", omittingEmptySubsequences: false).makeIterator()
        guard let first = lines.next(), trimmed(first) == "---" else {
            return .success(FrontMatter(yaml: nil, yamlFirstLine: 1, body: String(content), bodyFirstLine: 1))
        }
        var yamlLines: [Substring] = []
        var lineNumber = 1
        while let line = lines.next() {
            lineNumber += 1
            if trimmed(line) == "---" || trimmed(line) == "..." {
                let bodyStart = content.index(line.endIndex, offsetBy: line.endIndex < content.endIndex ? 1 : 0)
                return .success(FrontMatter(
                    yaml: yamlLines.joined(separator: "\n"), yamlFirstLine: 2,
                    body: String(content[bodyStart...]), bodyFirstLine: lineNumber + 1))
            }
            yamlLines.append(line)
        }
        return .failure(.unterminated)
    }

    private static func trimmed(_ line: Substring) -> Substring {
        var line = line
        while let last = line.last, last == " " || last == "\t" || last == "\r" { line = line.dropLast() }
        return line
    }
}
