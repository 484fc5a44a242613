import SavnetModel

/// Machine-readable data beside the pages: `network.json` per network and the whole
/// directory as Popolo-style organizations, posts, persons and memberships. Only public
/// facts: names and positions from the orders; contacts only with consent.
struct DataExport {
    let site: SiteContext

    /// `network.json` of one network.
    static func networkFile(_ network: Network, area: Area) -> OutputFile {
        var json = JSONWriter(capacity: 4096)
        NetworkRecord(network, area: area).write(into: &json)
        return OutputFile(path: SitePaths.folder(area.code) + "network.json", bytes: json.bytes + [0x0A])
    }

    /// `directory.json`: every network in the Popolo vocabulary.
    func directoryFile() -> OutputFile {
        var popolo = Popolo()
        for (area, network) in site.publishedNetworks { popolo.add(NetworkRecord(network, area: area), gazetteer: site.gazetteer) }
        var json = JSONWriter(capacity: 1 << 20)
        popolo.write(into: &json)
        return OutputFile(path: "directory.json", bytes: json.bytes + [0x0A])
    }
}

/// One network as JSON.
struct NetworkRecord {
    struct MemberRecord { var position: String, positionTH: String, name: String, represents: String? }

    var id: String, area: String, level: String, name: String, areaName: String
    var orderNumber: String?, orderDate: String?, termStart: String?, termEnd: String?
    var committee: [MemberRecord]
    var network: Network

    init(_ network: Network, area: Area) {
        self.network = network
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
    }

    /// The record with keys in sorted order.
    func write(into json: inout JSONWriter) {
        json.beginObject()
        json.key("area"); json.string(area)
        json.field("area_name", areaName)
        json.key("committee"); json.beginArray()
        for member in committee {
            json.beginObject()
            json.field("name", member.name)
            json.field("position", member.position)
            json.field("position_th", member.positionTH)
            json.field("represents", member.represents)
            json.endObject()
        }
        json.endArray()
        json.key("contacts"); json.beginArray()
        for contact in network.contacts where contact.consent?.value == true {
            json.beginObject()
            json.field("email", contact.email?.value)
            json.field("name", contact.name?.value)
            json.field("phone", contact.phone?.value)
            json.endObject()
        }
        json.endArray()
        json.field("finance_as_of", network.finance?.asOf?.value.iso)
        if let balance = network.finance?.fundBalance?.value { json.key("finance_fund_balance"); json.number(balance) }
        json.key("fund_sources"); json.beginArray()
        for source in network.funds?.sources ?? [] { json.string(FundSource(text: source.value)?.rawValue ?? source.value) }
        json.endArray()
        json.key("groups"); json.beginArray()
        for group in network.groups {
            json.beginObject()
            if let members = group.members?.value { json.key("members"); json.number(members) }
            json.field("name", group.name?.value)
            if let savings = group.savings?.value { json.key("savings"); json.number(savings) }
            json.key("village"); json.number(group.village.value)
            json.endObject()
        }
        json.endArray()
        json.field("id", id)
        json.field("level", level)
        json.field("name", name)
        json.field("order_date", orderDate)
        json.field("order_number", orderNumber)
        json.field("term_end", termEnd)
        json.field("term_start", termStart)
        json.endObject()
    }
}

/// The directory in the Popolo vocabulary (organizations, posts, persons, memberships),
/// written straight to JSON with keys in sorted order.
struct Popolo {
    private var organizations: [(id: String, record: NetworkRecord, parent: String?)] = []
    private var personIDs: [String: String] = [:]

    mutating func add(_ record: NetworkRecord, gazetteer: Gazetteer) {
        let parent = gazetteer.area(record.area)?.parentCode.map { "network-" + ($0.isEmpty ? "th" : $0) }
        organizations.append((record.id, record, parent))
        for member in record.committee { _ = personID(member.name) }
    }

    func write(into json: inout JSONWriter) {
        let ordered = organizations.sorted { $0.id < $1.id }
        json.beginObject()
        json.key("memberships"); json.beginArray()
        for (_, record, _) in ordered {
            forEachPost(record) { postID, member in
                json.beginObject()
                json.field("end_date", record.termEnd)
                json.field("id", postID + "/membership")
                json.field("on_behalf_of_area_id", member.represents)
                json.field("organization_id", record.id)
                json.field("person_id", personIDs[member.name])
                json.field("post_id", postID)
                json.field("role", member.positionTH)
                json.field("start_date", record.termStart)
                json.endObject()
            }
        }
        json.endArray()
        json.key("organizations"); json.beginArray()
        for (id, record, parent) in ordered {
            json.beginObject()
            json.field("area_id", record.area.isEmpty ? "th" : record.area)
            json.field("classification", "network-" + record.level)
            json.field("id", id)
            json.field("name", record.name)
            json.field("parent_id", parent)
            json.endObject()
        }
        json.endArray()
        json.key("persons"); json.beginArray()
        for (name, id) in personIDs.sorted(by: { $0.value < $1.value }) {
            json.beginObject()
            json.field("id", id)
            json.field("name", name)
            json.endObject()
        }
        json.endArray()
        json.key("posts"); json.beginArray()
        for (_, record, _) in ordered {
            forEachPost(record) { postID, member in
                json.beginObject()
                json.field("id", postID)
                json.field("label", member.positionTH)
                json.field("organization_id", record.id)
                json.field("role", member.position)
                json.endObject()
            }
        }
        json.endArray()
        json.endObject()
    }

    /// Each member's post id: `network-8409/vice-chair-2`.
    private func forEachPost(_ record: NetworkRecord, _ body: (String, NetworkRecord.MemberRecord) -> Void) {
        var seats: [String: Int] = [:]
        for member in record.committee {
            let seat = (seats[member.position] ?? 0) + 1
            seats[member.position] = seat
            body("\(record.id)/\(member.position)-\(seat)", member)
        }
    }

    /// A stable id per distinct name (FNV-1a of the name without spaces).
    private mutating func personID(_ name: String) -> String {
        if let id = personIDs[name] { return id }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in name.utf8 where byte != 0x20 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let id = "person-" + String(hash, radix: 16)
        personIDs[name] = id
        return id
    }
}
