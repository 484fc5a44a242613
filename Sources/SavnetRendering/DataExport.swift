import Foundation
import SavnetModel

/// Machine-readable data beside the pages: `network.json` per network and the whole
/// directory as Popolo-style organizations, posts, persons and memberships. Only public
/// facts: names and positions from the orders; contacts only with consent.
struct DataExport {
    let site: SiteContext

    func files() -> [OutputFile] {
        var files: [OutputFile] = []
        var popolo = Popolo()
        for (file, network) in site.directory.networks {
            guard let area = site.gazetteer.area(network.area.value),
                  file.contentPath == NetworkFile.expectedContentPath(for: area.code) else { continue }
            let record = NetworkRecord(network, area: area)
            files.append(OutputFile(path: SitePaths.folder(area.code) + "network.json", bytes: Self.encode(record)))
            popolo.add(record, network: network, gazetteer: site.gazetteer)
        }
        popolo.finish()
        files.append(OutputFile(path: "directory.json", bytes: Self.encode(popolo)))
        return files
    }

    static func encode<T: Encodable>(_ value: T) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array((try? encoder.encode(value)) ?? Data("{}".utf8)) + [0x0A]
    }
}

/// One network as JSON.
struct NetworkRecord: Encodable {
    struct MemberRecord: Encodable {
        var position: String, positionTH: String, name: String, represents: String?
        enum CodingKeys: String, CodingKey { case position, positionTH = "position_th", name, represents }
    }
    struct ContactRecord: Encodable { var name: String?, phone: String?, email: String? }

    var id: String, area: String, level: String, name: String
    var areaName: String
    var orderNumber: String?, orderDate: String?, termStart: String?, termEnd: String?
    var committee: [MemberRecord]
    var groups: [[String: String]]
    var fundSources: [String]
    var fundBalance: Double?, financeAsOf: String?
    var contacts: [ContactRecord]

    enum CodingKeys: String, CodingKey {
        case id, area, level, name, areaName = "area_name", orderNumber = "order_number", orderDate = "order_date"
        case termStart = "term_start", termEnd = "term_end", committee, groups, fundSources = "fund_sources"
        case fundBalance = "fund_balance", financeAsOf = "finance_as_of", contacts
    }

    init(_ network: Network, area: Area) {
        id = "network-" + (area.code.isEmpty ? "th" : area.code)
        self.area = area.code
        level = network.effectiveLevel.rawValue
        name = network.displayName(area: area)
        areaName = area.qualifiedNameTH
        orderNumber = network.order?.number?.value
        orderDate = network.order?.date?.value.iso
        termStart = network.term?.start.value.iso
        termEnd = network.term?.end.iso
        committee = network.committeeInTemplateOrder.map {
            MemberRecord(position: $0.position?.rawValue ?? "unknown", positionTH: $0.position?.thaiName ?? $0.positionText.value,
                         name: $0.fullName, represents: $0.represents?.value)
        }
        groups = network.groups.map { group in
            var record = ["village": String(group.village.value)]
            if let name = group.name?.value { record["name"] = name }
            if let members = group.members?.value { record["members"] = String(members) }
            if let savings = group.savings?.value { record["savings"] = Format.amount(savings).replacingOccurrences(of: ",", with: "") }
            return record
        }
        fundSources = network.funds?.sources.map { FundSource(text: $0.value)?.rawValue ?? $0.value } ?? []
        fundBalance = network.finance?.fundBalance?.value
        financeAsOf = network.finance?.asOf?.value.iso
        contacts = network.contacts.filter { $0.consent?.value == true }.map {
            ContactRecord(name: $0.name?.value, phone: $0.phone?.value, email: $0.email?.value)
        }
    }
}

/// The directory in the Popolo vocabulary (organizations, posts, persons, memberships).
struct Popolo: Encodable {
    struct Organization: Encodable {
        var id: String, name: String, classification: String, area_id: String, parent_id: String?
    }
    struct Post: Encodable { var id: String, organization_id: String, label: String, role: String }
    struct Person: Encodable { var id: String, name: String }
    struct Membership: Encodable {
        var id: String, person_id: String, organization_id: String, post_id: String, role: String
        var start_date: String?, end_date: String?, on_behalf_of_area_id: String?
    }

    var organizations: [Organization] = []
    var posts: [Post] = []
    var persons: [Person] = []
    var memberships: [Membership] = []
    private var personIDs: [String: String] = [:]

    enum CodingKeys: String, CodingKey { case organizations, posts, persons, memberships }

    mutating func add(_ record: NetworkRecord, network: Network, gazetteer: Gazetteer) {
        let parent = gazetteer.area(record.area)?.parentCode.map { "network-" + ($0.isEmpty ? "th" : $0) }
        organizations.append(Organization(id: record.id, name: record.name, classification: "network-" + record.level,
                                          area_id: record.area.isEmpty ? "th" : record.area, parent_id: parent))
        var seats: [String: Int] = [:]
        for member in record.committee {
            seats[member.position, default: 0] += 1
            let postID = "\(record.id)/\(member.position)-\(seats[member.position]!)"
            posts.append(Post(id: postID, organization_id: record.id, label: member.positionTH, role: member.position))
            let personID = personID(member.name)
            memberships.append(Membership(
                id: "\(postID)/membership", person_id: personID, organization_id: record.id, post_id: postID,
                role: member.positionTH, start_date: record.termStart, end_date: record.termEnd,
                on_behalf_of_area_id: member.represents))
        }
    }

    mutating func finish() {
        persons = personIDs.map { Person(id: $0.value, name: $0.key) }.sorted { $0.id < $1.id }
        organizations.sort { $0.id < $1.id }
    }

    /// A stable id per distinct name (FNV-1a of the name without spaces).
    private mutating func personID(_ name: String) -> String {
        if let id = personIDs[name] { return id }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in name.filter({ !$0.isWhitespace }).utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let id = "person-" + String(hash, radix: 16)
        personIDs[name] = id
        return id
    }
}
