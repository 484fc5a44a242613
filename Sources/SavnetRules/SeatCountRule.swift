import SavnetModel

/// The order template has one seat for each named position and two for vice-chair;
/// only ordinary members (กรรมการ) may be more than the template's six.
struct SeatCountRule: Rule {
    let id = "committee-seats"
    let clause: Localized? = Clause.orderTemplate
    /// The positions of the order template, vice-chairs and members counted.
    static let templateSize = 20
    static let positions = Position.allCases
    static let place = Dictionary(uniqueKeysWithValues: positions.enumerated().map { ($1, $0) })

    func check(_ directory: Directory, _ context: RuleContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        directory.forEachNetwork { _, network in
            if AreaCode(unchecked: network.area.value).level == .district, !network.committee.isEmpty, network.committee.count != Self.templateSize {
                findings.append(finding(.warning, at: network.committeeLocation ?? network.area.location, Localized(
                    th: "แบบคำสั่งกำหนดคณะกรรมการเครือข่ายระดับอำเภอไว้ \(Self.templateSize) ตำแหน่ง แต่มี \(network.committee.count) คน",
                    en: "the order template has \(Self.templateSize) positions for a district committee; this one has \(network.committee.count) members"),
                    hint: Localized(th: "ตรวจรายชื่อกับคำสั่งแต่งตั้ง", en: "check the list against the appointment order")))
            }
            // Holders are counted by the position's place among all positions (no table per
            // network), and the first one past the seats found only for a finding: members
            // are large values, not copied.
            let committee = network.committee
            var counts = [Int](repeating: 0, count: Self.positions.count)
            for index in committee.indices {
                guard let position = committee[index].position, position != .chair, !position.isOpenEnded else { continue }
                counts[Self.place[position]!] += 1
            }
            for (place, position) in Self.positions.enumerated() {
                let count = counts[place]
                guard count > position.seats else { continue }
                let extra = committee.indices.filter { committee[$0].position == position }[position.seats]
                findings.append(finding(.warning, at: committee[extra].positionText.location, Localized(
                    th: "แบบคำสั่งกำหนดตำแหน่ง\(position.thaiName)ไว้ \(position.seats) คน แต่มี \(count) คน",
                    en: "the order template has \(position.seats) seat(s) for \(position.label.en), but \(count) people hold it"),
                    hint: Localized(th: "ตรวจตำแหน่งตามคำสั่งแต่งตั้ง หรือเปลี่ยนเป็น กรรมการ",
                                    en: "check the positions against the order, or make the extra people กรรมการ (member)")))
            }
        }
        return findings
    }
}
