import SavnetModel

/// Home, province, district and subdistrict pages.
extension SiteContext {
    func home() -> View {
        let national = directory.network(forArea: "")
        var context = common(.home, title: settings.title, crumbs: [], current: "ทั้งประเทศ")
        // The layout adds the site's title after a page's own; home has none of its own.
        context["title"] = false
        context["heading"] = national?.displayName(area: Area.national) ?? settings.title
        context["network"] = TemplateData.value(networkView(Area.national))
        context["rollUp"] = TemplateData.value(rollUpView("", own: national))
        let rows = provinces.map { province -> View in
            let districts = gazetteer.childCodes(of: province.code)
            let subdistricts = districts.flatMap { gazetteer.childCodes(of: $0) }
            let rollUp = self.rollUp(province.code)
            let covered = districts.filter(directory.hasNetwork).count
            return [
                "code": province.code,
                "name": province.nameTH, "url": SitePaths.link(from: "", to: province.code),
                "hasNetwork": directory.hasNetwork(province.code),
                "hasContent": directory.hasContent(under: province.code),
                "share": districts.isEmpty ? 0.0 : Double(covered) / Double(districts.count),
                "districts": "\(covered) / \(districts.count)",
                "subdistricts": "\(subdistricts.filter(directory.hasNetwork).count) / \(subdistricts.count)",
                "expired": rollUp.expired, "expiring": rollUp.expiring,
            ]
        }
        // Provinces grouped by region: the first digit of the DOPA code.
        let regions = Dictionary(grouping: rows) { ($0["code"] as! String).prefix(1) }
            .sorted { $0.key < $1.key }
            .map { digit, rows -> View in
                ["name": Self.regionNames[String(digit)] ?? "ภาค \(digit)", "rows": rows, "id": "region-\(digit)"]
            }
        let withData = rows.filter { $0["hasContent"] as! Bool }
        context["provinces"] = ["rows": rows, "count": rows.count, "regions": regions,
                                "withData": TemplateData.value(withData.isEmpty ? nil : ["rows": withData] as View)] as View
        context["tileMap"] = TileMap(regions: regions).svg
        return context
    }

    /// Regions as the DOPA province codes group them (the code's first digit).
    static let regionNames = [
        "1": "ภาคกลาง", "2": "ภาคตะวันออก", "3": "ภาคตะวันออกเฉียงเหนือตอนล่าง", "4": "ภาคตะวันออกเฉียงเหนือตอนบน",
        "5": "ภาคเหนือตอนบน", "6": "ภาคเหนือตอนล่าง", "7": "ภาคตะวันตก", "8": "ภาคใต้ตอนบน", "9": "ภาคใต้ตอนล่าง",
    ]

    func province(_ area: Area) -> View {
        let page = Page.area(area)
        let network = directory.network(forArea: area.code)
        var context = areaCommon(page, area, network)
        let districts = gazetteer.children(of: area.code)
        let rows = districts.map { district -> View in
            let child = directory.network(forArea: district.code)
            let subs = gazetteer.children(of: district.code)
            let row: View = [
                "name": district.nameTH,
                "url": hasPage(district.code) ? SitePaths.link(from: page.folder, to: district.code) : false,
                "network": child == nil ? "–" : "มี", "order": child?.order == nil ? "–" : "มี",
                "regulation": child?.regulation == nil ? "–" : "มี", "plan": child?.plan == nil ? "–" : "มี",
                "covered": "\(subs.filter { directory.hasNetwork($0.code) }.count) / \(subs.count)",
            ]
            return row.merging(termBadge(child)) { $1 }
        }
        context["children"] = ["rows": rows, "count": rows.count] as View
        context["nominees"] = TemplateData.value(nomineesView(area, districts: districts, folder: page.folder))
        context["deliverables"] = TemplateData.value(deliverablesView(area, districts: districts, folder: page.folder))
        return context
    }

    func district(_ area: Area) -> View {
        let page = Page.area(area)
        let network = directory.network(forArea: area.code)
        var context = areaCommon(page, area, network)
        let rows = gazetteer.children(of: area.code).map { sub -> View in
            let child = directory.network(forArea: sub.code)
            let representatives = network?.committee.filter { $0.represents?.value == sub.code }.map(\.fullName) ?? []
            let row: View = [
                "name": sub.nameTH,
                "url": hasPage(sub.code) ? SitePaths.link(from: page.folder, to: sub.code) : false,
                "network": child == nil ? "ยังไม่มี" : "มี",
                "representatives": representatives.isEmpty ? "–" : representatives.joined(separator: ", "),
                "groups": child.map { String($0.groups.count) } ?? "–",
            ]
            return row.merging(termBadge(child)) { $1 }
        }
        context["children"] = ["rows": rows, "count": rows.count] as View
        context["deliverables"] = network == nil ? false : ownDeliverables(area.code, kinds: Deliverable.allCases.filter { $0.sender == .district })
        return context
    }

    func subdistrict(_ area: Area) -> View {
        let network = directory.network(forArea: area.code)
        var context = areaCommon(.area(area), area, network)
        context["hasGroups"] = !(network?.groups ?? []).isEmpty
        context["groups"] = (network?.groups ?? []).map { group -> View in
            ["village": group.village.value, "name": group.name?.value ?? "–",
             "members": group.members.map { Format.count($0.value) } ?? "–",
             "savings": group.savings.map { Format.amount($0.value) } ?? "–"]
        }
        return context
    }
}

private extension SiteContext {
    /// The term badge of a child row: `status` and `statusLabel`, none without a network.
    func termBadge(_ network: Network?) -> View {
        guard let status = network?.termStatus(on: today) else { return [:] }
        return ["status": status.rawValue, "statusLabel": status.thaiLabel]
    }

    /// Title, breadcrumbs, network, roll-up and body of an area page.
    func areaCommon(_ page: Page, _ area: Area, _ network: Network?) -> View {
        let heading = network?.displayName(area: area) ?? area.qualifiedNameTH
        let ancestors = Array(gazetteer.path(to: area.code).dropLast())
        var context = common(page, title: heading, crumbs: ancestors, current: area.qualifiedNameTH)
        context["heading"] = heading
        context["description"] = "\(heading): คณะกรรมการ คำสั่งแต่งตั้ง ระเบียบ แผนขับเคลื่อน และข้อมูลการเงิน"
        context["network"] = TemplateData.value(networkView(area))
        context["rollUp"] = TemplateData.value(rollUpView(area.code, own: network))
        context["body"] = TemplateData.value(body(area))
        context["areaName"] = area.qualifiedNameTH
        context["noindex"] = isEmpty(area)
        context["contacts"] = contactsView(area, network)
        if network == nil { context["known"] = TemplateData.value(knownView(area, folder: page.folder)) }
        return context
    }

    /// Whom a reader can ask: the network's contacts that consented to publication, and
    /// always the community development office responsible for the area.
    func contactsView(_ area: Area, _ network: Network?) -> View {
        let people = (network?.contacts ?? []).filter { $0.consent?.value == true }.map { contact -> View in
            ["name": contact.name?.value ?? "–", "phone": TemplateData.value(contact.phone?.value),
             "email": TemplateData.value(contact.email?.value)]
        }
        return ["people": people, "hasPeople": !people.isEmpty, "office": Self.office(for: area, gazetteer)]
    }

    /// The community development office responsible for an area: the district's office
    /// for a district or subdistrict, the province's for a province, else the department.
    static func office(for area: Area, _ gazetteer: Gazetteer) -> String {
        switch area.level {
        case .national: return "กรมการพัฒนาชุมชน"
        case .province, .district: return "สำนักงานพัฒนาชุมชน" + area.qualifiedNameTH
        case .subdistrict:
            let district = area.parentCode.flatMap(gazetteer.area) ?? area
            return "สำนักงานพัฒนาชุมชน" + district.qualifiedNameTH
        }
    }

    /// For an area without a network: the network one level up, if recorded, and the
    /// members of its committee who represent this area.
    func knownView(_ area: Area, folder: String) -> View? {
        guard let parent = area.parentCode.flatMap(gazetteer.area), let network = publishedNetwork(parent) else { return nil }
        let representatives = network.committeeInTemplateOrder.filter { $0.represents?.value == area.code }
        return [
            "networkName": network.displayName(area: parent),
            "url": SitePaths.link(from: folder, to: parent.code),
            "representatives": representatives.map { ["name": $0.fullName, "position": $0.positionTitle] as View },
            "hasRepresentatives": !representatives.isEmpty,
        ]
    }

    /// The nominees each district reported for the province committee, with the deadline.
    func nomineesView(_ province: Area, districts: [Area], folder: String) -> View? {
        let deadline = directory.deadline(.nominees, forArea: province.code)
        let reported = districts.compactMap { directory.network(forArea: $0.code)?.nominees }
        guard deadline != nil || !reported.isEmpty else { return nil }
        let rows = districts.map { district -> View in
            let nominees = directory.network(forArea: district.code)?.nominees
            let status = directory.status(.nominees, forArea: district.code, today: today)
            return [
                "district": district.nameTH, "url": SitePaths.link(from: folder, to: district.code),
                "names": nominees.map { $0.names.map(\.value).joined(separator: ", ") } ?? "–",
                "reported": status.date.map(Format.date) ?? "–", "label": status.thaiLabel, "badge": status.badge,
            ]
        }
        return ["rows": rows, "deadline": TemplateData.value(deadline.map(Format.date))]
    }

    /// Each district's deliverables (nominees, order, plan, BPM) with their status on
    /// `today`, totals per deliverable, and the province's own forwarding to the department.
    func deliverablesView(_ province: Area, districts: [Area], folder: String) -> View? {
        let kinds = Deliverable.allCases.filter { $0.sender == .district }
        let recorded = districts.contains { directory.network(forArea: $0.code) != nil }
            || Deliverable.allCases.contains { directory.deadline($0, forArea: province.code) != nil }
        guard recorded else { return nil }
        let rows = districts.map { district -> View in
            ["district": district.nameTH, "url": hasPage(district.code) ? SitePaths.link(from: folder, to: district.code) : false,
             "cells": kinds.map { cell(directory.status($0, forArea: district.code, today: today)) }]
        }
        let columns = kinds.map { kind -> View in
            let sent = districts.filter { directory.status(kind, forArea: $0.code, today: today).isSent }.count
            return ["name": kind.thaiName,
                    "deadline": TemplateData.value(directory.deadline(kind, forArea: province.code).map(Format.date)),
                    "total": "ส่งแล้ว \(sent) จาก \(districts.count) อำเภอ"]
        }
        var view: View = ["rows": rows, "columns": columns]
        if directory.network(forArea: province.code) != nil {
            view["own"] = ownDeliverables(province.code, kinds: [.forwarded])
        } else {
            view["own"] = false
        }
        return view
    }

    /// One network's own deliverables, one row each.
    func ownDeliverables(_ code: String, kinds: [Deliverable]) -> [View] {
        let network = directory.network(forArea: code)
        return kinds.map { kind -> View in
            let status = directory.status(kind, forArea: code, today: today)
            let letter = kind == .nominees ? network?.nominees?.letter?.value : network?.delivery(kind)?.letter?.value
            return cell(status).merging([
                "name": kind.thaiName, "letter": TemplateData.value(letter),
                "deadline": TemplateData.value(directory.deadline(kind, forArea: code).map(Format.date)),
            ]) { $1 }
        }
    }

    /// A status as a table cell: its label, badge class and date.
    func cell(_ status: DeliveryStatus) -> View {
        ["label": status.thaiLabel, "badge": status.badge, "date": TemplateData.value(status.date.map(Format.date))]
    }
}
