/// The committee positions of the appointment-order template, in order.
///
/// The order template lists 20 seats: one chair, two vice-chairs, eleven named
/// posts and six ordinary members (กรรมการ).
public enum Position: String, CaseIterable, Comparable, Sendable {
    case chair
    case viceChair = "vice-chair"
    case secretary
    case assistantSecretary = "assistant-secretary"
    case treasurer
    case assistantTreasurer = "assistant-treasurer"
    case publicRelations = "public-relations"
    case assistantPublicRelations = "assistant-public-relations"
    case assistantRegistrar = "assistant-registrar"
    case groupActivities = "group-activities"
    case livelihoods
    case capacityBuilding = "capacity-building"
    case fundingSources = "funding-sources"
    case member

    /// The canonical Thai name, as the appointment order prints it.
    public var thaiName: String {
        switch self {
        case .chair: return "ประธานเครือข่าย"
        case .viceChair: return "รองประธาน"
        case .secretary: return "เลขานุการ"
        case .assistantSecretary: return "ผู้ช่วยเลขานุการ"
        case .treasurer: return "เหรัญญิก"
        case .assistantTreasurer: return "ผู้ช่วยเหรัญญิก"
        case .publicRelations: return "ประชาสัมพันธ์"
        case .assistantPublicRelations: return "ผู้ช่วยประชาสัมพันธ์"
        case .assistantRegistrar: return "ผู้ช่วยนายทะเบียน"
        case .groupActivities: return "กรรมการส่งเสริมและสนับสนุนกิจกรรมกลุ่มออมทรัพย์เพื่อการผลิต"
        case .livelihoods: return "กรรมการส่งเสริมและพัฒนาอาชีพ"
        case .capacityBuilding: return "กรรมการส่งเสริมและพัฒนาศักยภาพบุคลากร"
        case .fundingSources: return "กรรมการส่งเสริมและสนับสนุนแหล่งทุน"
        case .member: return "กรรมการ"
        }
    }

    /// The English name.
    public var englishName: String {
        switch self {
        case .chair: return "chair"
        case .viceChair: return "vice-chair"
        case .secretary: return "secretary"
        case .assistantSecretary: return "assistant secretary"
        case .treasurer: return "treasurer"
        case .assistantTreasurer: return "assistant treasurer"
        case .publicRelations: return "public relations"
        case .assistantPublicRelations: return "assistant public relations"
        case .assistantRegistrar: return "assistant registrar"
        case .groupActivities: return "member for group activities"
        case .livelihoods: return "member for livelihoods"
        case .capacityBuilding: return "member for capacity building"
        case .fundingSources: return "member for funding sources"
        case .member: return "member"
        }
    }

    /// Both names, for messages: `เหรัญญิก (treasurer)`.
    public var label: Localized {
        Localized(th: thaiName, en: "\(englishName) (\(thaiName))")
    }

    /// How many seats of this position the order template has.
    public var seats: Int {
        switch self {
        case .viceChair: return 2
        case .member: return 6
        default: return 1
        }
    }

    /// Whether the committee may have more people in this position than the template's seats
    /// (a subdistrict with many villages needs more ordinary members).
    public var isOpenEnded: Bool { self == .member }

    /// The key positions the regulation names (ข้อ ๙): chair, vice-chair, secretary, treasurer.
    public static let keyPositions: [Position] = [.chair, .viceChair, .secretary, .treasurer]

    /// The positions that may open the bank account and sign withdrawals (the first ข้อ ๑๓).
    public static let signatories: [Position] = [.chair, .viceChair, .treasurer]

    public static func < (lhs: Position, rhs: Position) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
