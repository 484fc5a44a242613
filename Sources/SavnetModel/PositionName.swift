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
        "ปฏิคม": .publicRelations,
        "กรรมการส่งเสริมและสนับสนุนกิจกรรม กลุ่มออมทรัพย์เพื่อการผลิต": .groupActivities,
    ]

    /// Canonical names and ids by their UTF-8 bytes: one hash instead of 28 Unicode comparisons
    /// for each of a national directory's 160,000 members.
    static let exactNames: [[UInt8]: Position] = {
        var names: [[UInt8]: Position] = [:]
        for position in Position.allCases {
            names[Array(position.thaiName.utf8)] = position
            names[Array(position.rawValue.utf8)] = position
        }
        return names
    }()

    /// Reads `text` as a position.
    public static func match(_ text: String) -> Match {
        if let position = exactNames[Array(text.utf8)] { return .exact(position) }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if let position = exactNames[Array(trimmed.utf8)] { return .exact(position) }
        let squeezed = trimmed.filter { !$0.isWhitespace }
        if let position = knownVariants[trimmed] ?? knownVariants[squeezed] { return .misspelled(position) }
        if let position = Position.allCases.first(where: { $0.thaiName == squeezed }) { return .misspelled(position) }
        return nearest(squeezed).map(Match.misspelled) ?? .unknown
    }
}

private extension PositionName {
    /// The canonical name within a small edit distance of `text` (about a quarter of its length).
    static func nearest(_ text: String) -> Position? {
        let input = Array(text.unicodeScalars)
        guard input.count >= 3 else { return nil }
        var best: (Position, Int)?
        for position in Position.allCases {
            let name = Array(position.thaiName.unicodeScalars)
            let limit = max(1, name.count / 4)
            guard abs(name.count - input.count) <= limit else { continue }
            let distance = EditDistance.between(input, name)
            if distance <= limit, distance < (best?.1 ?? Int.max) { best = (position, distance) }
        }
        return best?.0
    }
}
