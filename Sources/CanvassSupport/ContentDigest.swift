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

    /// The 64-bit FNV-1a hash itself (also behind the public profile's pseudonyms and the search
    /// index's term table). Inlinable, so that a caller's byte loop is specialised for its bytes.
    @inlinable
    public static func fnv1a<Bytes: Sequence>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
        bytes.reduce(fnv1aOffset, fnv1aStep)
    }

    /// FNV-1a a byte at a time, for a caller that hashes bytes as it makes them: start with
    /// `fnv1aOffset` and step for each byte; `fnv1a(bytes)` does the same.
    @inlinable
    public static var fnv1aOffset: UInt64 { 0xcbf2_9ce4_8422_2325 }

    @inlinable
    public static func fnv1aStep(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
        (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }

    /// A 64-bit checksum of bytes read eight at a time, several times faster than `fnv1a`: for the
    /// build caches, which compare it only with what the same canvass binary recorded (it is not
    /// part of any output). Each step is a bijection of the state, so inputs of one length that
    /// differ in a single word never collide.
    public static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var state: UInt64 = 0x9e37_79b9_7f4a_7c15 ^ UInt64(bytes.count)
        func mix(_ word: UInt64) {
            state = (state ^ word) &* 0xbf58_476d_1ce4_e5b9
            state ^= state >> 31
        }
        words(of: bytes, mix)
        state ^= state >> 33
        state &*= 0xff51_afd7_ed55_8ccd
        state ^= state >> 33
        return state
    }

    /// The bytes as little-endian 64-bit words, the last one padded with zeros (and present, zero,
    /// when the count is a multiple of eight): how the caches' digests read their input.
    public static func words(of bytes: UnsafeRawBufferPointer, _ body: (UInt64) -> Void) {
        var offset = 0
        while offset + 8 <= bytes.count {
            body(UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
            offset += 8
        }
        var tail: UInt64 = 0
        for index in offset..<bytes.count { tail |= UInt64(bytes[index]) << (8 * UInt64(index - offset)) }
        body(tail)
    }

    /// `checksum` as 16 hex digits.
    public static func checksumHex(_ bytes: UnsafeRawBufferPointer) -> String {
        let hex = String(checksum(bytes), radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    public static func checksumHex(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBytes { checksumHex($0) }
    }
}
