import Foundation

/// Thailand's provinces, districts and subdistricts with their DOPA codes.
///
/// The bundled data comes from GeoThai (CC BY 4.0) and is compiled into the binary
/// (see `scripts/gen-gazetteer.py`); nothing is read from disk at run time.
public struct Gazetteer: Sendable {
    private let areas: [String: Area]
    private let childCodes: [String: [String]]

    /// Builds a gazetteer from areas; children are kept sorted by code.
    public init(areas list: [Area]) {
        var areas: [String: Area] = [:]
        var children: [String: [String]] = [:]
        for area in list {
            areas[area.code] = area
            if let parent = area.parentCode { children[parent, default: []].append(area.code) }
        }
        self.areas = areas
        self.childCodes = children.mapValues { $0.sorted() }
    }

    /// The gazetteer compiled into savnet: 77 provinces, 928 districts, 7,436 subdistricts.
    public static let bundled = Gazetteer(areas: rows(bundledRows))

    /// The areas of tab-separated rows (code, Thai name, English name), one a line; other
    /// lines are skipped. Split as bytes: splitting 340 KB of Thai text by Characters took a
    /// tenth of a second at every start.
    static func rows(_ text: String) -> [Area] {
        var list: [Area] = []
        list.reserveCapacity(8_500)
        var text = text
        text.withUTF8 { bytes in
            var fields: [String] = []
            var start = 0
            func field(_ end: Int) {
                fields.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
                start = end + 1
            }
            for index in 0...bytes.count {
                let byte = index < bytes.count ? bytes[index] : 0x0A
                if byte == 0x09 {
                    field(index)
                } else if byte == 0x0A {
                    field(index)
                    if fields.count == 3 { list.append(Area(code: fields[0], nameTH: fields[1], nameEN: fields[2])) }
                    fields.removeAll(keepingCapacity: true)
                }
            }
        }
        return list
    }

    /// This gazetteer with `extra` areas added (an extra area replaces one with the same code).
    public func adding(_ extra: [Area]) -> Gazetteer {
        guard !extra.isEmpty else { return self }
        var merged = areas
        for area in extra { merged[area.code] = area }
        return Gazetteer(areas: Array(merged.values))
    }

    /// A digest of every area's code and names, so a cache built with other areas (an
    /// edited extra-areas file) is recognised as stale.
    public var fingerprint: ContentDigest {
        ContentDigest(combining: areas.keys.sorted().flatMap { code in [code, areas[code]!.nameTH, areas[code]!.nameEN] })
    }

    /// The Thai names of every area, without their level prefixes, sorted.
    public var allNamesTH: [String] { Set(namesTH).sorted() }

    /// The Thai name of every area, in no order and with repeats (sorting 8,000 Thai
    /// names costs more than a word list built from them needs).
    public var namesTH: [String] { areas.values.map(\.nameTH) }

    /// The area with this code; `""` is the whole country.
    public func area(_ code: String) -> Area? {
        code.isEmpty ? Area.national : areas[code]
    }

    /// The areas one level below `code`, sorted by code.
    public func children(of code: String) -> [Area] {
        (childCodes[code] ?? []).compactMap { areas[$0] }
    }

    /// The codes of the areas one level below `code`, sorted (no area values built).
    public func childCodes(of code: String) -> [String] {
        childCodes[code] ?? []
    }

    /// The provinces, or the districts, or the subdistricts.
    public func areas(at level: Level) -> [Area] {
        guard level != .national else { return [Area.national] }
        return areas.values.filter { $0.level == level }.sorted { $0.code < $1.code }
    }

    /// The area and its ancestors, country first: `[ประเทศไทย, สุราษฎร์ธานี, พุนพิน]`.
    public func path(to code: String) -> [Area] {
        var chain: [Area] = []
        var current: String? = code
        while let next = current, let area = area(next) {
            chain.insert(area, at: 0)
            current = area.parentCode
        }
        return chain
    }

    /// Areas whose Thai or English name contains `query`, best match first: an exact
    /// name, then a name that starts with it, then one that contains it; at each of these,
    /// provinces before districts before subdistricts, then by code. Case, spaces, hyphens
    /// and a level prefix (จังหวัด, อำเภอ, ตำบล, จ., อ., ต., Changwat, Amphoe, Tambon…)
    /// do not matter: "Phun Phin", "อ.พุนพิน" and "phunphin" find พุนพิน.
    public func search(_ query: String) -> [Area] {
        let needle = Self.searchKey(query, dropPrefix: true)
        guard !needle.isEmpty else { return [] }
        var ranked: [(rank: Int, area: Area)] = []
        for area in areas.values {
            var best = Int.max
            for name in [area.nameTH, area.nameEN] {
                let key = Self.searchKey(name, dropPrefix: false)
                if key == needle { best = min(best, 0) }
                else if key.hasPrefix(needle) { best = min(best, 1) }
                else if key.contains(needle) { best = min(best, 2) }
            }
            if best != Int.max { ranked.append((best, area)) }
        }
        func depth(_ level: Level) -> Int {
            switch level {
            case .national: return 0
            case .province: return 1
            case .district: return 2
            case .subdistrict: return 3
            }
        }
        return ranked.sorted { lhs, rhs in
            if lhs.rank != rhs.rank { return lhs.rank < rhs.rank }
            if lhs.area.level != rhs.area.level { return depth(lhs.area.level) < depth(rhs.area.level) }
            return lhs.area.code < rhs.area.code
        }.map(\.area)
    }

    /// Level words people put before a name, longest first.
    private static let levelPrefixes = [
        "กรุงเทพมหานคร", "จังหวัด", "อำเภอ", "ตำบล", "แขวง", "จ.", "อ.", "ต.",
        "changwat", "province", "amphoe", "district", "tambon", "subdistrict", "khet", "khwaeng",
    ]

    /// A name or query as compared: lower case, without spaces, hyphens or dots between
    /// words, and (for queries) without a leading level word.
    public static func searchKey(_ text: String, dropPrefix: Bool) -> String {
        var key = text.lowercased().trimmingCharacters(in: .whitespaces)
        if dropPrefix {
            for prefix in levelPrefixes where key.hasPrefix(prefix) && key.count > prefix.count {
                if prefix == "กรุงเทพมหานคร" { break }
                key = String(key.dropFirst(prefix.count))
                break
            }
            for suffix in [" province", " district", " subdistrict"] where key.hasSuffix(suffix) {
                key = String(key.dropLast(suffix.count))
            }
        }
        return String(key.unicodeScalars.filter { !" -'’.\u{200B}".unicodeScalars.contains($0) }.map(Character.init))
    }
}
