import ArgumentParser
import Foundation
import SavnetModel

/// `savnet report <kind>`: the lists a province or district office compiles by hand.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Print a report for an office: coverage, terms, nominees, deliverables or finance.",
        discussion: """
        Kinds:
          coverage      each area (province, district, subdistrict) and whether it has a \
        network file, an appointment order, an adopted regulation and a plan
          terms         committees whose term has ended or ends within --within days
          nominees      each district's chair and one member named to the province, when \
        they were reported, and whether on time
          deliverables  each district's (and province's) status for every deliverable and \
        its deadline
          finance       groups, members, savings and fund balances, rolled up per province \
        and district

        The report goes to standard output: --format table (aligned for a terminal, Thai \
        marks taking no column), csv (UTF-8 with a byte-order mark for Excel; cells that \
        would start a formula are defused), markdown or json. Status is judged as of \
        --today (default: the settings' status_date, else today).

        Examples:
          savnet report coverage --province 84
          savnet report terms --within 180
          savnet report nominees --format csv
          savnet report deliverables --district 8409 --today 2566-09-25
          savnet report finance --format markdown
        """
    )

    enum Kind: String, CaseInsensitiveArgument {
        case coverage, terms, nominees, deliverables, finance
    }

    @Argument(help: "What to report: coverage, terms, nominees, deliverables or finance.")
    var kind: Kind

    @Option(help: "Output format: table, csv, markdown or json.")
    var format: ReportTable.Format = .table

    @Option(help: "Only this province (code or name).")
    var province: String?

    @Option(help: "Only this district (code or name).")
    var district: String?

    @Option(help: "For terms: how many days ahead counts as ending soon.")
    var within = 90

    @OptionGroup var project: ProjectOptions

    func run() throws {
        let options = try self.project.checkOptions()
        let project = try options.open()
        let settings = try options.settings(project)
        let date = try options.resolvedToday(settings)
        let gazetteer = try options.gazetteer(settings, project)
        let scope = try AreaScope(province: province, district: district, gazetteer: gazetteer)
        let check = try ContentCheck.load(path: settings.content, gazetteer: gazetteer)
        let report = Report(directory: check.directory, scope: scope, today: date, thai: options.language == .th)
        let table: ReportTable
        switch kind {
        case .coverage: table = report.coverage()
        case .terms: table = report.terms(within: within)
        case .nominees: table = report.nominees()
        case .deliverables: table = report.deliverables()
        case .finance: table = report.finance()
        }
        print(table.render(format), terminator: "")
        Console.status(options.language == .th ? "\(table.rows.count) แถว ณ วันที่ \(date.buddhistISO)"
                                               : "\(table.rows.count) rows, as of \(date.buddhistISO) BE")
    }
}

/// The provinces and districts a report or an export covers.
struct AreaScope {
    var province: Area?
    var district: Area?

    init(province: String?, district: String?, gazetteer: Gazetteer) throws {
        if let province { self.province = try NewCommand.area(province, level: .province, in: gazetteer) }
        if let district {
            let area = try NewCommand.area(district, level: .district, in: gazetteer)
            if let chosen = self.province, !AreaCode(unchecked: area.code).isWithin(AreaCode(unchecked: chosen.code)) {
                throw ValidationError("\(area.nameEN) (\(area.code)) is not in \(chosen.nameEN) (\(chosen.code))")
            }
            self.district = area
        }
    }

    /// Whether the area of `code` (or one above it that the report lists) is in scope.
    func includes(_ code: String) -> Bool {
        let area = AreaCode(unchecked: code)
        if let district {
            // An area above the district (a shorter code) is listed when the district lies in it.
            return area.isWithin(AreaCode(unchecked: district.code)) || (code.count < 4 && district.code.hasPrefix(code))
        }
        if let province { return area.isWithin(AreaCode(unchecked: province.code)) }
        return true
    }
}

/// The reports, from the checked directory.
struct Report {
    let directory: Directory
    let scope: AreaScope
    let today: CalendarDate
    let thai: Bool

    private var gazetteer: Gazetteer { directory.gazetteer }
    private func yes(_ value: Bool) -> String { value ? (thai ? "มี" : "yes") : (thai ? "ไม่มี" : "no") }
    private func heading(_ en: String, _ th: String) -> String { thai ? th : en }

    /// The provinces, districts and subdistricts in scope, country order.
    private func areas(down to: Level) -> [Area] {
        var list: [Area] = []
        for province in gazetteer.areas(at: .province) where scope.includes(province.code) {
            if scope.district == nil { list.append(province) }
            guard to != .province else { continue }
            for district in gazetteer.children(of: province.code) where scope.includes(district.code) {
                list.append(district)
                guard to == .subdistrict else { continue }
                list += gazetteer.children(of: district.code)
            }
        }
        return list
    }

    func coverage() -> ReportTable {
        var rows: [[String]] = []
        for area in areas(down: .subdistrict) {
            let network = directory.network(forArea: area.code)
            rows.append([area.code, area.level.rawValue, area.qualifiedNameTH, yes(network != nil),
                         yes(network?.order?.number != nil), yes(network?.regulation?.adopted != nil),
                         yes(!(network?.plan?.activities.isEmpty ?? true))])
        }
        return ReportTable(columns: [heading("code", "รหัส"), heading("level", "ระดับ"), heading("area", "พื้นที่"),
                                     heading("network file", "ไฟล์เครือข่าย"), heading("order", "คำสั่งแต่งตั้ง"),
                                     heading("regulation", "ระเบียบ"), heading("plan", "แผนขับเคลื่อน")], rows: rows)
    }

    func terms(within days: Int) -> ReportTable {
        var rows: [[String]] = []
        for (_, network) in directory.networks.sorted(by: { $0.network.area.value < $1.network.area.value })
        where scope.includes(network.area.value) {
            guard let term = network.term else { continue }
            let left = today.days(until: term.end)
            guard left <= days else { continue }
            rows.append([network.area.value, network.effectiveLevel.rawValue, network.displayName(area: gazetteer.area(network.area.value)),
                         term.start.value.buddhistISO, term.end.buddhistISO, String(left),
                         left < 0 ? heading("expired", "หมดวาระแล้ว") : heading("ending", "ใกล้หมดวาระ")])
        }
        return ReportTable(columns: [heading("code", "รหัส"), heading("level", "ระดับ"), heading("network", "เครือข่าย"),
                                     heading("term start", "เริ่มวาระ"), heading("term end", "สิ้นสุดวาระ"),
                                     heading("days left", "เหลือ (วัน)"), heading("status", "สถานะ")], rows: rows)
    }

    private func statusText(_ status: DeliveryStatus) -> String {
        if thai { return status.thaiLabel }
        switch status {
        case .onTime: return "on time"
        case .late: return "late"
        case .missing: return "missing, overdue"
        case .notYetDue: return "not yet due"
        case .sent: return "sent"
        case .notSent: return "not sent"
        }
    }

    func nominees() -> ReportTable {
        var rows: [[String]] = []
        for district in areas(down: .district) where district.level == .district {
            let network = directory.network(forArea: district.code)
            let chair = network?.committee.first { $0.position == .chair }?.fullName ?? ""
            let names = network?.nominees?.names.map(\.value) ?? []
            rows.append([district.code, district.qualifiedNameTH, chair, names.first ?? "", names.dropFirst().joined(separator: ", "),
                         directory.sentDate(.nominees, forArea: district.code)?.buddhistISO ?? "",
                         directory.deadline(.nominees, forArea: district.code)?.buddhistISO ?? "",
                         statusText(directory.status(.nominees, forArea: district.code, today: today))])
        }
        return ReportTable(columns: [heading("code", "รหัส"), heading("district", "อำเภอ"), heading("chair", "ประธานเครือข่าย"),
                                     heading("nominee 1", "ผู้แทนคนที่ 1"), heading("nominee 2", "ผู้แทนคนที่ 2"),
                                     heading("reported", "วันที่แจ้ง"), heading("deadline", "กำหนด"), heading("status", "สถานะ")],
                           rows: rows)
    }

    func deliverables() -> ReportTable {
        var rows: [[String]] = []
        for area in areas(down: .district) {
            for kind in Deliverable.allCases where kind.sender == area.level {
                rows.append([area.code, area.qualifiedNameTH, thai ? kind.thaiName : kind.englishName,
                             directory.deadline(kind, forArea: area.code)?.buddhistISO ?? "",
                             directory.sentDate(kind, forArea: area.code)?.buddhistISO ?? "",
                             statusText(directory.status(kind, forArea: area.code, today: today))])
            }
        }
        return ReportTable(columns: [heading("code", "รหัส"), heading("area", "พื้นที่"), heading("deliverable", "สิ่งที่ต้องส่ง"),
                                     heading("deadline", "กำหนด"), heading("sent", "วันที่ส่ง"), heading("status", "สถานะ")], rows: rows)
    }

    func finance() -> ReportTable {
        let table = RollUpTable(directory, today: today)
        var rows: [[String]] = []
        for area in areas(down: .district) {
            let total = table[area.code]
            rows.append([area.code, area.level.rawValue, area.qualifiedNameTH, String(total.networks), String(total.groups),
                         String(total.members), ReportTable.amount(total.savings), ReportTable.amount(total.fundBalance)])
        }
        return ReportTable(columns: [heading("code", "รหัส"), heading("level", "ระดับ"), heading("area", "พื้นที่"),
                                     heading("networks", "เครือข่าย"), heading("groups", "กลุ่ม"), heading("members", "สมาชิก"),
                                     heading("savings", "เงินสัจจะสะสม"), heading("fund balance", "เงินกองทุน")], rows: rows)
    }
}
