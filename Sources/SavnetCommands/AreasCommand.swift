import ArgumentParser
import SavnetModel

/// `savnet areas [CODE|NAME]`: look areas up in the bundled gazetteer.
struct AreasCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "areas",
        abstract: "Look up Thai provinces, districts and subdistricts and their DOPA codes.",
        discussion: """
        With no argument, lists the provinces. With a code, lists the areas one level below \
        it. With a Thai or English name (or part of one), lists the matching areas with their \
        code and path. Area names: GeoThai (CC BY 4.0).

        Examples:
          savnet areas              # the 77 provinces
          savnet areas 84           # Surat Thani's 19 districts
          savnet areas พุนพิน
          savnet areas "Ko Samui"
        """
    )

    @Argument(help: "A DOPA code (84, 8417, 841701) or a name, Thai or English.")
    var query: String?

    func run() throws {
        let gazetteer = Gazetteer.bundled
        guard let query, !query.isEmpty else {
            print(AreaListing.children(of: Area.national, in: gazetteer), terminator: "")
            return
        }
        let code = ThaiNumerals.toArabic(query)
        if code.allSatisfy(\.isNumber) {
            guard let area = gazetteer.area(code) else {
                throw ValidationError("no area has the code \(code): codes have 2, 4 or 6 digits (try `savnet areas` for the provinces)")
            }
            print(AreaListing.children(of: area, in: gazetteer), terminator: "")
            return
        }
        let hits = gazetteer.search(query)
        guard !hits.isEmpty else {
            throw ValidationError("no area is named '\(query)': try part of the name, in Thai or English")
        }
        print(AreaListing.matches(hits, in: gazetteer), terminator: "")
    }
}

/// Text listings of areas for the terminal.
enum AreaListing {
    /// The area's own line, then its children, one per line: `8417  พุนพิน  Phunphin`.
    static func children(of area: Area, in gazetteer: Gazetteer) -> String {
        let children = gazetteer.children(of: area.code)
        var out = area.code.isEmpty ? "" : "\(pathText(area, gazetteer))\n"
        let noun = area.level.child.map { "\($0.rawValue == "subdistrict" ? "subdistricts" : $0.rawValue == "district" ? "districts" : "provinces")" } ?? "areas"
        out += "\(children.count) \(noun)\n"
        for child in children { out += "\(child.code)\t\(child.nameTH)\t\(child.nameEN)\n" }
        return out
    }

    /// Each match with its level and path, country first.
    static func matches(_ areas: [Area], in gazetteer: Gazetteer) -> String {
        areas.map { "\($0.code)\t\($0.level.rawValue)\t\(pathText($0, gazetteer))\n" }.joined()
    }

    /// `สุราษฎร์ธานี › พุนพิน › ท่าข้าม (Surat Thani › Phunphin › Tha Kham)`.
    static func pathText(_ area: Area, _ gazetteer: Gazetteer) -> String {
        let chain = gazetteer.path(to: area.code).filter { !$0.code.isEmpty }
        return chain.map(\.nameTH).joined(separator: " › ") + " (" + chain.map(\.nameEN).joined(separator: " › ") + ")"
    }
}
