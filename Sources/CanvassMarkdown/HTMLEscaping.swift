/// Escaping for text and attribute values: the one function every page's content passes through.
public enum HTMLEscaping {
    /// `&`, `<`, `>`, `"` and `'` become entities and NUL becomes U+FFFD. Every character that
    /// changes is ASCII, so the text is read byte by byte, and text without any comes back as it is.
    public static func escape(_ text: String) -> String {
        var copy = text
        return copy.withUTF8 { bytes -> String in
            guard let first = bytes.firstIndex(where: needsEscaping) else { return text }
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count + 16)
            result.append(contentsOf: bytes[..<first])
            escape(UnsafeBufferPointer(rebasing: bytes[first...]), into: &result)
            return String(decoding: result, as: UTF8.self)
        }
    }

    /// `escape(_:)` appended to `out`, for writers that build their HTML as bytes.
    public static func escape(_ text: some StringProtocol, into out: inout [UInt8]) {
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { escape($0, into: &out) }
        guard done == nil else { return }
        var copy = String(text)
        copy.withUTF8 { escape($0, into: &out) }
    }

    private static func escape(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        var from = 0
        for index in bytes.indices where needsEscaping(bytes[index]) {
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[from..<index]))
            switch bytes[index] {
            case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): out.append(contentsOf: "&#39;".utf8)
            default: out.append(contentsOf: "\u{FFFD}".utf8)
            }
            from = index + 1
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[from...]))
    }

    private static func needsEscaping(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "\"")
            || byte == UInt8(ascii: "'") || byte == 0
    }
}

/// Which link targets may reach a page.
public enum URLSafety {
    static let safeSchemes: Set<String> = ["http", "https", "mailto"]

    /// The URL's scheme, lower-cased, or nil for a relative URL.
    public static func scheme(of url: String) -> String? {
        let trimmed = url.drop { $0.isWhitespace || $0.asciiValue.map { $0 < 0x20 } == true }
        guard let colon = trimmed.firstIndex(of: ":") else { return nil }
        let candidate = trimmed[..<colon]
        // A `/`, `?` or `#` before the colon means the colon belongs to a path or query.
        guard !candidate.isEmpty, !candidate.contains(where: { "/?#".contains($0) }) else { return nil }
        return candidate.filter { !$0.isWhitespace && $0.asciiValue.map { $0 >= 0x20 } != false }.lowercased()
    }

    /// Relative URLs and http(s)/mailto are safe; `javascript:`, `data:`, `vbscript:` and the rest are not.
    public static func isSafe(_ url: String) -> Bool {
        guard let scheme = scheme(of: url) else { return true }
        return safeSchemes.contains(scheme)
    }
}
