import SavnetModel

/// A district committee has at least one representative of every subdistrict network in
/// the district, and every `represents` names a real subdistrict of that district
/// (district regulation ข้อ ๗ as the guideline states it).
struct DistrictRepresentationRule: Rule {
    let id = "district-representation"
    let clause: Localized? = Clause.networkRegulation(7, " (ระดับอำเภอ)")

    func check(_ directory: Directory, _ context: RuleContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        directory.forEachNetwork { _, network in
            guard AreaCode(unchecked: network.area.value).level == .district && !network.committee.isEmpty else { return }
            let code = network.area.value
            guard let district = directory.gazetteer.area(code) else { return }
            let subdistricts = Set(directory.gazetteer.children(of: code).map(\.code))
            var represented: Set<String> = []
            for member in network.committee {
                guard let represents = member.represents else { continue }
                guard subdistricts.contains(represents.value) else {
                    let name = directory.gazetteer.area(represents.value)?.qualifiedNameTH
                    findings.append(finding(.error, at: represents.location, Localized(
                        th: "`\(represents.value)`\(name.map { " (\($0))" } ?? "") ไม่ใช่ตำบลใน\(district.qualifiedNameTH)",
                        en: "`\(represents.value)` is not a subdistrict of \(district.nameEN) district"),
                        hint: Localized(th: "ใช้รหัสตำบล 6 หลักของอำเภอนี้ ดูได้ด้วยคำสั่ง savnet areas \(code)",
                                        en: "use a 6-digit subdistrict code of this district: see `savnet areas \(code)`")))
                    continue
                }
                represented.insert(represents.value)
            }
            for (subFile, _) in directory.childNetworks(of: code) {
                guard let sub = subFile.network, !represented.contains(sub.area.value),
                      let area = directory.gazetteer.area(sub.area.value) else { continue }
                findings.append(finding(.error, at: network.committeeLocation ?? network.area.location, Localized(
                    th: "เครือข่าย\(area.qualifiedNameTH) (\(area.code)) ต้องมีผู้แทนในคณะกรรมการอย่างน้อย ๑ คน",
                    en: "the committee has no representative of the \(area.nameEN) subdistrict network (\(area.code)); at least 1 per subdistrict network"),
                    hint: Localized(th: "ระบุ represents: \"\(area.code)\" ให้กรรมการที่เป็นผู้แทนตำบลนี้",
                                    en: "set `represents: \"\(area.code)\"` on the member who represents this subdistrict")))
            }
        }
        return findings
    }
}
