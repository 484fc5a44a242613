/// A DOPA area code, taken apart in one place: `""` the whole country, `84` a province,
/// `8417` a district, `841701` a subdistrict. A code's level is its length, its parent
/// is the code two digits shorter, and its folder (in `content/` and in the site) nests
/// the codes above it: `84/8417/841701/`.
public struct AreaCode: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The digits (empty for the whole country).
    public let value: String

    /// A code of 0, 2, 4 or 6 ASCII digits; nil for anything else.
    public init?(_ value: String) {
        guard Level(codeLength: value.utf8.count) != nil, value.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else {
            return nil
        }
        self.value = value
    }

    /// A code known to be well formed (from the gazetteer or a checked file).
    public init(unchecked value: String) { self.value = value }

    /// The whole country.
    public static let national = AreaCode(unchecked: "")

    public var description: String { value }

    /// The level, by the code's length.
    public var level: Level { Level(codeLength: Self.length(value)) ?? .subdistrict }

    /// The code one level up (`8417` → `84`, `84` → the nation); nil for the nation.
    public var parent: AreaCode? {
        value.isEmpty ? nil : AreaCode(unchecked: Self.prefix(value, max(0, Self.length(value) - 2)))
    }

    /// The code at `level` above (or at) this one: the province of `841701` is `84`;
    /// nil when `level` is below this code's.
    public func ancestor(at level: Level) -> AreaCode? {
        guard level <= self.level else { return nil }
        return AreaCode(unchecked: Self.prefix(value, level.codeLength))
    }

    /// This code and every code above it, nearest first: `841701`, `8417`, `84`, `""`.
    public var lineage: [AreaCode] {
        var codes = [self]
        while let parent = codes[codes.count - 1].parent { codes.append(parent) }
        return codes
    }

    /// Whether this code is `other` or lies below it.
    public func isWithin(_ other: AreaCode) -> Bool { value.hasPrefix(other.value) }

    /// The folder of the area's page in the site, ending in `/` (empty for the nation):
    /// `84/8417/841701/`.
    public var folder: String {
        switch level {
        case .national: return ""
        case .province: return value + "/"
        case .district: return "\(Self.prefix(value, 2))/\(value)/"
        case .subdistrict: return "\(Self.prefix(value, 2))/\(Self.prefix(value, 4))/\(value)/"
        }
    }

    /// Where the area's network file belongs inside `content/`: `_index.md`,
    /// `84/_index.md`, `84/8417/_index.md`, `84/8417/841701.md`.
    public var contentPath: String {
        switch level {
        case .subdistrict: return (parent?.folder ?? "") + value + ".md"
        default: return folder + "_index.md"
        }
    }

    /// A code's length and its first `count` places. A well-formed code is ASCII; one
    /// that is not (read from a file, which the area rule reports) is measured and cut
    /// in characters, so that it is never cut inside one.
    private static func length(_ value: String) -> Int {
        isASCII(value) ? value.utf8.count : value.count
    }

    private static func prefix(_ value: String, _ count: Int) -> String {
        isASCII(value) ? String(decoding: value.utf8.prefix(count), as: UTF8.self) : String(value.prefix(count))
    }

    /// Read through the bytes' storage: codes are taken apart for every page a build
    /// writes, and the byte-by-byte view of a short string costs tens of instructions a byte.
    private static func isASCII(_ value: String) -> Bool {
        value.utf8.withContiguousStorageIfAvailable { bytes in bytes.allSatisfy { $0 < 0x80 } }
            ?? value.utf8.allSatisfy { $0 < 0x80 }
    }

    public static func < (lhs: AreaCode, rhs: AreaCode) -> Bool { lhs.value < rhs.value }
}
