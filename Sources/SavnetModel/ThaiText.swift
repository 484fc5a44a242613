import Foundation

/// Thai text as bytes, for the few comparisons made for every committee member.
///
/// Swift compares and filters non-ASCII text by Characters (grapheme clusters), with
/// Unicode's canonical equivalence: correct, and slow. The prefixes savnet looks for
/// (`รองประธานคนที่`, `หมู่ที่`) have one spelling in UTF-8, so their bytes can be compared.
public enum ThaiText {
    /// The text's UTF-8 bytes without ASCII whitespace; nil when it holds a byte that may
    /// start another kind of space (NBSP, U+1680, U+2000–U+205F, U+3000), for callers to take
    /// the Character path then.
    static func squeezedBytes(_ text: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if byte == 0x20 || (0x09...0x0D).contains(byte) { continue }
            if mayStartWideSpace(byte) { return nil }
            bytes.append(byte)
        }
        return bytes
    }

    /// `text.hasPrefix(prefix)`, without Swift's Character-by-Character comparison for the
    /// texts whose bytes already differ. For a prefix of Thai letters each with at most
    /// one mark (`ชุมชน`, `เขต`, `เมือง`) the two answers are the same: Thai letters have no
    /// canonical decompositions, so a text can only spell such a prefix with its very bytes.
    /// When the bytes agree, `hasPrefix` decides (a mark right after them makes another
    /// Character).
    public static func hasPrefix(_ text: String, _ prefix: String) -> Bool {
        text.utf8.starts(with: prefix.utf8) && text.hasPrefix(prefix)
    }

    /// Whether two texts are the same bytes (Swift's `==` on Thai text checks canonical
    /// equivalence Character by Character, even for texts whose bytes agree).
    public static func sameBytes(_ text: String, _ other: String) -> Bool {
        guard text.utf8.count == other.utf8.count else { return false }
        // memcmp on the two buffers: `elementsEqual` on the UTF-8 views went byte by byte
        // through the generic iterator.
        var (text, other) = (text, other)
        return text.withUTF8 { first in
            other.withUTF8 { second in first.isEmpty || memcmp(first.baseAddress!, second.baseAddress!, first.count) == 0 }
        }
    }

    /// Whether `byte` leads a space outside ASCII: C2 (NBSP, NEL), E1 (U+1680), E2
    /// (U+2000–U+205F) or E3 (U+3000). Thai letters lead with E0.
    public static func mayStartWideSpace(_ byte: UInt8) -> Bool {
        byte == 0xC2 || byte == 0xE1 || byte == 0xE2 || byte == 0xE3
    }
}
