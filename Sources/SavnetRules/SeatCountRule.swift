import SavnetModel

/// The order template has one seat for each named position and two for vice-chair;
/// only ordinary members (กรรมการ) may be more than the template's six.
struct SeatCountRule: Rule {
    let id = "committee-seats"
    let clause: Localized? = Clause.networkRegulation(9)

    func check(_ directory: Directory, _ context: RuleContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for (_, network) in directory.networks {
            var holders: [Position: [Member]] = [:]
            for member in network.committee {
                guard let position = member.position, position != .chair, !position.isOpenEnded else { continue }
                holders[position, default: []].append(member)
            }
            for position in Position.allCases {
                guard let holders = holders[position], holders.count > position.seats else { continue }
                findings.append(finding(.warning, at: holders[position.seats].positionText.location, Localized(
                    th: "แบบคำสั่งมีตำแหน่ง\(position.thaiName) \(position.seats) ที่นั่ง แต่มี \(holders.count) คน",
                    en: "the order template has \(position.seats) seat(s) for \(position.label.en), but \(holders.count) people hold it"),
                    hint: Localized(th: "ตรวจตำแหน่งตามคำสั่งแต่งตั้ง หรือเปลี่ยนเป็น กรรมการ",
                                    en: "check the positions against the order, or make the extra people กรรมการ (member)")))
            }
        }
        return findings
    }
}
