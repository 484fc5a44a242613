import SavnetModel

/// Each district network names two nominees for the province committee (its chair and one
/// member) and the date it reported them; the province committee is drawn from those
/// nominees, at most two per district; districts that miss the province's deadline are
/// flagged (provincial letter on activity 1.4.2).
struct ProvinceNomineesRule: Rule {
    let id = "province-nominees"
    let clause: Localized? = Clause.provincialLetter

    func check(_ directory: Directory, _ context: RuleContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        directory.forEachNetwork { _, network in
            switch network.area.value.count {
            case 4: findings += checkDistrict(network, directory, context)
            case 2: findings += checkProvince(network, directory)
            default: return
            }
        }
        return findings
    }
}

private extension ProvinceNomineesRule {
    func checkDistrict(_ network: Network, _ directory: Directory, _ context: RuleContext) -> [Diagnostic] {
        guard !network.committee.isEmpty else { return [] }
        let deadline = directory.deadline(.nominees, forArea: network.area.value)
        // Written out for a finding only.
        var deadlineText: String? { deadline.map { ThaiCalendar.longDate($0, thaiDigits: false) } }
        guard let nominees = network.nominees else {
            let late = deadline.map { context.today > $0 } ?? false
            return [finding(.status, at: network.committeeLocation ?? network.area.location, Localized(
                th: late ? "ยังไม่ได้แจ้งรายชื่อผู้แทนเข้าคณะกรรมการระดับจังหวัดภายใน \(deadlineText!)"
                    : "ยังไม่ได้ระบุผู้แทนอำเภอ ๒ คน (ประธานและกรรมการ ๑ คน) สำหรับคณะกรรมการระดับจังหวัด",
                en: late ? "the district has not reported its nominees for the province committee by the deadline (\(deadline!.messageText))"
                    : "the district has not named its two nominees (chair + 1 member) for the province committee"),
                hint: Localized(th: "เพิ่ม nominees: reported: วันที่แจ้ง และ names: ชื่อประธานและกรรมการอีก ๑ คน",
                                en: "add `nominees:` with `reported:` (the date sent) and `names:` (the chair and one member)"))]
        }
        var findings: [Diagnostic] = []
        if nominees.names.count != 2 {
            findings.append(finding(.error, at: nominees.location, Localized(
                th: "ต้องเสนอชื่อ ๒ คน (ประธานและกรรมการ ๑ คน) แต่มี \(nominees.names.count) คน",
                en: "a district names exactly 2 nominees (its chair and one member); found \(nominees.names.count)")))
        }
        // The members' name keys, by place (a committee has some twenty members: a scan
        // costs less than a table, and no member is copied).
        let committee = network.committee
        let keys = committee.indices.map { PersonName.key(committee[$0].name.value) }
        func member(named name: String) -> Int? {
            let key = PersonName.key(name)
            return keys.firstIndex(of: key)
        }
        for name in nominees.names where member(named: name.value) == nil {
            findings.append(finding(.error, at: name.location, Localized(
                th: "\(name.value) ไม่อยู่ในคณะกรรมการของเครือข่ายนี้",
                en: "\(name.value) is not on this network's committee"),
                hint: Localized(th: "ผู้ที่เสนอชื่อต้องเป็นกรรมการเครือข่ายระดับอำเภอ ตรวจการสะกดชื่อ",
                                en: "nominees must be members of the district committee: check the spelling")))
        }
        let namesChair = nominees.names.contains { name in member(named: name.value).map { committee[$0].position == .chair } ?? false }
        if !namesChair, committee.indices.contains(where: { committee[$0].position == .chair }) {
            findings.append(finding(.error, at: nominees.location, Localized(
                th: "รายชื่อผู้แทนอำเภอต้องมีประธานเครือข่ายระดับอำเภอรวมอยู่ด้วย",
                en: "the nominees must include the district network's chair")))
        }
        if let reported = nominees.reported {
            if let deadline, reported.value > deadline {
                findings.append(finding(.status, at: reported.location, Localized(
                    th: "แจ้งรายชื่อเมื่อวันที่ \(ThaiCalendar.longDate(reported.value, thaiDigits: false)) ซึ่งเกินกำหนด (วันที่ \(deadlineText!))",
                    en: "the nominees were reported on \(reported.value.messageText), after the deadline of \(deadline.messageText)")))
            }
        } else if !network.unreadableKeys.contains("nominees.reported") {
            findings.append(finding(.warning, at: nominees.location, Localized(
                th: "ไม่ได้ระบุวันที่แจ้งรายชื่อต่อจังหวัด", en: "the date the nominees were reported is missing"),
                hint: Localized(th: "เพิ่ม reported: วันที่ในหนังสือแจ้งจังหวัด", en: "add `reported:` with the date of the letter to the province")))
        }
        return findings
    }

    func checkProvince(_ network: Network, _ directory: Directory) -> [Diagnostic] {
        let code = network.area.value
        guard directory.gazetteer.area(code) != nil else { return [] }
        let districts = Set(directory.gazetteer.children(of: code).map(\.code))
        var findings: [Diagnostic] = []
        var perDistrict: [String: Int] = [:]
        for member in network.committee {
            guard let represents = member.represents else {
                findings.append(finding(.warning, at: member.name.location, Localized(
                    th: "ไม่ได้ระบุว่า \(member.name.value) เป็นผู้แทนของอำเภอใด",
                    en: "\(member.name.value) does not say which district they represent"),
                    hint: Localized(th: "เพิ่ม represents: รหัสอำเภอ 4 หลัก", en: "add `represents:` with the 4-digit district code")))
                continue
            }
            guard districts.contains(represents.value) else {
                findings.append(finding(.error, at: represents.location, Localized(
                    th: "`\(represents.value)` ไม่ใช่อำเภอในจังหวัดนี้", en: "`\(represents.value)` is not a district of this province"),
                    hint: Localized(th: "ดูรหัสอำเภอด้วย savnet areas \(code)", en: "list the district codes with `savnet areas \(code)`")))
                continue
            }
            perDistrict[represents.value, default: 0] += 1
            if perDistrict[represents.value]! == 3 {
                findings.append(finding(.error, at: represents.location, Localized(
                    th: "คณะกรรมการระดับจังหวัดมีผู้แทนอำเภอ \(represents.value) ได้ไม่เกิน ๒ คน",
                    en: "the province committee takes at most 2 people from district \(represents.value)")))
            }
            let nominees = directory.network(forArea: represents.value)?.nominees?.names.map { PersonName.key($0.value) } ?? []
            if !nominees.contains(PersonName.key(member.name.value)) {
                findings.append(finding(.error, at: member.name.location, Localized(
                    th: "\(member.name.value) ไม่อยู่ในรายชื่อที่อำเภอ \(represents.value) เสนอ",
                    en: "\(member.name.value) is not among the nominees of district \(represents.value)"),
                    hint: Localized(th: "คณะกรรมการระดับจังหวัดคัดเลือกจากผู้ที่อำเภอเสนอ ตรวจ nominees ในไฟล์ของอำเภอ",
                                    en: "the province committee is drawn from the districts' nominees: check `nominees` in the district's file")))
            }
        }
        return findings
    }
}
