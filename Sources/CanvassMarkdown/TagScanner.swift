import CanvassCore

/// Finds `#tags` in running text (SPEC §3.1).
///
/// A tag is `#` followed by letters (any script), digits, `-`, `_` or `/`. So that "ticket #42",
/// "C#" and URL fragments stay text, the `#` must not follow a letter, digit or `&#/\:`, and
/// the name must hold at least one letter. Trailing `/` and `-` are not part of the tag
/// ("#setup-" at the end of a phrase). Tags compare lower-cased.
public enum TagScanner {
    public struct Match: Sendable, Hashable {
        /// The tag, lower-cased, without `#`.
        public var name: String
        /// The `#…` text as written.
        public var range: Range<String.Index>
    }

    public static func matches(in text: String) -> [Match] {
        var result: [Match] = []
        let utf8 = text.utf8
        // Only a `#` can start a tag: jump from one to the next rather than walk every character.
        // A `#` byte is a character of its own unless a mark or the like joins it to a neighbour:
        // such a `#` starts no character (`String.Index(_:within:)` is nil) or is not "#" alone.
        var from = utf8.startIndex
        while let hash = utf8[from...].firstIndex(of: UInt8(ascii: "#")) {
            from = utf8.index(after: hash)
            guard let index = String.Index(hash, within: text), text[index] == "#" else { continue }
            let previous = index == text.startIndex ? nil : text[text.index(before: index)]
            guard allowsTag(after: previous) else { continue }
            var end = text.index(after: index)
            while end < text.endIndex, isTagCharacter(text[end]) {
                end = text.index(after: end)
            }
            // Trim trailing separators that end a phrase rather than a tag.
            while end > text.index(after: index), ["/", "-"].contains(text[text.index(before: end)]) {
                end = text.index(before: end)
            }
            let name = text[text.index(after: index)..<end]
            if name.contains(where: \.isLetter) {
                result.append(Match(name: name.lowercased(), range: index..<end))
                from = end
            }
        }
        return result
    }

    public static func tags(in text: String) -> [String] {
        matches(in: text).map(\.name)
    }

    static func isTagCharacter(_ character: Character) -> Bool {
        character.isLetterOrNumber || character == "-" || character == "_" || character == "/"
    }

    static func allowsTag(after previous: Character?) -> Bool {
        guard let previous else { return true }
        if previous.isLetterOrNumber { return false }
        return !["&", "#", "/", "\\", ":", "_"].contains(previous)
    }
}
