import SavnetModel

/// The committee has exactly one chair and at least one vice-chair, secretary and
/// treasurer (network regulation ข้อ ๙).
struct KeyPositionsRule: Rule {
    let id = "committee-key-positions"
    let clause: Localized? = Clause.networkRegulation(9)

    func check(_ directory: Directory, _ context: RuleContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        directory.forEachNetwork { _, network in
            let at = network.committeeLocation ?? network.area.location
            guard !network.committee.isEmpty else {
                if network.level?.value != .national, network.area.value != "" {
                    findings.append(finding(.warning, at: at, Localized(
                        th: "ยังไม่มีรายชื่อคณะกรรมการเครือข่าย", en: "the network lists no committee yet"),
                        hint: Localized(th: "เพิ่ม committee: ตามคำสั่งแต่งตั้ง", en: "add `committee:` from the appointment order")))
                }
                return
            }
            // Positions are read where the members are, not copied out with them.
            let positions = network.committee.indices.map { network.committee[$0].position }
            let chairs = positions.indices.filter { positions[$0] == .chair }
            if chairs.count > 1 {
                findings.append(finding(.error, at: network.committee[chairs[1]].positionText.location, Localized(
                    th: "คณะกรรมการมีประธานเครือข่ายได้คนเดียว แต่มี \(chairs.count) คน",
                    en: "the committee has \(chairs.count) chairs; it must have exactly one"),
                    hint: Localized(th: "เปลี่ยนตำแหน่งของคนอื่นเป็นรองประธานหรือกรรมการ",
                                    en: "give the others another position, such as vice-chair (รองประธาน)")))
            }
            for position in Position.keyPositions where !positions.contains(position) {
                findings.append(finding(.error, at: at, Localized(
                    th: "คณะกรรมการไม่มี\(position.thaiName)",
                    en: "the committee has no \(position.label.en)"),
                    hint: Localized(th: "ตำแหน่งสำคัญคือ ประธาน รองประธาน เลขานุการ และเหรัญญิก เพิ่มสมาชิกตำแหน่ง \(position.thaiName)",
                                    en: "chair, vice-chair, secretary and treasurer are key positions: add a member as \(position.thaiName)")))
            }
        }
        return findings
    }
}
