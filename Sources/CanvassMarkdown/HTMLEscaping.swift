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
            for byte in bytes[first...] {
                switch byte {
                case UInt8(ascii: "&"): result.append(contentsOf: "&amp;".utf8)
                case UInt8(ascii: "<"): result.append(contentsOf: "&lt;".utf8)
                case UInt8(ascii: ">"): result.append(contentsOf: "&gt;".utf8)
                case UInt8(ascii: "\""): result.append(contentsOf: "&quot;".utf8)
                case UInt8(ascii: "'"): result.append(contentsOf: "&#39;".utf8)
                case 0: result.append(contentsOf: "\u{FFFD}".utf8)
                default: result.append(byte)
                }
            }
            return String(decoding: result, as: UTF8.self)
        }
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
