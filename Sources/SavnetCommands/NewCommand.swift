import ArgumentParser
import Foundation
import SavnetLoading
import SavnetModel

/// `savnet new <level> <area>`: starts a network file in its place, from the gazetteer.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Start a new network file in the right place, ready to fill in.",
        discussion: """
        Writes content/…/ for the area (the folder follows its DOPA code), with the level \
        and area filled in from the gazetteer, the signer's title, today's date as the \
        start of the term, the 20 positions of the order template in order with empty \
        names, and the subdistricts (or districts) the members must represent listed. \
        `savnet check` then lists what is left to fill in. An existing file is never \
        overwritten.

        --from copies another network file's structure (its positions, fund sources, \
        signatories and plan activities) with every person, date, number and \
        area-specific text cleared.

        Levels: province, district, subdistrict, national (or จังหวัด, อำเภอ, ตำบล).

        Examples:
          savnet new district 8417
          savnet new subdistrict 840901 --today 2567-01-01
          savnet new subdistrict "Tha Sathon"
          savnet new district พุนพิน --from content/84/8403/_index.md
        """
    )

    @Argument(help: "The level: province, district, subdistrict or national.")
    var level: String

    @Argument(help: "The area: a DOPA code or a Thai or English name (not needed for national).")
    var area: String?

    @Option(help: "Copy the structure of this network file, with its people, dates, numbers and names cleared.")
    var from: String?

    @Option(help: "The date the term starts (default: today in Thailand).")
    var today: String?

    @Option(help: ArgumentHelp("The settings file, or the project folder that holds it.",
                               discussion: "Default: savnet.yml in the current folder or the nearest folder above it."))
    var config: String?

    func run() throws {
        let project = try Project.locate(config: config)
        let sourcePath = from.map { project.argument($0) }
        try project.enter()
        let options = try CheckOptions.parse((config.map { ["--config", $0] } ?? []) + (today.map { ["--today", $0] } ?? []))
        let settings = try options.settings(project)
        let gazetteer = try options.gazetteer(settings, project)
        let wanted = try Self.level(level)
        let target = try Self.area(area, level: wanted, in: gazetteer)
        var template: Network?
        if let sourcePath, let from {
            guard let data = FileManager.default.contents(atPath: sourcePath),
                  let text = NetworkParser.decodedText(Array(data)) else {
                throw ValidationError("cannot read \(from)")
            }
            let (file, _) = NetworkParser.parse(text: text, path: from, contentPath: from)
            guard let network = file.network else {
                throw ValidationError("\(from) is not a network file that savnet can read: run `savnet check` on it first")
            }
            template = network
        }
        let text = NetworkTemplate(area: target, gazetteer: gazetteer, start: try options.resolvedToday(), from: template).text
        let path = settings.content + "/" + NetworkTemplate.relativePath(of: target)
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        do {
            try FileWriting.write(text, to: path, replacing: false)
        } catch let failure as FileWriting.Failure {
            throw ValidationError("\(failure)")
        }
        print(ContentCheck.displayPath(path))
        Console.status("wrote \(ContentCheck.displayPath(path)) for \(target.qualifiedNameTH) (\(target.code)): "
            + "fill in the names, the order and the term, then run `savnet check`")
    }

    /// The level named by `text`, in English or Thai.
    static func level(_ text: String) throws -> Level {
        let names: [String: Level] = [
            "national": .national, "province": .province, "district": .district, "subdistrict": .subdistrict,
            "ประเทศ": .national, "จังหวัด": .province, "อำเภอ": .district, "ตำบล": .subdistrict,
        ]
        guard let level = names[text.lowercased()] else {
            throw ValidationError("'\(text)' is not a level: use province, district, subdistrict or national")
        }
        return level
    }

    /// The area at `level` named by `text` (a code or a name).
    static func area(_ text: String?, level: Level, in gazetteer: Gazetteer) throws -> Area {
        if level == .national { return Area.national }
        guard let text, !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ValidationError("name the \(level.rawValue): a DOPA code or a name (find one with `savnet areas NAME`)")
        }
        let code = ThaiNumerals.toArabic(text.trimmingCharacters(in: .whitespaces))
        if code.allSatisfy(\.isNumber) {
            guard let area = gazetteer.area(code) else {
                throw ValidationError("no area has the code \(code) (find codes with `savnet areas NAME`)")
            }
            guard area.level == level else {
                throw ValidationError("\(code) is the \(area.level.rawValue) \(area.nameEN) (\(area.nameTH)), not a \(level.rawValue)")
            }
            return area
        }
        let hits = gazetteer.search(text).filter { $0.level == level }
        guard let best = hits.first else {
            throw ValidationError("no \(level.rawValue) is named '\(text)' (try `savnet areas \(text)`)")
        }
        let exact = hits.filter { Gazetteer.searchKey($0.nameTH, dropPrefix: false) == Gazetteer.searchKey(text, dropPrefix: true)
            || Gazetteer.searchKey($0.nameEN, dropPrefix: false) == Gazetteer.searchKey(text, dropPrefix: true) }
        if exact.count == 1 { return exact[0] }
        if exact.isEmpty, hits.count == 1 { return best }
        let listed = (exact.isEmpty ? hits : exact).prefix(8)
            .map { "\($0.code) " + AreaListing.pathText($0, gazetteer) }.joined(separator: "; ")
        throw ValidationError("'\(text)' could be more than one \(level.rawValue): \(listed); give the code")
    }
}

/// The text of a new network file.
struct NetworkTemplate {
    let area: Area
    let gazetteer: Gazetteer
    let start: CalendarDate
    let from: Network?

    /// Where the file of `area` goes inside the content folder.
    static func relativePath(of area: Area) -> String { AreaCode(unchecked: area.code).contentPath }

    /// The official who signs the appointment order of a network of `area`.
    var signerTitle: String {
        switch area.level {
        case .national: return "อธิบดีกรมการพัฒนาชุมชน"
        case .province: return "ผู้ว่าราชการจังหวัด" + area.nameTH
        case .district: return area.nameTH.hasPrefix("เขต") ? "ผู้อำนวยการเขต" + area.nameTH.dropFirst(3) : "นายอำเภอ" + area.nameTH
        case .subdistrict:
            guard let district = area.parentCode.flatMap(gazetteer.area) else { return "" }
            return district.nameTH.hasPrefix("เขต") ? "ผู้อำนวยการ" + district.nameTH : "นายอำเภอ" + district.nameTH
        }
    }

    /// The network's standard name.
    var networkName: String { "เครือข่ายกลุ่มออมทรัพย์เพื่อการผลิต" + (area.code.isEmpty ? "ระดับประเทศ" : area.qualifiedNameTH) }

    /// The positions to list: the template's 20, or the other file's in its order.
    var positions: [String] {
        if let from, !from.committee.isEmpty { return from.committeeInTemplateOrder.map(\.positionTitle) }
        var list: [String] = []
        for position in Position.allCases {
            let seats = position == .viceChair ? 2 : position == .member ? 6 : 1
            list += Array(repeating: position.thaiName, count: seats)
        }
        return list
    }

    var text: String {
        var out = "---\n"
        out += "level: \(area.level.rawValue)\n"
        if !area.code.isEmpty { out += "area: \"\(area.code)\"\n" }
        out += "order:\n"
        out += "  number: \"\"  # the appointment order's number, e.g. 12/\(start.buddhistYear)\n"
        out += "  date:  # the order's date, e.g. \(start.buddhistISO)\n"
        out += "  signer: \"\"  # the name of who signed it\n"
        out += "  signer_title: \(Self.quoted(signerTitle))\n"
        out += "term:\n"
        out += "  start: \(start.buddhistISO)\n"
        out += "committee:\n"
        out += representedComment
        for position in positions {
            out += "  - position: \(position)\n"
            out += "    title: \"\"\n"
            out += "    name: \"\"\n"
            if area.level != .national { out += "    represents: \"\"\n" }
        }
        if area.level == .subdistrict {
            out += "groups:  # the village savings groups the network joins: one entry per group\n"
            out += "  - village: 1\n"
            out += "    name: \"\"\n"
        }
        if area.level == .district {
            out += "nominees:  # the chair and one member, as reported to the province\n"
            out += "  reported:\n"
            out += "  names: []\n"
        }
        out += funds
        if let activities = from?.plan?.activities, !activities.isEmpty {
            out += "plan:\n"
            out += "  fiscal_year: \(start.buddhistYear + (start.month >= 10 ? 1 : 0))\n"
            out += "  activities:\n"
            for activity in activities {
                out += "    - name: \(Self.quoted(activity.name.value))\n"
                if !activity.months.isEmpty { out += "      months: [\(activity.months.map { String($0.value) }.joined(separator: ", "))]\n" }
                if let responsible = activity.responsible { out += "      responsible: \(Self.quoted(responsible.value))\n" }
            }
        }
        out += "---\n\n# \(networkName)\n"
        return out
    }

    /// A comment listing the areas one level down that members represent.
    private var representedComment: String {
        switch area.level {
        case .national:
            return ""
        case .subdistrict:
            return "  # represents: the village number (หมู่ที่) of one of the groups below, at least one member for each group\n"
        case .province, .district:
            let children = gazetteer.children(of: area.code)
            let noun = area.level == .district ? "subdistrict" : "district"
            var out = "  # represents: the code of the \(noun) the member represents, at least one member for each of these \(children.count):\n"
            var line = "  #  "
            for child in children {
                let item = " \(child.code) \(child.nameTH)"
                if line.count + item.count > 90 {
                    out += line + "\n"
                    line = "  #  "
                }
                line += item
            }
            return out + line + "\n"
        }
    }

    /// Fund sources and accounts: the other file's sources and signatories, or the usual ones.
    private var funds: String {
        var out = "funds:\n"
        let sources = from?.funds?.sources.map(\.value) ?? []
        out += "  sources: [\((sources.isEmpty ? ["fundraising", "group-contributions", "government", "other"] : sources).map(Self.quoted).joined(separator: ", "))]\n"
        out += "  accounts:\n"
        let accounts = from?.funds?.accounts ?? []
        if accounts.isEmpty {
            out += "    - bank: \"\"\n"
            out += "      name: \(Self.quoted(networkName))\n"
            out += "      signatories: [ประธานเครือข่าย, รองประธาน, เหรัญญิก]\n"
            out += "      withdrawal: {required: 2, always: ประธานเครือข่าย}\n"
        }
        for account in accounts {
            out += "    - bank: \(Self.quoted(account.bank?.value ?? ""))\n"
            out += "      name: \(Self.quoted(networkName))\n"
            if !account.signatories.isEmpty { out += "      signatories: [\(account.signatories.map { Self.quoted($0.value) }.joined(separator: ", "))]\n" }
            if let required = account.required?.value {
                out += "      withdrawal: {required: \(required)" + (account.always.map { ", always: \(Self.quoted($0.value))" } ?? "") + "}\n"
            }
        }
        return out
    }

    /// `text` as a YAML value: plain when that reads back the same, else double-quoted.
    static func quoted(_ text: String) -> String {
        let plain = !text.isEmpty && text.unicodeScalars.allSatisfy { scalar in
            !":#{}[],&*!|>'\"%@`\\".unicodeScalars.contains(scalar) && scalar.value >= 0x20
        } && !text.hasPrefix(" ") && !text.hasSuffix(" ") && !text.hasPrefix("-") && !text.hasPrefix("?")
            && Double(text) == nil && !["true", "false", "null", "yes", "no", "~"].contains(text.lowercased())
        if plain { return text }
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { out += String(format: "\\x%02X", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }
}
