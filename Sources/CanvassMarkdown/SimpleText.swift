/// Code points that form a character of their own whatever their neighbours: no marks, joiners,
/// prepended or control characters beyond tab and line breaks (CR LF is one character, but both
/// are white space and neither is part of a word or tag, so reading them apart changes nothing).
/// Text made only of these can be read code point by code point, on its bytes, with the answers
/// reading it by `Character` gives: most notes, English or Chinese, are such text.
public enum SimpleText {
    /// Whether the code point is white space; nil when it is not one of these code points. ASCII,
    /// Latin-1 but the soft hyphen, general punctuation, CJK symbols and punctuation but the
    /// combining tone marks, the Han ideographs and the full-width ASCII forms.
    static func whiteSpace(_ value: UInt32) -> Bool? {
        switch value {
        case 0x20, 0x09...0x0D, 0xA0, 0x3000: return true
        case 0x21...0x7E, 0xA1...0xAC, 0xAE...0xFF, 0x2010...0x2027, 0x2030...0x205E, 0x3001...0x3029, 0x3030...0x303F,
             0x3400...0x9FFF, 0xFF01...0xFF5E: return false
        default: return nil
        }
    }

    /// `whiteSpace` of the code point of valid UTF-8 starting at `index`, and its length in
    /// bytes; ASCII, most of any note, without decoding.
    @inline(__always)
    static func whiteSpace(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (isSpace: Bool?, width: Int) {
        let byte = bytes[index]
        if byte >= 0x21 && byte <= 0x7E { return (false, 1) }
        if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) { return (true, 1) }
        if byte < 0x80 { return (nil, 1) }
        let (value, width) = scalar(in: bytes, at: index)
        return (whiteSpace(value), width)
    }

    /// The code points of UTF-8 text with the offset of each, or nil when one is not simple.
    static func scalars(_ bytes: UnsafeBufferPointer<UInt8>) -> [(value: UInt32, offset: Int)]? {
        var result: [(value: UInt32, offset: Int)] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let (value, width) = scalar(in: bytes, at: index)
            guard whiteSpace(value) != nil else { return nil }
            result.append((value, index))
            index += width
        }
        return result
    }

    /// The code point of valid UTF-8 starting at `index`, and its length in bytes.
    public static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (value: UInt32, width: Int) {
        let lead = bytes[index]
        if lead < 0x80 { return (UInt32(lead), 1) }
        let width = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        var value = UInt32(lead) & (width == 2 ? 0x1F : width == 3 ? 0x0F : 0x07)
        for offset in 1..<width { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return (value, width)
    }
}
