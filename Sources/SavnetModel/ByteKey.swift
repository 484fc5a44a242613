import Foundation

/// Text as a dictionary key by its UTF-8 bytes: one hash over the bytes at once, where an
/// `[UInt8]` key feeds the hasher byte by byte and a `String` key compares Thai text by
/// Unicode's rules. For runs of Thai text grouped by spelling (fixed tables of spellings
/// are `ByteTable`s).
public struct ByteKey: Hashable, Sendable {
    public let bytes: [UInt8]

    public init(_ text: String) {
        bytes = Array(text.utf8)
    }

    public init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    public func hash(into hasher: inout Hasher) {
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }
}

/// A fixed table of spellings (position names, months, fund sources), looked up by a
/// text's UTF-8 bytes without building a key or hashing: the entries are kept by byte
/// length, and the few of the text's length are compared byte for byte. A lookup per
/// member of a national directory made a `ByteKey` (an array) and hashed it.
public struct ByteTable<Value: Sendable>: Sendable {
    private var byLength: [[(bytes: [UInt8], value: Value)]] = []

    /// The table of `entries`; a later entry with the same bytes replaces an earlier one,
    /// as assigning into a dictionary does.
    public init(_ entries: [(String, Value)]) {
        for (text, value) in entries {
            let bytes = Array(text.utf8)
            while byLength.count <= bytes.count { byLength.append([]) }
            if let index = byLength[bytes.count].firstIndex(where: { $0.bytes == bytes }) {
                byLength[bytes.count][index].value = value
            } else {
                byLength[bytes.count].append((bytes, value))
            }
        }
    }

    /// The value of the entry spelt exactly as `text`, if there is one.
    public subscript(_ text: String) -> Value? {
        var text = text
        return text.withUTF8 { wanted in
            guard wanted.count < byLength.count else { return nil }
            for entry in byLength[wanted.count] {
                let same = wanted.isEmpty || entry.bytes.withUnsafeBufferPointer {
                    memcmp($0.baseAddress!, wanted.baseAddress!, wanted.count) == 0
                }
                if same { return entry.value }
            }
            return nil
        }
    }
}
