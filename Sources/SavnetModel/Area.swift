/// The administrative level of an area and of the network that serves it.
public enum Level: String, CaseIterable, Comparable, Sendable {
    case national
    case province
    case district
    case subdistrict

    /// The level of a DOPA code by its length: "" national, 2 province, 4 district, 6 subdistrict.
    public init?(codeLength: Int) {
        switch codeLength {
        case 0: self = .national
        case 2: self = .province
        case 4: self = .district
        case 6: self = .subdistrict
        default: return nil
        }
    }

    /// The length of a DOPA code at this level.
    public var codeLength: Int {
        switch self {
        case .national: return 0
        case .province: return 2
        case .district: return 4
        case .subdistrict: return 6
        }
    }

    /// The Thai word for the level as it appears in network names (`ระดับอำเภอ`).
    public var thaiName: String {
        switch self {
        case .national: return "ประเทศ"
        case .province: return "จังหวัด"
        case .district: return "อำเภอ"
        case .subdistrict: return "ตำบล"
        }
    }

    /// The level one step down, if any.
    public var child: Level? {
        switch self {
        case .national: return .province
        case .province: return .district
        case .district: return .subdistrict
        case .subdistrict: return nil
        }
    }

    public static func < (lhs: Level, rhs: Level) -> Bool {
        lhs.codeLength < rhs.codeLength
    }
}

/// One area of the gazetteer: a province, district or subdistrict with its DOPA code.
public struct Area: Hashable, Sendable {
    /// DOPA code: `84`, `8417`, `841701`; empty for the whole country.
    public var code: String
    /// Thai name as the gazetteer writes it (`พุนพิน`; Bangkok's districts start with `เขต`).
    public var nameTH: String
    /// English name.
    public var nameEN: String

    /// Creates an area.
    public init(code: String, nameTH: String, nameEN: String) {
        self.code = code
        self.nameTH = nameTH
        self.nameEN = nameEN
    }

    /// The whole country, the root of the hierarchy.
    public static let national = Area(code: "", nameTH: "ประเทศไทย", nameEN: "Thailand")

    /// The level implied by the code's length.
    public var level: Level { AreaCode(unchecked: code).level }

    /// The code of the area one level up (`8417` → `84`, `84` → ``).
    public var parentCode: String? { AreaCode(unchecked: code).parent?.value }

    /// Whether the area belongs to Bangkok, which is outside the network programme.
    public var isBangkok: Bool { code.hasPrefix("10") }

    /// The name with its Thai level prefix: `จังหวัดสุราษฎร์ธานี`, `อำเภอพุนพิน`, `ตำบลท่าข้าม`.
    public var qualifiedNameTH: String {
        switch level {
        case .national: return nameTH
        case .province: return "จังหวัด" + nameTH
        case .district: return ThaiText.hasPrefix(nameTH, "เขต") ? nameTH : "อำเภอ" + nameTH
        case .subdistrict: return (isBangkok ? "แขวง" : "ตำบล") + nameTH
        }
    }
}
