import SavnetModel

/// The printable documents: appointment order, network regulation, driving-plan form.
/// The document text is savnet's own, built from the structure the regulations set out.
extension SiteContext {
    func document(_ kind: DocumentKind, _ area: Area) -> [String: Any] {
        let network = directory.network(forArea: area.code) ?? Network(area: Located(area.code, at: SourceLocation(path: "", line: 1, column: 1)))
        let name = network.displayName(area: area)
        let title: String
        switch kind {
        case .order: title = "คำสั่งแต่งตั้งคณะกรรมการ\(name)"
        case .regulation: title = network.regulation?.title?.value ?? "ระเบียบ\(name)"
        case .plan: title = "แผนขับเคลื่อน\(name)"
        }
        var context = common(.document(kind, area), title: title, crumbs: gazetteer.path(to: area.code), current: title)
        context["searchable"] = false
        let specific: [String: Any]
        switch kind {
        case .order: specific = order(network, area)
        case .regulation: specific = regulation(network, area)
        case .plan: specific = plan(network, area)
        }
        return context.merging(specific) { $1 }
    }
}

private extension SiteContext {
    /// The office that issues the order: the district for district and subdistrict
    /// networks, the province for the province network, the department nationally.
    func issuer(_ area: Area) -> (heading: String, short: String) {
        switch area.level {
        case .national: return ("คำสั่งกรมการพัฒนาชุมชน", "กรมการพัฒนาชุมชน")
        case .province: return ("คำสั่ง\(area.qualifiedNameTH)", area.qualifiedNameTH)
        case .district: return ("คำสั่ง\(area.qualifiedNameTH)", area.qualifiedNameTH)
        case .subdistrict:
            let district = gazetteer.area(String(area.code.prefix(4)))?.qualifiedNameTH ?? ""
            return ("คำสั่ง\(district)", district)
        }
    }

    func levelName(_ area: Area) -> String {
        area.code.isEmpty ? "ระดับประเทศ" : "ระดับ" + area.qualifiedNameTH
    }

    func order(_ network: Network, _ area: Area) -> [String: Any] {
        let (heading, short) = issuer(area)
        let level = levelName(area)
        let members = network.committeeInTemplateOrder.enumerated().map { index, member -> [String: Any] in
            ["number": Format.thai(String(index + 1)), "name": member.fullName,
             "position": Format.thai(member.positionTitle)]
        }
        let duties = Self.duties.enumerated().map { ["number": Format.thai(String($0.offset + 1)), "text": $0.element] }
        var termText = "ให้คณะกรรมการเครือข่ายกลุ่มออมทรัพย์เพื่อการผลิต\(level) มีวาระการดำรงตำแหน่งคราวละ ๔ ปี"
        if let term = network.term {
            termText += " ตั้งแต่วันที่ \(Format.documentDate(term.start.value)) ถึงวันที่ \(Format.documentDate(term.end))"
        }
        return [
            "issuer": heading,
            "number": network.order?.number.map { Format.thai($0.value) } ?? "......../......",
            "subject": "แต่งตั้งคณะกรรมการเครือข่ายกลุ่มออมทรัพย์เพื่อการผลิต\(level)",
            "background": "กรมการพัฒนาชุมชนส่งเสริมให้ประชาชนรวมตัวกันเป็นกลุ่มออมทรัพย์เพื่อการผลิตมาตั้งแต่ พ.ศ. ๒๕๑๗ "
                + "เพื่อให้สมาชิกรู้จักประหยัด ออมเงินสม่ำเสมอ และมีแหล่งทุนประกอบอาชีพในชุมชนของตนเอง "
                + "เครือข่ายกลุ่มออมทรัพย์เพื่อการผลิตเชื่อมโยงคณะกรรมการกลุ่มในระดับตำบล อำเภอ จังหวัด และประเทศ "
                + "ให้แลกเปลี่ยนเรียนรู้ ช่วยเหลือกัน และพัฒนาการบริหารจัดการกลุ่มให้เข้มแข็ง",
            "basis": "อาศัยอำนาจตามความในข้อ ๒๑ และข้อ ๒๓ แห่งระเบียบกรมการพัฒนาชุมชน ว่าด้วยการส่งเสริมการดำเนินงาน"
                + "กลุ่มออมทรัพย์เพื่อการผลิต พ.ศ. ๒๕๕๕ \(short)จึงแต่งตั้งคณะกรรมการเครือข่ายกลุ่มออมทรัพย์เพื่อการผลิต\(level) "
                + "ประกอบด้วย",
            "members": members,
            "duties": duties,
            "termText": termText,
            "date": network.order?.date.map { Format.documentDate($0.value) } ?? "..................",
            "signer": network.order?.signer?.value ?? "..................",
            "signerTitle": network.order?.signerTitle?.value ?? "",
        ]
    }

    /// The committee's duties as the order lists them, in savnet's words.
    static let duties = [
        "ส่งเสริม สนับสนุน และประสานการดำเนินงานของกลุ่มออมทรัพย์เพื่อการผลิตและเครือข่าย ด้านการบริหารจัดการ บุคลากร และแหล่งทุน",
        "กำหนดนโยบาย แนวทาง แผนงาน ระเบียบ และงบประมาณของเครือข่าย และจัดประชุมคณะกรรมการเป็นประจำทุกเดือน",
        "กำกับ ดูแล และตรวจสอบการดำเนินกิจกรรมของเครือข่ายให้เป็นไปตามวัตถุประสงค์และมติที่ประชุม",
        "จัดทำทะเบียน บัญชี และเอกสารหลักฐานของเครือข่าย และดูแลรักษาทรัพย์สินของเครือข่าย",
        "ประสานความร่วมมือกับหน่วยงานภาครัฐ ภาคเอกชน และหน่วยงานอื่นที่เกี่ยวข้อง",
        "ติดตาม ให้คำแนะนำ และช่วยแก้ไขข้อร้องเรียนหรือข้อขัดแย้งของกลุ่มออมทรัพย์เพื่อการผลิต",
        "เชื่อมโยงการดำเนินงานของเครือข่ายกลุ่มออมทรัพย์เพื่อการผลิตทุกระดับ",
        "ปฏิบัติงานอื่นตามที่ได้รับมอบหมาย",
    ]

    func regulation(_ network: Network, _ area: Area) -> [String: Any] {
        let regulation = network.regulation
        let chapters = (regulation?.chapters ?? []).map { chapter -> [String: Any] in
            ["number": chapter.number.map { Format.thai(String($0.value)) } ?? "",
             "title": chapter.title?.value ?? "",
             "clauses": chapter.clauses.map { ["number": Format.thai(String($0.number.value)), "text": $0.text?.value ?? ""] }]
        }
        let chair = network.committee.first { $0.position == .chair }
        return [
            "heading": regulation?.title?.value ?? "ระเบียบเครือข่ายกลุ่มออมทรัพย์เพื่อการผลิต\(levelName(area))",
            "preamble": "เพื่อให้การดำเนินงานของเครือข่ายกลุ่มออมทรัพย์เพื่อการผลิต\(levelName(area)) เป็นไปด้วยความเรียบร้อย "
                + "มีหลักเกณฑ์ วิธีการ และเงื่อนไขที่ชัดเจน คณะกรรมการเครือข่ายจึงวางระเบียบไว้ ดังต่อไปนี้",
            "chapters": chapters,
            "adopted": regulation?.adopted.map { Format.documentDate($0.value) } ?? "..................",
            "chairName": chair?.fullName ?? "..................",
            "areaName": levelName(area),
        ]
    }

    func plan(_ network: Network, _ area: Area) -> [String: Any] {
        let plan = network.plan
        let fiscalMonths = [10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8, 9]
        let activities = (plan?.activities ?? []).enumerated().map { index, activity -> [String: Any] in
            let months = Set(activity.months.map(\.value))
            return [
                "number": Format.thai(String(index + 1)), "name": activity.name.value,
                "cells": fiscalMonths.map { ["on": months.contains($0)] },
                "budget": activity.budget.map { Format.thai(Format.amount($0.value)) } ?? "–",
                "responsible": activity.responsible.map { NetworkView.positionName($0.value) } ?? "–",
                "indicator": activity.indicator?.value ?? "–",
            ]
        }
        let total = (plan?.activities ?? []).compactMap { $0.budget?.value }.reduce(0, +)
        let chair = network.committee.first { $0.position == .chair }
        return [
            "networkName": network.displayName(area: area),
            "fiscalYear": plan?.fiscalYear.map { Format.thai(String($0.value)) } ?? "......",
            "monthHeaders": fiscalMonths.map { ThaiCalendar.shortMonthNames[$0 - 1] },
            "activities": activities,
            "total": Format.thai(Format.amount(total)),
            "reporter": chair?.fullName ?? "..................",
            "reporterTitle": "ประธานเครือข่ายกลุ่มออมทรัพย์เพื่อการผลิต\(levelName(area))",
        ]
    }
}
