import SavnetModel

/// Template data for one network: committee, order facts, funds, plan. Built from the
/// domain model; templates never see domain types.
struct NetworkView {
    let network: Network
    let area: Area
    let directory: Directory
    let today: CalendarDate

    /// Everything the area templates show about the network.
    var context: View {
        var view: View = [
            "name": network.displayName(area: area),
            "committee": committee,
            "advisors": network.advisors.map { advisor -> View in
                ["name": (advisor.title?.value ?? "") + advisor.name.value, "role": TemplateData.value(advisor.role?.value)]
            },
            "hasAdvisors": !network.advisors.isEmpty,
            "hasRegulation": network.regulation != nil,
            "hasPlan": network.plan != nil,
            "chairName": TemplateData.value(network.committee.first { $0.position == .chair }?.fullName),
        ]
        if let term = network.term {
            let status = network.termStatus(on: today)
            // The status says since when, or how soon, judged on the page's status date.
            let label: String
            switch status {
            case .expired: label = "ครบวาระแล้วเมื่อ \(Format.date(term.end))"
            case .expiring: label = "จะครบวาระในอีก \(today.days(until: term.end)) วัน"
            default: label = status.thaiLabel
            }
            view["term"] = ["start": Format.date(term.start.value), "end": Format.date(term.end),
                            "status": status.rawValue, "statusLabel": label] as View
        }
        if let order = network.order {
            view["order"] = [
                "number": order.number?.value ?? "–", "date": order.date.map { Format.date($0.value) } ?? "–",
                "signer": TemplateData.value(order.signer?.value), "signerTitle": TemplateData.value(order.signerTitle?.value),
            ] as View
        }
        if let founded = network.founded { view["founded"] = Format.date(founded.value) }
        if let adopted = network.regulation?.adopted { view["regulationAdopted"] = Format.date(adopted.value) }
        if let funds = network.funds { view["funds"] = Self.funds(funds) }
        if let plan = network.plan { view["plan"] = Self.plan(plan) }
        if let nominees = network.nominees {
            view["nomineeNames"] = nominees.names.map(\.value).joined(separator: ", ")
            view["nomineesReported"] = TemplateData.value(nominees.reported.map { Format.date($0.value) })
        }
        return view
    }

    /// The committee table: template order, names, positions and whom each represents.
    var committee: View {
        // Members are read where they are, not copied out (a member is a large value).
        let rows = network.committee.withUnsafeBufferPointer { members in
            network.committeeOrder.enumerated().map { index, position -> View in
                let (label, url) = represents(members[position])
                return [
                    "number": index + 1, "name": members[position].fullName,
                    "position": members[position].positionTitle,
                    "represents": label, "representsURL": TemplateData.value(url),
                ]
            }
        }
        let header: String
        switch area.level {
        case .subdistrict: header = "ผู้แทนหมู่บ้าน"
        case .district: header = "ผู้แทนตำบล"
        case .province: header = "ผู้แทนอำเภอ"
        case .national: header = "ผู้แทนจังหวัด"
        }
        return ["rows": rows, "count": rows.count, "representsHeader": header]
    }

    static func funds(_ funds: Funds) -> View {
        [
            "sources": funds.sources.map { FundSource(text: $0.value)?.thaiName ?? $0.value },
            "hasSources": !funds.sources.isEmpty,
            "accounts": funds.accounts.map { account -> View in
                let names = account.signatories.map { positionName($0.value) }.joined(separator: ", ")
                var rule = "–"
                if let required = account.required?.value {
                    rule = "ลงนาม \(required) ใน \(max(account.signatories.count, required)) คน"
                    if let always = account.always?.value { rule += " และ\(positionName(always))ต้องลงนามทุกครั้ง" }
                }
                return ["bank": account.bank?.value ?? "–", "branch": TemplateData.value(account.branch?.value),
                        "name": TemplateData.value(account.name?.value), "signatories": names.isEmpty ? "–" : names, "withdrawal": rule]
            },
        ]
    }

    static func plan(_ plan: DrivingPlan) -> View {
        let total = plan.activities.compactMap { $0.budget?.value }.reduce(0, +)
        return [
            "fiscalYear": plan.fiscalYear.map { String($0.value) } ?? "–",
            "activities": plan.activities.map { activity -> View in
                ["name": activity.name.value, "months": Format.months(activity.months.map(\.value)),
                 "budget": activity.budget.map { Format.amount($0.value) } ?? "–",
                 "responsible": activity.responsible.map { positionName($0.value) } ?? "–",
                 "indicator": activity.indicator?.value ?? "–"]
            },
            "total": Format.amount(total),
        ]
    }

    static func positionName(_ text: String) -> String {
        switch PositionName.match(text) {
        case let .exact(position), let .misspelled(position): return position.thaiName
        case .unknown, .ambiguous: return text
        }
    }
}

private extension NetworkView {
    /// The label and link of whom a member represents, relative to this network's page.
    func represents(_ member: Member) -> (String, String?) {
        guard let value = member.represents?.value else { return ("–", nil) }
        switch area.level {
        case .subdistrict:
            return (VillageGroup.number(from: value).map { "หมู่ที่ \($0)" } ?? value, nil)
        case .district, .province, .national:
            guard let target = directory.gazetteer.area(value) else { return (value, nil) }
            let here = SitePaths.folder(area.code)
            return (target.qualifiedNameTH, SitePaths.link(from: here, to: target.code))
        }
    }
}
