/// A 64-bit FNV-1a digest of text, as 16 hex digits: stable across runs and platforms, for
/// recognising unchanged inputs (not for security).
public enum ContentDigest {
    public static func of(_ text: String) -> String {
        var copy = text
        return copy.withUTF8 { of($0) }
    }

    public static func of<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        let hex = String(fnv1a(bytes), radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// The 64-bit FNV-1a hash itself (also behind the public profile's pseudonyms).
    public static func fnv1a<Bytes: Sequence>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}
