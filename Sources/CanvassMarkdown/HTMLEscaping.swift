/// Escaping for text and attribute values: the one function every page's content passes through.
public enum HTMLEscaping {
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\0": result += "\u{FFFD}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
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
