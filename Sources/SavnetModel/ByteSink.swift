import Foundation

/// Bytes written in many small pieces: copied in with `memcpy`, the buffer grown by
/// doubling, one array made at the end. The line-break pass appends a thousand pieces a
/// page (runs, tags, the text between) and the YAML composer some 400 scalars a front
/// matter; `Array.append(contentsOf:)` cost more per piece than the copying.
public struct ByteSink: ~Copyable {
    @usableFromInline var start: UnsafeMutablePointer<UInt8>
    @usableFromInline var capacity: Int
    @usableFromInline var written = 0

    /// How many bytes are written.
    public var count: Int { written }

    public init(capacity: Int) {
        self.capacity = max(capacity, 64)
        start = .allocate(capacity: self.capacity)
    }

    deinit { start.deallocate() }

    /// Appends `length` bytes from `bytes`.
    @inlinable @inline(__always)
    public mutating func append(_ bytes: UnsafePointer<UInt8>, _ length: Int) {
        guard length > 0 else { return }
        if written + length > capacity { grow(to: written + length) }
        (start + written).initialize(from: bytes, count: length)
        written += length
    }

    /// Appends a slice of a buffer.
    @inlinable @inline(__always)
    public mutating func append(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) {
        guard !bytes.isEmpty else { return }
        append(bytes.base.baseAddress! + bytes.startIndex, bytes.count)
    }

    @usableFromInline
    mutating func grow(to needed: Int) {
        var size = capacity * 2
        while size < needed { size *= 2 }
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: size)
        bigger.initialize(from: start, count: written)
        start.deallocate()
        start = bigger
        capacity = size
    }

    /// Whether the `length` bytes written at `first` and at `second` are the same.
    public func equal(_ first: Int, _ second: Int, count length: Int) -> Bool {
        precondition(first >= 0 && second >= 0 && length >= 0 && first + length <= count && second + length <= count)
        return length == 0 || memcmp(start + first, start + second, length) == 0
    }

    /// A copy of the `length` bytes written at `offset`.
    public func copy(_ offset: Int, _ length: Int) -> [UInt8] {
        precondition(offset >= 0 && length >= 0 && offset + length <= count)
        return Array(UnsafeBufferPointer(start: start + offset, count: length))
    }

    /// The buffer with the bytes written, handed over without a copy: the caller owns it
    /// (and deallocates it); the sink starts again empty.
    public mutating func takeBytes() -> UnsafeMutableBufferPointer<UInt8> {
        let taken = UnsafeMutableBufferPointer(start: start, count: written)
        capacity = 64
        start = .allocate(capacity: capacity)
        written = 0
        return taken
    }

    /// The bytes written, as an array.
    public func bytes() -> [UInt8] {
        Array(UnsafeBufferPointer(start: start, count: count))
    }
}
