import SavnetModel

/// A subdistrict committee has at least 15 members and at least one representative of
/// every village savings group it lists (subdistrict regulation ข้อ ๗; guideline item 1).
struct SubdistrictCommitteeRule: Rule {
    let id = "subdistrict-committee"
    let clause: Localized? = Clause.networkRegulation(7, " (ระดับตำบล)")
    static let minimumMembers = 15

    func check(_ directory: Directory, _ context: RuleContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        directory.forEachNetwork { _, network in
            guard AreaCode(unchecked: network.area.value).level == .subdistrict && !network.committee.isEmpty else { return }
            let at = network.committeeLocation ?? network.area.location
            if network.committee.count < Self.minimumMembers {
                findings.append(finding(.error, at: at, Localized(
                    th: "คณะกรรมการเครือข่ายระดับตำบลต้องมีไม่น้อยกว่า \(Self.minimumMembers) คน แต่มี \(network.committee.count) คน",
                    en: "a subdistrict committee needs at least \(Self.minimumMembers) members; this one has \(network.committee.count)"),
                    hint: Localized(th: "เพิ่มผู้แทนกลุ่มออมทรัพย์ของหมู่บ้านจนครบ \(Self.minimumMembers) คน",
                                    en: "add village group representatives until there are \(Self.minimumMembers)")))
            }
            var villages = NumberSet()
            for group in network.groups.indices { villages.insert(network.groups[group].village.value) }
            var represented = NumberSet()
            // By index: binding each member would copy it.
            let committee = network.committee
            for index in committee.indices {
                guard let represents = committee[index].represents else { continue }
                // A municipal community (ชุมชน…) stands where villages do in a town.
                if ThaiText.hasPrefix(represents.value, "ชุมชน") { continue }
                guard let village = VillageGroup.number(from: represents.value) else {
                    findings.append(finding(.error, at: represents.location, Localized(
                        th: "ในคณะกรรมการระดับตำบล represents คือหมู่ที่ของหมู่บ้านหรือชื่อชุมชน แต่พบ `\(represents.value)`",
                        en: "in a subdistrict committee `represents` is a village (หมู่ที่) or a municipal community (ชุมชน…); found `\(represents.value)`"),
                        hint: Localized(th: "ใส่เลขหมู่ที่ เช่น represents: 3 หรือ หมู่ที่ 3 หรือชื่อชุมชน เช่น ชุมชนตลาดเก่า",
                                        en: "write the village number (`3`, `หมู่ที่ 3`) or the community's name (`ชุมชนตลาดเก่า`)")))
                    continue
                }
                represented.insert(village)
                if !villages.isEmpty, !villages.contains(village) {
                    findings.append(finding(.error, at: represents.location, Localized(
                        th: "หมู่ที่ \(village) ไม่อยู่ในรายชื่อกลุ่มออมทรัพย์ (groups) ของเครือข่ายนี้",
                        en: "village \(village) is not among this network's savings groups (`groups`)"),
                        hint: Localized(th: "เพิ่มกลุ่มของหมู่ที่ \(village) ใน groups หรือแก้เลขหมู่ที่",
                                        en: "add village \(village)'s group to `groups`, or correct the number")))
                }
            }
            for group in network.groups where !represented.contains(group.village.value) {
                findings.append(finding(.error, at: group.village.location, Localized(
                    th: "กลุ่มออมทรัพย์หมู่ที่ \(group.village.value) ไม่มีผู้แทนในคณะกรรมการ (ต้องมีอย่างน้อยหมู่บ้านละ ๑ คน)",
                    en: "the savings group of village \(group.village.value) has no representative on the committee (at least 1 per village)"),
                    hint: Localized(th: "ระบุ represents: \(group.village.value) ให้กรรมการที่เป็นผู้แทนหมู่บ้านนี้",
                                    en: "set `represents: \(group.village.value)` on the member who represents this village")))
            }
        }
        return findings
    }
}
