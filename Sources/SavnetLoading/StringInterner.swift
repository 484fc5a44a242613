import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Strings made from bytes, shared when the same bytes come again: the values network
/// files repeat (position names, the regulation's clauses, group names, banks, plan
/// rows) become one `String` each instead of one per file. Making a `String` validates
/// its bytes, allocates and copies them; finding it again hashes and compares them, at
/// a fifth of the cost, and the copies no longer take memory.
///
/// One table per thread (files are parsed on every core), kept for the life of the
/// thread: a direct-mapped cache of 4,096 strings, where a newcomer takes the place of
/// whatever was there. What a lookup returns is always a string of exactly the bytes
/// asked for; only its storage may be shared.
final class StringInterner {
    private static let slotCount = 4096
    /// Values that fit in a `String` itself (15 bytes) need no storage to share, and long
    /// texts rarely repeat.
    private static let sizes = 16...512

    /// The slots, in memory of their own: an array in a class property is checked for
    /// exclusive access at each use (77 instructions a lookup).
    private let hashes: UnsafeMutablePointer<UInt64>
    private let strings: UnsafeMutablePointer<String?>

    private init() {
        hashes = .allocate(capacity: Self.slotCount)
        hashes.initialize(repeating: 0, count: Self.slotCount)
        strings = .allocate(capacity: Self.slotCount)
        strings.initialize(repeating: nil, count: Self.slotCount)
    }

    deinit {
        hashes.deallocate()
        strings.deinitialize(count: Self.slotCount)
        strings.deallocate()
    }

    /// The calling thread's table.
    static var current: StringInterner {
        if let pointer = pthread_getspecific(threadKey) {
            return Unmanaged<StringInterner>.fromOpaque(pointer).takeUnretainedValue()
        }
        let made = StringInterner()
        pthread_setspecific(threadKey, Unmanaged.passRetained(made).toOpaque())
        return made
    }

    /// The key of each thread's table, released when the thread ends.
    private static let threadKey: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { pointer in
            if let pointer { Unmanaged<StringInterner>.fromOpaque(pointer).release() }
        }
        return key
    }()

    /// The text of `bytes` (valid UTF-8, as every scalar libyaml hands over is).
    func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard Self.sizes.contains(bytes.count), let base = bytes.baseAddress else {
            return String(decoding: bytes, as: UTF8.self)
        }
        let hash = Self.hash(UnsafeRawPointer(base), bytes.count)
        let slot = Int(truncatingIfNeeded: hash) & (Self.slotCount - 1)
        // Compared in place: copying the string out first cost a retain and a release.
        if hashes[slot] == hash,
           strings[slot]?.utf8.withContiguousStorageIfAvailable({ $0.count == bytes.count && memcmp($0.baseAddress!, base, bytes.count) == 0 })
           == true {
            return strings[slot]!
        }
        let made = String(decoding: bytes, as: UTF8.self)
        hashes[slot] = hash
        strings[slot] = made
        return made
    }

    /// A hash of `count` bytes, eight at a time.
    private static func hash(_ bytes: UnsafeRawPointer, _ count: Int) -> UInt64 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(count)
        var offset = 0
        while offset + 8 <= count {
            hash = (hash ^ bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            hash ^= hash >> 32
            offset += 8
        }
        var tail: UInt64 = 0
        while offset < count {
            tail = tail << 8 | UInt64(bytes.load(fromByteOffset: offset, as: UInt8.self))
            offset += 1
        }
        hash = (hash ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        return hash ^ hash >> 29
    }
}
