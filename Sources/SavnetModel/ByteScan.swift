/// Tests on sixteen bytes at once, for the passes that read every byte of a file or a
/// page looking for a few kinds of byte (control characters, digits, bytes to escape).
/// Most blocks hold none of them and are passed in a few vector instructions instead of
/// sixteen table lookups; a block that holds one is read again byte by byte.
///
/// A scan is made once per text, outside its loop: it holds its comparison vectors, as
/// building a vector from a scalar (or comparing with one) inside the loop is generic
/// code that costs hundreds of instructions a block.
public enum ByteScan {
    /// Sixteen bytes from `base + offset`, which must have that many.
    @inlinable @inline(__always)
    public static func block(_ base: UnsafePointer<UInt8>, _ offset: Int) -> SIMD16<UInt8> {
        UnsafeRawPointer(base + offset).loadUnaligned(as: SIMD16<UInt8>.self)
    }

    /// A set of bytes: those below a bound (but two exceptions) and up to five others
    /// (repeat one to name fewer), tested sixteen at a time (`any`) or one by one
    /// (`contains`) from the same description.
    public struct ByteSet {
        @usableFromInline let bound, exceptA, exceptB, a, b, c, d, e: SIMD16<UInt8>
        @usableFromInline let scalars: (bound: UInt8, exceptA: UInt8, exceptB: UInt8, a: UInt8, b: UInt8, c: UInt8, d: UInt8, e: UInt8)

        /// Control characters and the lead bytes of invisible ones: a C0 control other
        /// than line feed and tab, DEL, or the lead byte C2, E2 or EF.
        public static var controls: ByteSet { ByteSet(below: 0x20, except: (0x0A, 0x09), 0x7F, 0xC2, 0xE2, 0xEF, 0xEF) }

        @inlinable
        public init(below bound: UInt8, except: (UInt8, UInt8) = (0xFF, 0xFF),
                    _ a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8, _ e: UInt8) {
            scalars = (bound, except.0, except.1, a, b, c, d, e)
            (self.bound, exceptA, exceptB) = (SIMD16(repeating: bound), SIMD16(repeating: except.0), SIMD16(repeating: except.1))
            (self.a, self.b, self.c, self.d, self.e) = (SIMD16(repeating: a), SIMD16(repeating: b), SIMD16(repeating: c),
                                                        SIMD16(repeating: d), SIMD16(repeating: e))
        }

        /// Whether the block holds a byte of the set.
        @inlinable @inline(__always)
        public func any(_ block: SIMD16<UInt8>) -> Bool {
            let below = (block .< bound) .& (block .!= exceptA) .& (block .!= exceptB)
            return Swift.any(below .| (block .== a) .| (block .== b) .| (block .== c) .| (block .== d) .| (block .== e))
        }

        /// Whether `byte` is in the set.
        @inlinable @inline(__always)
        public func contains(_ byte: UInt8) -> Bool {
            let set = scalars
            return byte < set.bound && byte != set.exceptA && byte != set.exceptB
                || byte == set.a || byte == set.b || byte == set.c || byte == set.d || byte == set.e
        }

        /// Calls `found` with the offset of each byte of `bytes` that is in the set, in order.
        @inlinable @inline(__always)
        public func forEach(in bytes: UnsafeBufferPointer<UInt8>, _ found: (Int) -> Void) {
            guard let base = bytes.baseAddress else { return }
            let count = bytes.count
            var index = 0
            while index < count {
                while index + 16 <= count, !any(ByteScan.block(base, index)) { index += 16 }
                let stop = min(index + 16, count)
                while index < stop {
                    if contains(base[index]) { found(index) }
                    index += 1
                }
            }
        }
    }

    /// Finds blocks where a number may start: an ASCII digit, `&` (a character
    /// reference may write one) or the last byte of a Thai digit (E0 B9 90–99, told by
    /// the byte before it); and blocks with a line feed.
    public struct Digits {
        @usableFromInline let zero, ninety, ten, ampersand, b9, lineFeed: SIMD16<UInt8>

        @inlinable
        public init() {
            (zero, ninety, ten) = (SIMD16(repeating: 0x30), SIMD16(repeating: 0x90), SIMD16(repeating: 10))
            (ampersand, b9, lineFeed) = (SIMD16(repeating: 0x26), SIMD16(repeating: 0xB9), SIMD16(repeating: 0x0A))
        }

        /// `previous` is the block one byte earlier.
        @inlinable @inline(__always)
        public func mayStart(_ block: SIMD16<UInt8>, after previous: SIMD16<UInt8>) -> Bool {
            let digit = (block &- zero) .< ten
            let thai = ((block &- ninety) .< ten) .& (previous .== b9)
            return any(digit .| thai .| (block .== ampersand))
        }

        @inlinable @inline(__always)
        public func hasLineFeed(_ block: SIMD16<UInt8>) -> Bool { any(block .== lineFeed) }
    }
}
