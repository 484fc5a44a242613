import SavnetModel

/// The printable documents: appointment order, network regulation, driving-plan form.
/// The document text is savnet's own, built from the structure the regulations set out.
extension SiteContext {
    func document(_ kind: DocumentKind, _ area: Area) -> View {
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
        let specific: View
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
            let district = area.parentCode.flatMap(gazetteer.area)?.qualifiedNameTH ?? ""
            return ("คำสั่ง\(district)", district)
        }
    }

    /// The area named in full for a document: a subdistrict with its district and
    /// province (names repeat across the country), a district with its province.
    func fullAreaName(_ area: Area) -> String {
        guard !area.code.isEmpty else { return "ระดับประเทศ" }
        return gazetteer.path(to: area.code).filter { !$0.code.isEmpty }.reversed().map(\.qualifiedNameTH).joined(separator: " ")
    }

    /// The network of `area` as its documents name it: `เครือข่ายกลุ่มออมทรัพย์เพื่อการผลิต`
    /// and the area in full.
    func documentName(_ area: Area) -> String {
        "เครือข่ายกลุ่มออมทรัพย์เพื่อการผลิต" + fullAreaName(area)
    }

    /// The wordings that apply to `area`'s documents, first the one that wins: its
    /// province's, then the national file's.
    func wordings(_ area: Area) -> [DocumentWording] {
        let province = AreaCode(unchecked: area.code).ancestor(at: .province)?.value ?? ""
        return Set([province, ""]).sorted(by: >).compactMap { directory.network(forArea: $0)?.wording }
    }

    /// A part of the documents' fixed text: the province's wording, else the nation's,
    /// else savnet's default.
    func worded(_ area: Area, _ part: (DocumentWording) -> Located<String>?, default text: String) -> String {
        wordings(area).compactMap { part($0)?.value }.first ?? text
    }

    /// The wording that sets `part` as a list (duties, clauses): the province's, else the nation's.
    func wordedList<Value>(_ area: Area, _ part: (DocumentWording) -> [Value]) -> [Value]? {
        wordings(area).map(part).first { !$0.isEmpty }
    }

    func order(_ network: Network, _ area: Area) -> View {
        let (heading, short) = issuer(area)
        let name = documentName(area)
        // Members are read where they are, not copied out (a member is a large value).
        let members = network.committee.withUnsafeBufferPointer { members in
            network.committeeOrder.enumerated().map { index, position -> View in
                ["number": Format.thai(String(index + 1)), "name": members[position].fullName,
                 "position": Format.thai(members[position].positionTitle)]
            }
        }
        let dutyTexts = wordedList(area, \.duties)?.map(\.value) ?? Self.duties
        let duties = dutyTexts.enumerated().map { item -> View in ["number": Format.thai(String(item.offset + 1)), "text": item.element] }
        var termText = "ให้คณะกรรมการ\(name) มีวาระการดำรงตำแหน่ง ๔ ปี"
        if let term = network.term {
            termText += " นับตั้งแต่วันที่ \(Format.documentDate(term.start.value)) ถึงวันที่ \(Format.documentDate(term.end))"
        } else {
            termText += " นับตั้งแต่วันที่ในคำสั่งนี้"
        }
        let purpose = worded(area, \.purpose,
                             default: "เพื่อให้การดำเนินงานของ\(name)เป็นไปอย่างมีประสิทธิภาพ")
        return [
            "issuer": heading,
            "number": network.order?.number.map { Format.thai($0.value) } ?? "......../......",
            "subject": "แต่งตั้งคณะกรรมการ\(name)",
            "background": worded(area, \.background, default: Self.background),
            "networks": worded(area, \.networks, default: Self.networksParagraph),
            "basis": purpose + " อาศัยอำนาจตามความในข้อ ๒๑ และข้อ ๒๓ แห่งระเบียบกรมการพัฒนาชุมชน ว่าด้วยการส่งเสริม"
                + "การดำเนินงานกลุ่มออมทรัพย์เพื่อการผลิต พ.ศ. ๒๕๕๕ \(short)จึงแต่งตั้งคณะกรรมการ\(name) ดังนี้",
            "members": members,
            "duties": duties,
            "termText": termText,
            "closing": worded(area, \.closing, default: "ทั้งนี้ ตั้งแต่บัดนี้เป็นต้นไป"),
            "date": network.order?.date.map { Format.documentDate($0.value) } ?? "..................",
            "signer": network.order?.signer?.value ?? "..................",
            "signerTitle": network.order?.signerTitle?.value ?? "",
            "acting": TemplateData.value(network.order?.acting?.value),
        ]
    }

    /// The order's background, in savnet's words: the department's promotion since 2517
    /// and its four principles.
    static let background = "ด้วยกรมการพัฒนาชุมชนได้ส่งเสริมให้ประชาชนรวมตัวกันจัดตั้งกลุ่มออมทรัพย์เพื่อการผลิตมาตั้งแต่ พ.ศ. ๒๕๑๗ "
        + "โดยยึดหลักการสำคัญ ๔ ประการ คือ หลักการพึ่งพาตนเอง หลักคุณธรรม หลักความเป็นเจ้าของ และหลักการควบคุมตนเอง "
        + "บริหารจัดการโดยคณะกรรมการกลุ่ม เพื่อให้ประชาชนรู้จักพึ่งพาตนเองและช่วยเหลือซึ่งกันและกัน ออมเงินอย่างสม่ำเสมอ "
        + "และสร้างกองทุนของชุมชนไว้เป็นทุนในการประกอบอาชีพ"

    /// The order's paragraph on หมวด ๗ of the 2555 regulation.
    static let networksParagraph = "ระเบียบกรมการพัฒนาชุมชน ว่าด้วยการส่งเสริมการดำเนินงานกลุ่มออมทรัพย์เพื่อการผลิต พ.ศ. ๒๕๕๕ "
        + "หมวด ๗ กำหนดให้มีเครือข่ายกลุ่มออมทรัพย์เพื่อการผลิตเป็นองค์กรเชื่อมโยงคณะกรรมการกลุ่มออมทรัพย์เพื่อการผลิต "
        + "๔ ระดับ คือ ระดับตำบล ระดับอำเภอ ระดับจังหวัด และระดับประเทศ เพื่อช่วยเหลือเกื้อกูลกัน แลกเปลี่ยนเรียนรู้และข้อมูลข่าวสาร "
        + "และเสริมสร้างความเข้มแข็งให้แก่กลุ่มออมทรัพย์เพื่อการผลิต"

    /// The committee's eight duties as the order lists them, in savnet's words.
    static let duties = [
        "ส่งเสริม สนับสนุน และประสานการดำเนินงานของกลุ่มออมทรัพย์เพื่อการผลิตในหมู่บ้านและชุมชน ทั้งด้านการบริหารจัดการ "
            + "ด้านบุคลากร ด้านแหล่งทุน และด้านอื่น ๆ ตามที่เครือข่ายเห็นสมควร",
        "กำหนดนโยบาย แผนงาน ระเบียบ และหลักเกณฑ์การใช้จ่ายงบประมาณของเครือข่าย และจัดประชุมคณะกรรมการเป็นประจำทุกเดือน",
        "กำกับ ควบคุม และตรวจสอบการดำเนินกิจกรรมของเครือข่ายให้เป็นไปตามวัตถุประสงค์และมติที่ประชุม "
            + "และดำเนินกิจกรรมที่เกี่ยวกับภาระผูกพันของเครือข่าย",
        "จัดทำทะเบียน บัญชี และเอกสารต่าง ๆ ของเครือข่าย",
        "ประสานงานและให้ความร่วมมือกับหน่วยงานต่าง ๆ",
        "ติดตาม ตรวจสอบ และให้คำแนะนำเกี่ยวกับข้อร้องเรียนและข้อขัดแย้งของกลุ่มออมทรัพย์เพื่อการผลิต",
        "เชื่อมโยงและประสานความร่วมมือระหว่างกลุ่มออมทรัพย์เพื่อการผลิตในแต่ละระดับ",
        "ปฏิบัติหน้าที่อื่น ๆ ตามที่ได้รับมอบหมาย",
    ]

    func regulation(_ network: Network, _ area: Area) -> View {
        let regulation = network.regulation
        let name = documentName(area)
        let year = regulation?.adopted.map { Format.thai(String($0.value.buddhistYear)) } ?? "......"
        // savnet's default for the level, then the province's (or nation's) wording, then
        // the file's own clauses, each replacing clauses by number.
        var chapters = Self.defaultRegulation(level: area.level, name: name, year: year)
        func replace(_ number: Int, _ text: String) {
            for c in chapters.indices {
                if let i = chapters[c].clauses.firstIndex(where: { $0.number == number }) {
                    chapters[c].clauses[i] = (number, text, [])
                    return
                }
            }
            chapters[chapters.count - 1].clauses.append((number, text, []))
        }
        for clause in wordedList(area, \.clauses) ?? [] { if let text = clause.text?.value { replace(clause.number.value, text) } }
        for chapter in regulation?.chapters ?? [] {
            for clause in chapter.clauses { if let text = clause.text?.value { replace(clause.number.value, text) } }
        }
        let chair = network.committee.first { $0.position == .chair }
        return [
            "heading": regulation?.title?.value ?? "ระเบียบ\(name)\nพ.ศ. \(year)",
            "preamble": worded(area, \.preamble, default: "เพื่อให้การดำเนินงานของ\(name)เป็นไปอย่างมีระบบ "
                + "สอดคล้องกับระเบียบกรมการพัฒนาชุมชน ว่าด้วยการส่งเสริมการดำเนินงานกลุ่มออมทรัพย์เพื่อการผลิต พ.ศ. ๒๕๕๕ "
                + "ซึ่งกรมการพัฒนาชุมชนส่งเสริมให้กลุ่มรวมตัวกันเป็นเครือข่าย คณะกรรมการเครือข่ายจึงวางระเบียบไว้ ดังนี้"),
            "chapters": chapters.map { chapter -> View in
                ["number": Format.thai(String(chapter.number)), "title": chapter.title,
                 "clauses": chapter.clauses.sorted { $0.number < $1.number }.map { clause -> View in
                     ["number": Format.thai(String(clause.number)), "text": clause.text, "items": clause.items]
                 }]
            },
            "adopted": regulation?.adopted.map { Format.documentDate($0.value) } ?? "..................",
            "chairName": chair?.fullName ?? "..................",
            "areaName": name,
        ]
    }

    typealias DefaultChapter = (number: Int, title: String, clauses: [(number: Int, text: String, items: [String])])

    /// The full regulation for a network of `level`, in savnet's words, numbered 1–14
    /// without the seed's duplicate ข้อ ๑๓: general provisions, the network, the
    /// committee and the funds.
    static func defaultRegulation(level: Level, name: String, year: String) -> [DefaultChapter] {
        let composition: String
        switch level {
        case .subdistrict:
            composition = "คณะกรรมการเครือข่ายประกอบด้วยผู้แทนของกลุ่มในหมู่บ้านหรือชุมชนในตำบล อย่างน้อยกลุ่มละ ๑ คน "
                + "และมีจำนวนรวมไม่น้อยกว่า ๑๕ คน"
        case .district:
            composition = "คณะกรรมการเครือข่ายประกอบด้วยผู้แทนของเครือข่ายกลุ่มออมทรัพย์เพื่อการผลิตระดับตำบลในอำเภอ "
                + "อย่างน้อยตำบลละ ๑ คน"
        case .province:
            composition = "คณะกรรมการเครือข่ายคัดเลือกจากผู้แทนของเครือข่ายกลุ่มออมทรัพย์เพื่อการผลิตระดับอำเภอ "
                + "ซึ่งอำเภอเสนอชื่ออำเภอละ ๒ คน คือ ประธานเครือข่ายระดับอำเภอและกรรมการอีก ๑ คน"
        case .national:
            composition = "คณะกรรมการเครือข่ายประกอบด้วยผู้แทนของเครือข่ายกลุ่มออมทรัพย์เพื่อการผลิตระดับจังหวัด"
        }
        return [
            (1, "บททั่วไป", [
                (1, "ระเบียบนี้เรียกว่า \"ระเบียบ\(name) พ.ศ. \(year)\"", []),
                (2, "ระเบียบนี้ให้ใช้บังคับตั้งแต่วันประกาศเป็นต้นไป", []),
                (3, "ให้ประธานคณะกรรมการเครือข่ายเป็นผู้รักษาการตามระเบียบนี้", []),
                (4, "ในระเบียบนี้", [
                    "\"กลุ่ม\" หมายความว่า กลุ่มออมทรัพย์เพื่อการผลิต",
                    "\"เจ้าหน้าที่\" หมายความว่า เจ้าหน้าที่ของกรมการพัฒนาชุมชนที่ส่งเสริมการดำเนินงานของกลุ่ม",
                    "\"สมาชิก\" หมายความว่า สมาชิกของกลุ่ม",
                    "\"เงินสัจจะสะสม\" หมายความว่า เงินที่สมาชิกฝากสะสมไว้กับกลุ่มเป็นประจำตามที่ได้ตั้งสัจจะไว้",
                    "\"คณะกรรมการ\" หมายความว่า คณะกรรมการของกลุ่ม",
                    "\"เครือข่าย\" หมายความว่า \(name)",
                    "\"คณะกรรมการเครือข่าย\" หมายความว่า คณะกรรมการของเครือข่าย",
                    "\"ทุน\" หมายความว่า เงินทุนของเครือข่าย",
                ]),
            ]),
            (2, "เครือข่าย", [
                (5, "เครือข่ายเป็นองค์กรที่เชื่อมโยงคณะกรรมการของกลุ่มให้ร่วมมือ ช่วยเหลือเกื้อกูล และแลกเปลี่ยนเรียนรู้ซึ่งกันและกัน", []),
                (6, "เครือข่ายมีวัตถุประสงค์ ดังนี้", [
                    "(๑) เพื่อพัฒนาคนให้มีความรู้และศักยภาพในการบริหารจัดการกลุ่ม",
                    "(๒) เพื่อเป็นศูนย์การเรียนรู้และศูนย์ข้อมูลข่าวสารของกลุ่ม",
                    "(๓) เพื่อเป็นศูนย์รวมข้อมูลทางการเงินของกลุ่ม",
                ]),
            ]),
            (3, "คณะกรรมการเครือข่าย", [
                (7, composition, []),
                (8, "คณะกรรมการเครือข่ายมีวาระการดำรงตำแหน่งคราวละ ๔ ปี และมีหน้าที่ ดังนี้", [
                    "(๑) ส่งเสริม สนับสนุน และประสานการดำเนินงานของกลุ่ม",
                    "(๒) กำหนดแผนงาน ระเบียบ และงบประมาณของเครือข่าย",
                    "(๓) จัดประชุมคณะกรรมการเครือข่ายเป็นประจำทุกเดือน ประชุมสามัญ และประชุมวิสามัญเมื่อมีเหตุจำเป็น",
                    "(๔) จัดทำทะเบียน บัญชี และเอกสารของเครือข่าย",
                    "(๕) ประสานงานกับหน่วยงานที่เกี่ยวข้อง",
                    "(๖) ปฏิบัติหน้าที่อื่นตามที่ที่ประชุมมอบหมาย",
                ]),
                (9, "คณะกรรมการเครือข่ายต้องมีตำแหน่งประธาน รองประธาน เลขานุการ และเหรัญญิก ส่วนตำแหน่งอื่นให้เป็นไปตามที่ตกลงกัน "
                    + "และให้เจ้าหน้าที่เป็นที่ปรึกษาของเครือข่าย", []),
                (10, "ผู้แทนของกลุ่มในคณะกรรมการเครือข่ายไม่จำเป็นต้องเป็นประธานกลุ่ม แต่ต้องได้รับความเห็นชอบจากกลุ่มที่ตนเป็นผู้แทน", []),
            ]),
            (4, "ทุน", [
                (11, "ทุนของเครือข่ายได้มาจาก", [
                    "(๑) การจัดกิจกรรมเพื่อระดมทุนเข้าเครือข่าย",
                    "(๒) เงินสมทบจากกลุ่มออมทรัพย์เพื่อการผลิต",
                    "(๓) เงินสนับสนุนจากรัฐบาล",
                    "(๔) รายได้อื่น ๆ",
                ]),
                (12, "ให้นำทุนของเครือข่ายฝากไว้กับสถาบันการเงิน เช่น ธนาคารกรุงไทย ธนาคารออมสิน "
                    + "หรือธนาคารเพื่อการเกษตรและสหกรณ์การเกษตร", []),
                (13, "ผู้มีอำนาจลงนามในการเปิดบัญชีเงินฝาก ได้แก่ ประธาน รองประธาน และเหรัญญิก การถอนเงินต้องมีผู้ลงนาม "
                    + "๒ ใน ๓ คน และประธานต้องลงนามทุกครั้ง", []),
                (14, "การใช้จ่ายทุนของเครือข่ายให้เป็นไปตามมติที่ประชุมคณะกรรมการเครือข่าย", []),
            ]),
        ]
    }

    /// A month's cell of the plan's table, shared by every row of every plan.
    static let monthOn: View = ["on": true]
    static let monthOff: View = ["on": false]

    func plan(_ network: Network, _ area: Area) -> View {
        let plan = network.plan
        let fiscalMonths = [10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8, 9]
        let activities = (plan?.activities ?? []).enumerated().map { index, activity -> View in
            let months = Set(activity.months.map(\.value))
            return [
                "number": Format.thai(String(index + 1)), "name": activity.name.value,
                "cells": fiscalMonths.map { months.contains($0) ? Self.monthOn : Self.monthOff },
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
            "reporterTitle": "ประธานคณะกรรมการ" + documentName(area),
            "date": network.plan?.date.map { Format.documentDate($0.value) } ?? "..................",
        ]
    }
}
