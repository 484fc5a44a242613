import SavnetModel

/// The department's officers advise each network (ข้อ ๙): a committee with no advisor
/// listed is probably a file that forgot them.
struct AdvisorRule: Rule {
    let id = "committee-advisor"
    let clause: Localized? = Clause.networkRegulation(9)

    func check(_ directory: Directory, _ context: RuleContext) -> [Diagnostic] {
        directory.compactMapNetworks { file, network in
            guard !network.committee.isEmpty, network.advisors.isEmpty, !network.area.value.isEmpty else { return nil }
            return finding(.warning, at: network.committeeLocation ?? file.location(line: 1), Localized(
                th: "ไม่ได้ระบุที่ปรึกษาของเครือข่าย (เจ้าหน้าที่พัฒนาชุมชน)",
                en: "no advisor is listed (the community development officer who advises the network)"),
                hint: Localized(th: "เพิ่ม advisors: ชื่อและตำแหน่งของเจ้าหน้าที่พัฒนาชุมชนที่เป็นที่ปรึกษา",
                                en: "add `advisors:` with the name and role of the advising CDD officer"))
        }
    }
}
