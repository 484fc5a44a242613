/// Text as a dictionary key by its UTF-8 bytes: one hash over the bytes at once, where an
/// `[UInt8]` key feeds the hasher byte by byte and a `String` key compares Thai text by
/// Unicode's rules. For tables of fixed spellings (position names, months, fund sources)
/// looked up for every member of a national directory.
struct ByteKey: Hashable {
    let bytes: [UInt8]

    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    func hash(into hasher: inout Hasher) {
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }
}
