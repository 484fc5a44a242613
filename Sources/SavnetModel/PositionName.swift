import Foundation

/// Reads a position as people write it: the canonical Thai name, the English id,
/// or a recognisable misspelling (the seed's own subdistrict template writes
/// "เกร็ดญุก" for เหรัญญิก).
public enum PositionName {
    /// The outcome of reading a position name.
    public enum Match: Equatable, Sendable {
        /// The canonical Thai name or the English id.
        case exact(Position)
        /// A known variant or a near miss of a canonical name: usable, but worth a warning.
        case misspelled(Position)
        /// A shortened or garbled name that more than one position fits: not read as any.
        case ambiguous([Position])
        /// Not a position savnet knows.
        case unknown
    }

    /// Spellings seen in real documents, mapped to the position they mean.
    static let knownVariants: [String: Position] = [
        "เกร็ดญุก": .treasurer,
        "เหรัญญิค": .treasurer,
        "เหรันญิก": .treasurer,
        "เหรัญญิกเครือข่าย": .treasurer,
        "ประธาน": .chair,
        "ประธานกรรมการ": .chair,
        "ประธานคณะกรรมการ": .chair,
        "รองประธานเครือข่าย": .viceChair,
        "รองประธานกรรมการ": .viceChair,
        "เลขา": .secretary,
        "เลขานุการเครือข่าย": .secretary,
        "ผู้ช่วยเลขา": .assistantSecretary,
        "กรรมการส่งเสริมและสนับสนุนกิจกรรม กลุ่มออมทรัพย์เพื่อการผลิต": .groupActivities,
    ]

    /// Canonical names and ids by their UTF-8 bytes: one hash instead of 28 Unicode comparisons
    /// for each of a national directory's 160,000 members.
    static let exactNames = ByteTable(Position.allCases.flatMap { [($0.thaiName, $0), ($0.rawValue, $0)] })

    /// Reads `text` as a position.
    public static func match(_ text: String) -> Match {
        if let position = exactNames[text] { return .exact(position) }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if let position = exactNames[trimmed] { return .exact(position) }
        let squeezed = trimmed.filter { !$0.isWhitespace }
        // "รองประธานคนที่ ๑" (or 1, ๒, 2): a vice-chair, numbered as the order lists them.
        if ordinal(squeezed) != nil { return .exact(.viceChair) }
        if let position = knownVariants[trimmed] ?? knownVariants[squeezed] { return .misspelled(position) }
        if let position = Position.allCases.first(where: { $0.thaiName == squeezed }) { return .misspelled(position) }
        let fits = candidates(squeezed)
        switch fits.count {
        case 0: return .unknown
        case 1: return .misspelled(fits[0])
        default: return .ambiguous(fits)
        }
    }

    /// The number of a numbered vice-chair (`รองประธานคนที่ ๒` → 2), if `text` is one.
    public static func ordinal(_ text: String) -> Int? {
        // Compared as bytes (Thai's slow path in `hasPrefix` and `filter` costs more than the
        // rest of a member's row), unless the text holds a space other than ASCII's.
        guard let squeezed = ThaiText.squeezedBytes(text) else { return slowOrdinal(text) }
        for prefix in ordinalPrefixBytes where squeezed.starts(with: prefix) {
            let rest = squeezed[prefix.count...]
            // One digit from 1 to 9: Arabic, or Thai (๑–๙, E0 B9 91–99).
            if rest.count == 1, let digit = rest.first, (0x31...0x39).contains(digit) { return Int(digit - 0x30) }
            if rest.count == 3, rest.starts(with: [0xE0, 0xB9]), let last = rest.last, (0x91...0x99).contains(last) {
                return Int(last - 0x90)
            }
        }
        return nil
    }

    private static let ordinalPrefixes = ["รองประธานคนที่", "รองประธานลำดับที่", "รองประธาน"]
    private static let ordinalPrefixBytes = ordinalPrefixes.map { Array($0.utf8) }

    /// `ordinal` on Characters, for text with other spaces than ASCII's.
    static func slowOrdinal(_ text: String) -> Int? {
        let squeezed = text.filter { !$0.isWhitespace }
        for prefix in ordinalPrefixes where squeezed.hasPrefix(prefix) {
            let rest = ThaiNumerals.toArabic(String(squeezed.dropFirst(prefix.count)))
            if let number = Int(rest), (1...9).contains(number), rest.count == 1 { return number }
        }
        return nil
    }
}

private extension PositionName {
    /// Every position `text` could stand for: a canonical name within a small edit
    /// distance (about a quarter of its length), or one that `text` shortens (a prefix of
    /// at least two thirds of it). Only a single fit is read as that position.
    static func candidates(_ text: String) -> [Position] {
        let input = Array(text.unicodeScalars)
        guard input.count >= 3 else { return [] }
        var fits: [Position] = []
        for position in Position.allCases {
            let name = Array(position.thaiName.unicodeScalars)
            if input.count >= name.count * 2 / 3, input.count < name.count, name.starts(with: input) {
                fits.append(position)
                continue
            }
            let limit = max(1, name.count / 4)
            guard abs(name.count - input.count) <= limit else { continue }
            if EditDistance.between(input, name) <= limit { fits.append(position) }
        }
        return fits
    }
}
