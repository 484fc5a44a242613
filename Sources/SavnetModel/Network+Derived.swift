/// Facts derived from a network's own fields.
public extension Network {
    /// The level: as declared, or implied by the area code.
    var effectiveLevel: Level { level?.value ?? AreaCode(unchecked: area.value).level }

    /// The name as written, or the standard name built from the area:
    /// `เครือข่ายกลุ่มออมทรัพย์เพื่อการผลิตระดับอำเภอบ้านตาขุน`.
    func displayName(area: Area?) -> String {
        if let name = name?.value, !name.isEmpty { return name }
        let base = "เครือข่ายกลุ่มออมทรัพย์เพื่อการผลิต"
        guard let area, !area.code.isEmpty else { return base + "ระดับประเทศ" }
        // The natural name: เครือข่ายกลุ่มออมทรัพย์เพื่อการผลิตอำเภอบ้านตาขุน ("ระดับ" names a level, not an area).
        return base + area.qualifiedNameTH
    }

    /// The latest date of an event of the network's own (founding, order, term, nominees
    /// reported, regulation adopted, plan made): when its information last changed, for
    /// the feed and the sitemap. The finance figures' date is left out: every network
    /// reports as of the same day (the end of the fiscal year), which would date every
    /// entry alike. Nil when it has no dates.
    var lastChanged: CalendarDate? {
        let dates: [CalendarDate?] = [
            founded?.value, order?.date?.value, term?.start.value, nominees?.reported?.value,
            regulation?.adopted?.value, plan?.date?.value,
        ]
        return dates.compactMap { $0 }.max()
    }

    /// The committee sorted into the order template's order (file order within a position).
    var committeeInTemplateOrder: [Member] {
        committeeOrder.map { committee[$0] }
    }

    /// The indices into `committee` in the order `committeeInTemplateOrder` lists them:
    /// for pages that read members where they are, without copying each (a member is a
    /// large value).
    var committeeOrder: [Int] {
        let ranks = committee.map { $0.position ?? .member }
        return committee.indices.sorted { ranks[$0] == ranks[$1] ? $0 < $1 : ranks[$0] < ranks[$1] }
    }

    /// Where the committee's term stands on `today`.
    func termStatus(on today: CalendarDate, warningDays: Int = 90) -> TermStatus {
        TermStatus(end: term?.end, on: today, warningDays: warningDays)
    }
}

/// Where a committee's term stands.
public enum TermStatus: String, Sendable {
    case active
    case expiring
    case expired
    case unknown

    /// The status of a term that ends on `end` (nil: no term given), on `today`.
    public init(end: CalendarDate?, on today: CalendarDate, warningDays: Int = 90) {
        guard let end else { self = .unknown; return }
        let left = today.days(until: end)
        self = left < 0 ? .expired : left <= warningDays ? .expiring : .active
    }

    /// Thai label for pages.
    public var thaiLabel: String {
        switch self {
        case .active: return "อยู่ในวาระ"
        case .expiring: return "ใกล้ครบวาระ"
        case .expired: return "ครบวาระแล้ว"
        case .unknown: return "ไม่ระบุวาระ"
        }
    }
}
