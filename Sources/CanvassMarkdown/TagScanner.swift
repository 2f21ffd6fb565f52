import CanvassCore
import Foundation

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
        let utf8 = text.utf8
        return utf8.withContiguousStorageIfAvailable { bytes in
            // Only a `#` can start a tag: most text has none.
            guard let base = bytes.baseAddress, memchr(base, Int32(UInt8(ascii: "#")), bytes.count) != nil else { return [] }
            // In ASCII text every byte is a character (CR LF aside, which allows a tag as CR does);
            // in other simple text every code point is.
            guard bytes.allSatisfy({ $0 < 0x80 }) else {
                return SimpleText.scalars(bytes).map { scalarMatches(in: text, scalars: $0) } ?? characterMatches(in: text)
            }
            return asciiMatches(in: text, bytes: bytes)
        } ?? characterMatches(in: text)
    }

    /// `characterMatches` for ASCII text, byte by byte.
    private static func asciiMatches(in text: String, bytes: UnsafeBufferPointer<UInt8>) -> [Match] {
        func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }
        func isLetterOrNumber(_ byte: UInt8) -> Bool { isLetter(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) }
        func isTagByte(_ byte: UInt8) -> Bool {
            isLetterOrNumber(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "/")
        }
        var result: [Match] = []
        var index = 0
        while index < bytes.count {
            defer { index += 1 }
            guard bytes[index] == UInt8(ascii: "#") else { continue }
            if index > 0 {
                let previous = bytes[index - 1]
                guard !isLetterOrNumber(previous), !"&#/\\:_".utf8.contains(previous) else { continue }
            }
            var end = index + 1
            while end < bytes.count, isTagByte(bytes[end]) { end += 1 }
            while end > index + 1, bytes[end - 1] == UInt8(ascii: "/") || bytes[end - 1] == UInt8(ascii: "-") { end -= 1 }
            let name = UnsafeBufferPointer(rebasing: bytes[(index + 1)..<end])
            guard name.contains(where: isLetter) else { continue }
            let utf8 = text.utf8
            let range = utf8.index(utf8.startIndex, offsetBy: index)..<utf8.index(utf8.startIndex, offsetBy: end)
            result.append(Match(name: String(decoding: name.map { isLetter($0) ? $0 | 0x20 : $0 }, as: UTF8.self), range: range))
            index = end - 1
        }
        return result
    }

    /// `characterMatches` for text of `SimpleText` code points, each a character of its own: a
    /// `Character` is made only for the code points a tag's rules ask about.
    private static func scalarMatches(in text: String, scalars: [(value: UInt32, offset: Int)]) -> [Match] {
        func character(_ index: Int) -> Character { Character(Unicode.Scalar(scalars[index].value)!) }
        let utf8 = text.utf8
        var result: [Match] = []
        var index = 0
        while index < scalars.count {
            defer { index += 1 }
            guard scalars[index].value == 0x23, allowsTag(after: index == 0 ? nil : character(index - 1)) else { continue }
            var end = index + 1
            while end < scalars.count, isTagCharacter(character(end)) { end += 1 }
            while end > index + 1, scalars[end - 1].value == 0x2F || scalars[end - 1].value == 0x2D { end -= 1 }
            guard ((index + 1)..<end).contains(where: { character($0).isLetter }) else { continue }
            let endOffset = end < scalars.count ? scalars[end].offset : utf8.count
            let range = utf8.index(utf8.startIndex, offsetBy: scalars[index].offset)..<utf8.index(utf8.startIndex, offsetBy: endOffset)
            result.append(Match(name: text[range].dropFirst().lowercased(), range: range))
            index = end - 1
        }
        return result
    }

    /// The tags of any text, character by character.
    static func characterMatches(in text: String) -> [Match] {
        var result: [Match] = []
        let utf8 = text.utf8
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
