/// A 64-bit fingerprint of bytes (the XXH64 algorithm, seed 0), stable across processes
/// and machines, so the build cache can tell whether a content file, a template or an
/// output file changed since the last build. Not a cryptographic hash: it guards against
/// accidents (an edit), not against an adversary.
public struct ContentDigest: Hashable, Sendable, CustomStringConvertible {
    /// The fingerprint.
    public let value: UInt64

    /// Wraps a stored fingerprint.
    public init(value: UInt64) {
        self.value = value
    }

    /// Fingerprints bytes.
    public init(_ bytes: [UInt8]) {
        value = bytes.withUnsafeBytes { Self.xxh64($0) }
    }

    /// Fingerprints part of a byte array.
    public init(_ bytes: [UInt8], range: Range<Int>) {
        value = bytes.withUnsafeBytes { Self.xxh64(UnsafeRawBufferPointer(rebasing: $0[range])) }
    }

    /// Fingerprints text by its UTF-8 bytes.
    public init(_ text: String) {
        var copy = text
        value = copy.withUTF8 { Self.xxh64(UnsafeRawBufferPointer($0)) }
    }

    /// Fingerprints several parts as one, each part delimited by its length, so that
    /// `["ab", "c"]` and `["a", "bc"]` differ.
    public init(combining parts: [String]) {
        var bytes: [UInt8] = []
        for part in parts {
            withUnsafeBytes(of: UInt64(part.utf8.count).littleEndian) { bytes.append(contentsOf: $0) }
            bytes.append(contentsOf: part.utf8)
        }
        self.init(bytes)
    }

    /// Sixteen hexadecimal digits.
    public var description: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    private static let prime1: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private static let prime3: UInt64 = 0x1656_67B1_9E37_79F9
    private static let prime4: UInt64 = 0x85EB_CA77_C2B2_AE63
    private static let prime5: UInt64 = 0x27D4_EB2F_1656_67C5

    @inline(__always)
    private static func round(_ accumulator: UInt64, _ input: UInt64) -> UInt64 {
        let mixed = accumulator &+ input &* prime2
        return ((mixed << 31) | (mixed >> 33)) &* prime1
    }

    @inline(__always)
    private static func merge(_ accumulator: UInt64, _ value: UInt64) -> UInt64 {
        (accumulator ^ round(0, value)) &* prime1 &+ prime4
    }

    @inline(__always)
    private static func rotate(_ value: UInt64, _ bits: UInt64) -> UInt64 {
        (value << bits) | (value >> (64 - bits))
    }

    /// XXH64 with seed 0, as specified at https://github.com/Cyan4973/xxHash (doc/xxhash_spec.md).
    static func xxh64(_ buffer: UnsafeRawBufferPointer) -> UInt64 {
        let count = buffer.count
        var offset = 0
        @inline(__always) func read64(_ at: Int) -> UInt64 { UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: at, as: UInt64.self)) }
        @inline(__always) func read32(_ at: Int) -> UInt64 {
            UInt64(UInt32(littleEndian: buffer.loadUnaligned(fromByteOffset: at, as: UInt32.self)))
        }
        var hash: UInt64
        if count >= 32 {
            var v1 = prime1 &+ prime2
            var v2 = prime2
            var v3: UInt64 = 0
            var v4 = 0 &- prime1
            while offset + 32 <= count {
                v1 = round(v1, read64(offset))
                v2 = round(v2, read64(offset + 8))
                v3 = round(v3, read64(offset + 16))
                v4 = round(v4, read64(offset + 24))
                offset += 32
            }
            hash = rotate(v1, 1) &+ rotate(v2, 7) &+ rotate(v3, 12) &+ rotate(v4, 18)
            hash = merge(hash, v1)
            hash = merge(hash, v2)
            hash = merge(hash, v3)
            hash = merge(hash, v4)
        } else {
            hash = prime5
        }
        hash = hash &+ UInt64(count)
        while offset + 8 <= count {
            hash ^= round(0, read64(offset))
            hash = rotate(hash, 27) &* prime1 &+ prime4
            offset += 8
        }
        if offset + 4 <= count {
            hash ^= read32(offset) &* prime1
            hash = rotate(hash, 23) &* prime2 &+ prime3
            offset += 4
        }
        while offset < count {
            hash ^= UInt64(buffer[offset]) &* prime5
            hash = rotate(hash, 11) &* prime1
            offset += 1
        }
        hash ^= hash >> 33
        hash = hash &* prime2
        hash ^= hash >> 29
        hash = hash &* prime3
        hash ^= hash >> 32
        return hash
    }
}
