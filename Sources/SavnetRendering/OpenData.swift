import Foundation
import SavnetModel

/// The directory as open data for `savnet export`: the same published networks and the
/// same records as the site's `directory.json` and `network.json`, nothing more.
public struct OpenData {
    let site: SiteContext
    let published: [(file: NetworkFile, network: Network, area: Area)]

    public init(directory: Directory, settings: SiteSettings, today: CalendarDate) {
        site = SiteContext(directory: directory, settings: settings, today: today, searchIndexed: false)
        published = site.publishedNetworks.map { ($0.file, $0.file.network!, $0.area) }.sorted { $0.area.code < $1.area.code }
    }

    /// How many networks are exported.
    public var networkCount: Int { published.count }

    /// Organisations, posts, memberships, areas and persons in the Popolo vocabulary; an
    /// organisation links to its parent only when the parent is exported too.
    public func popolo() -> [UInt8] {
        DataExport(site: site).directoryFile().bytes
    }

    /// Every network's record, as its `network.json`, in one array.
    public func networks() -> [UInt8] {
        var json = JSONWriter(capacity: 1 << 16)
        json.beginArray()
        for entry in published { NetworkRecord(entry.network, area: entry.area).write(into: &json) }
        json.endArray()
        json.append(0x0A)
        return json.bytes
    }

    /// The columns of `memberRows()`.
    public static let memberColumns = [
        "province_code", "province", "district_code", "district", "subdistrict_code", "subdistrict", "level", "network",
        "position", "position_th", "honorific_prefix", "name", "represents", "term_start", "term_end", "order_number",
    ]

    /// One row per committee member, in the order template's order within each network.
    public func memberRows() -> [[String]] {
        let gazetteer = site.gazetteer
        var rows: [[String]] = []
        for entry in published {
            let chain = gazetteer.path(to: entry.area.code).filter { !$0.code.isEmpty }
            func part(_ level: Level) -> (String, String) {
                guard let area = chain.first(where: { $0.level == level }) else { return ("", "") }
                return (area.code, area.nameTH)
            }
            let (provinceCode, province) = part(.province)
            let (districtCode, district) = part(.district)
            let (subdistrictCode, subdistrict) = part(.subdistrict)
            let network = entry.network
            for member in network.committeeInTemplateOrder {
                rows.append([provinceCode, province, districtCode, district, subdistrictCode, subdistrict,
                             network.effectiveLevel.rawValue, network.displayName(area: entry.area),
                             member.position?.rawValue ?? "", member.position?.thaiName ?? member.positionText.value,
                             member.title?.value ?? "", member.name.value, member.represents?.value ?? "",
                             network.term?.start.value.iso ?? "", network.term?.end.iso ?? "", network.order?.number?.value ?? ""])
            }
        }
        return rows
    }
}
