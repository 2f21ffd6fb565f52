import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Values as compact bytes, for the caches in `.canvass-cache/`: `canvass build` keeps what it
/// parsed and analysed, so the next build reads back what is unchanged instead of working it out.
///
/// The bytes are only ever read by the canvass binary that wrote them (each cache's header names
/// it), but a cache file can still be cut short or damaged: reading checks every length and value
/// and gives up with `ArchiveError`, never traps.
public struct ArchiveWriter {
    public private(set) var bytes: [UInt8]

    /// A writer whose bytes start with `prefix` (e.g. a header to fill in later).
    public init(reserving prefix: [UInt8] = []) {
        bytes = prefix
    }

    /// The bytes written, handed over without a copy.
    public mutating func take() -> [UInt8] {
        defer { bytes = [] }
        return bytes
    }

    public mutating func int(_ value: Int) {
        // Zig-zag, then seven bits a byte.
        var rest = UInt64(bitPattern: Int64(value) << 1 ^ Int64(value) >> 63)
        while rest >= 0x80 {
            bytes.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    public mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    public mutating func string(_ value: String) {
        var copy = value
        copy.withUTF8 { utf8 in
            int(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    public mutating func optional<T>(_ value: T?, _ write: (inout ArchiveWriter, T) -> Void) {
        bool(value != nil)
        if let value { write(&self, value) }
    }

    public mutating func array<T>(_ values: [T], _ write: (inout ArchiveWriter, T) -> Void) {
        int(values.count)
        for value in values { write(&self, value) }
    }

    public mutating func strings(_ values: [String]) { array(values) { $0.string($1) } }

    /// `values` in chunks of `size`, each chunk's bytes led by their length, so that a reader
    /// can decode the chunks on every core (`ArchiveReader.chunks`).
    public mutating func chunks<T>(_ values: [T], size: Int, _ write: (inout ArchiveWriter, T) -> Void) {
        let starts = Array(stride(from: 0, to: values.count, by: max(size, 1)))
        int(starts.count)
        for start in starts {
            var chunk = ArchiveWriter()
            chunk.array(Array(values[start..<min(start + size, values.count)]), write)
            let encoded = chunk.take()
            int(encoded.count)
            bytes.append(contentsOf: encoded)
        }
    }

    /// A double exactly, by its bits.
    public mutating func double(_ value: Double) { int(Int(Int64(bitPattern: value.bitPattern))) }
}

public struct ArchiveError: Error {
    public init() {}
}

public struct ArchiveReader {
    private let bytes: [UInt8]
    private var offset: Int

    /// Reads `bytes` from position `start` on.
    public init(_ bytes: [UInt8], from start: Int = 0) {
        self.bytes = bytes
        offset = start
    }

    public var atEnd: Bool { offset == bytes.count }

    public mutating func int() throws -> Int {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < bytes.count, shift < 64 else { throw ArchiveError() }
            let byte = bytes[offset]
            offset += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { break }
            shift += 7
        }
        return Int(Int64(bitPattern: result >> 1) ^ -Int64(bitPattern: result & 1))
    }

    /// A count of things still to read: never negative, never more than the bytes left.
    public mutating func count() throws -> Int {
        let count = try int()
        guard count >= 0, count <= bytes.count - offset else { throw ArchiveError() }
        return count
    }

    public mutating func bool() throws -> Bool {
        guard offset < bytes.count, bytes[offset] <= 1 else { throw ArchiveError() }
        defer { offset += 1 }
        return bytes[offset] == 1
    }

    public mutating func string() throws -> String {
        let count = try count()
        defer { offset += count }
        guard let text = String(validating: bytes[offset..<(offset + count)], as: UTF8.self) else { throw ArchiveError() }
        return text
    }

    public mutating func optional<T>(_ read: (inout ArchiveReader) throws -> T) throws -> T? {
        try bool() ? try read(&self) : nil
    }

    public mutating func array<T>(_ read: (inout ArchiveReader) throws -> T) throws -> [T] {
        let count = try count()
        var values: [T] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try read(&self)) }
        return values
    }

    public mutating func strings() throws -> [String] { try array { try $0.string() } }

    /// What `ArchiveWriter.chunks` wrote, in order, the chunks decoded on every core. A chunk
    /// that does not decode to its exact end makes the whole read fail.
    public mutating func chunks<T: Sendable>(_ read: @escaping @Sendable (inout ArchiveReader) throws -> T) throws -> [T] {
        let count = try count()
        var ranges: [Range<Int>] = []
        for _ in 0..<count {
            let length = try self.count()
            ranges.append(offset..<(offset + length))
            offset += length
        }
        let bytes = self.bytes
        let decoded = ParallelMap.map(ranges) { range -> [T]? in
            var reader = ArchiveReader(Array(bytes[range]))
            guard let values = try? reader.array(read), reader.atEnd else { return nil }
            return values
        }
        var values: [T] = []
        for chunk in decoded {
            guard let chunk else { throw ArchiveError() }
            values += chunk
        }
        return values
    }

    public mutating func double() throws -> Double { Double(bitPattern: UInt64(bitPattern: Int64(try int()))) }
}


/// A cache file: a header line naming the format and the canvass binary, the digest of the
/// payload (eight bytes, most significant first), then the payload. A file whose header or
/// digest does not match is not read.
public enum CacheFile {
    /// A writer for a payload, with room for the header and digest `write` fills in.
    public static func writer(header: String) -> ArchiveWriter {
        ArchiveWriter(reserving: Array(header.utf8) + Array(repeating: 0, count: 8))
    }

    /// Fills in the digest and writes the file atomically (a temporary file renamed into place).
    public static func write(_ writer: inout ArchiveWriter, header: String, to path: String) throws {
        var bytes = writer.take()
        let start = header.utf8.count
        let digest = bytes[(start + 8)...].withUnsafeBytes(ContentDigest.checksum)
        for i in 0..<8 { bytes[start + i] = UInt8(truncatingIfNeeded: digest >> (8 * UInt64(7 - i))) }
        let temporary = path + ".tmp-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw ArchiveError() }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + written, bytes.count - written) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else {
                close(descriptor)
                unlink(temporary)
                throw ArchiveError()
            }
            written += count
        }
        close(descriptor)
        guard rename(temporary, path) == 0 else {
            unlink(temporary)
            throw ArchiveError()
        }
    }

    /// A reader at the start of the payload of the file at `path`, when its header is `header`
    /// and its payload matches its digest; nil otherwise (no file, another binary, damage).
    public static func reader(path: String, header: String) -> ArchiveReader? {
        let expected = Array(header.utf8)
        let start = expected.count + 8
        guard let bytes = contents(of: path), bytes.count >= start, bytes.starts(with: expected) else { return nil }
        let digest = bytes[expected.count..<start].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        guard bytes[start...].withUnsafeBytes(ContentDigest.checksum) == digest else { return nil }
        return ArchiveReader(bytes, from: start)
    }

    /// The bytes of the file at `path`, read straight into one array (a cache of a large study is
    /// tens of megabytes, and each copy of it counts against the build's memory).
    private static func contents(of path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        let size = Int(info.st_size)
        var complete = true
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            while count < size {
                let got = read(descriptor, buffer.baseAddress! + count, size - count)
                if got < 0 && errno == EINTR { continue }
                guard got > 0 else {
                    complete = false
                    break
                }
                count += got
            }
        }
        return complete ? bytes : nil
    }
}
