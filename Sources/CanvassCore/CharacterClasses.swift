/// The character classes that tokenising text asks about for every character. Each gives the
/// same answer as the standard property it names, but answers ASCII characters without the
/// Unicode property tables, which were a tenth of a large build's time.
extension Character {
    /// `isLetter || isNumber`.
    public var isLetterOrNumber: Bool {
        if let ascii = asciiValue {
            return (ascii >= 0x61 && ascii <= 0x7A) || (ascii >= 0x41 && ascii <= 0x5A) || (ascii >= 0x30 && ascii <= 0x39)
        }
        return isLetter || isNumber
    }

    /// `isWhitespace`: spaces, tabs, line breaks and the Unicode spaces.
    public var isSpace: Bool {
        if let ascii = asciiValue { return ascii == 0x20 || (ascii >= 0x09 && ascii <= 0x0D) }
        return isWhitespace
    }

    /// A CJK ideograph (the Han script), where words are not separated by spaces.
    public var isHan: Bool {
        if asciiValue != nil { return false }
        return unicodeScalars.first.map { $0.properties.isIdeographic } ?? false
    }
}

extension Unicode.Scalar {
    /// Foundation's `CharacterSet.whitespaces`: the space separators (category Zs) and the tab.
    public var isSpaceOrTab: Bool {
        if isASCII { return value == 0x20 || value == 0x09 }
        return properties.generalCategory == .spaceSeparator
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs: `trimmingCharacters(in: .whitespaces)`
    /// without Foundation's detour through UTF-16, which was most of reading a large survey.
    public func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isSpaceOrTab }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.isSpaceOrTab })!
        if first == scalars.startIndex, scalars.index(after: last) == scalars.endIndex, let text = self as? String { return text }
        var trimmed = String.UnicodeScalarView()
        trimmed.append(contentsOf: scalars[first...last])
        return String(trimmed)
    }
}

extension String {
    /// `trimmingSpaces()`, answered from the first and last bytes when they are ASCII and not
    /// space or tab, as in almost every survey cell.
    public func trimmingSpaces() -> String {
        let isKept = { (byte: UInt8) in byte < 0x80 && byte != 0x20 && byte != 0x09 }
        if let first = utf8.first, let last = utf8.last, isKept(first), isKept(last) { return self }
        return self[...].trimmingSpaces()
    }
}
