/// Tests on sixteen bytes at once, for the passes that read every byte of a file or a
/// page looking for a few kinds of byte (control characters, digits). Most blocks hold
/// none of them and are passed in a few vector instructions instead of sixteen table
/// lookups; a block that holds one is read again byte by byte by the caller.
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

    /// Finds blocks that may hold a control or invisible character: a C0 control other
    /// than line feed and tab, DEL, or the lead byte C2, E2 or EF.
    public struct Controls {
        @usableFromInline let space, lineFeed, tab, delete, c2, e2, ef: SIMD16<UInt8>

        @inlinable
        public init() {
            space = SIMD16(repeating: 0x20)
            lineFeed = SIMD16(repeating: 0x0A)
            tab = SIMD16(repeating: 0x09)
            delete = SIMD16(repeating: 0x7F)
            c2 = SIMD16(repeating: 0xC2)
            e2 = SIMD16(repeating: 0xE2)
            ef = SIMD16(repeating: 0xEF)
        }

        @inlinable @inline(__always)
        public func mayStart(_ block: SIMD16<UInt8>) -> Bool {
            let control = (block .< space) .& (block .!= lineFeed) .& (block .!= tab)
            let other = (block .== delete) .| (block .== c2) .| (block .== e2) .| (block .== ef)
            return any(control .| other)
        }
    }

    /// Finds blocks where a number may start: an ASCII digit, `&` (a character
    /// reference may write one) or the last byte of a Thai digit (E0 B9 90–99, told by
    /// the byte before it); and blocks with a line feed.
    public struct Digits {
        @usableFromInline let zero, ninety, ten, ampersand, b9, lineFeed: SIMD16<UInt8>

        @inlinable
        public init() {
            zero = SIMD16(repeating: 0x30)
            ninety = SIMD16(repeating: 0x90)
            ten = SIMD16(repeating: 10)
            ampersand = SIMD16(repeating: 0x26)
            b9 = SIMD16(repeating: 0xB9)
            lineFeed = SIMD16(repeating: 0x0A)
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

    /// Finds blocks that hold any of up to five given bytes.
    public struct Bytes {
        @usableFromInline let a, b, c, d, e: SIMD16<UInt8>

        /// The bytes to find (repeat one to look for fewer).
        @inlinable
        public init(_ a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8, _ e: UInt8) {
            self.a = SIMD16(repeating: a)
            self.b = SIMD16(repeating: b)
            self.c = SIMD16(repeating: c)
            self.d = SIMD16(repeating: d)
            self.e = SIMD16(repeating: e)
        }

        @inlinable @inline(__always)
        public func any(_ block: SIMD16<UInt8>) -> Bool {
            Swift.any((block .== a) .| (block .== b) .| (block .== c) .| (block .== d) .| (block .== e))
        }
    }

    /// Finds blocks that hold a byte below a bound or any of three given bytes.
    public struct BelowOrBytes {
        @usableFromInline let bound, a, b, c: SIMD16<UInt8>

        @inlinable
        public init(below bound: UInt8, _ a: UInt8, _ b: UInt8, _ c: UInt8) {
            self.bound = SIMD16(repeating: bound)
            self.a = SIMD16(repeating: a)
            self.b = SIMD16(repeating: b)
            self.c = SIMD16(repeating: c)
        }

        @inlinable @inline(__always)
        public func any(_ block: SIMD16<UInt8>) -> Bool {
            Swift.any((block .< bound) .| (block .== a) .| (block .== b) .| (block .== c))
        }
    }
}
