/// Text as a dictionary key by its UTF-8 bytes: one hash over the bytes at once, where an
/// `[UInt8]` key feeds the hasher byte by byte and a `String` key compares Thai text by
/// Unicode's rules. For tables of fixed spellings (position names, months, fund sources)
/// looked up for every member of a national directory, and runs of Thai text.
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
