import Foundation
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
        return OutputFile(path: Route(kind: .data, code: AreaCode(unchecked: area.code)).path, bytes: json.bytes + [0x0A])
    }

    /// The published networks with their areas, in file order.
    private var published: [(NetworkFile, Area)] { site.publishedNetworks.map { ($0.file, $0.area) } }

    /// The published networks of `code` and, when `deep`, of every area below it, in file
    /// order.
    private func publishedNetworks(under code: String, deep: Bool = true) -> [(NetworkFile, Area)] {
        var codes = [code]
        if deep {
            for district in site.gazetteer.childCodes(of: code) {
                codes.append(district)
                codes += site.gazetteer.childCodes(of: district)
            }
        }
        var entries: [(NetworkFile, Area)] = []
        for code in codes {
            guard let area = site.gazetteer.area(code) else { continue }
            for file in site.directory.files(claiming: code) where file.isInPlace { entries.append((file, area)) }
        }
        return entries.sorted { $0.0.path < $1.0.path }
    }

    /// The site's directory data, split so that no file holds the whole country: each
    /// province's networks in the Popolo vocabulary in `PP/directory.json`, and
    /// `directory.json` with the national network (if any) and an index of the province
    /// files. Each network's part is copied from the last file written when `fragments`
    /// holds it for the same file, so that after an edit only the edited networks are
    /// written again.
    /// `only`, when given, names the groups whose files are wanted (the others are known
    /// to be unchanged): provinces, and "" for `directory.json`. Without "", the caller
    /// also vouches that no file came, went or moved to another area since the last
    /// files (so which networks are published is as it was): only the named provinces'
    /// networks are looked at.
    func directoryFiles(fragments: DirectoryFragments? = nil, only: Set<String>? = nil) -> [OutputFile] {
        var files: [OutputFile] = []
        directoryFiles(fragments: fragments, only: only) { files.append($0) }
        return files
    }

    /// The same files, each handed to `emit` as soon as it is made (a build writes one
    /// province's file while making the next, rather than holding them all).
    func directoryFiles(fragments: DirectoryFragments? = nil, only: Set<String>? = nil, emit: (OutputFile) -> Void) {
        if let only, !only.contains("") {
            // Parents are in the province, or the national network.
            let national = publishedNetworks(under: "", deep: false).isEmpty ? [] : [""]
            for province in only.sorted() {
                let entries = publishedNetworks(under: province)
                guard !entries.isEmpty else { continue }
                let existing = Set(entries.map(\.1.code) + national)
                let path = DirectoryFragments.path(ofGroup: province)
                emit(OutputFile(path: path, bytes: popolo(entries, path: path, fragments: fragments, existing: existing)))
            }
            return
        }
        let published = self.published
        var groups: [String: [(NetworkFile, Area)]] = [:]
        for entry in published { groups[DirectoryFragments.group(of: entry.1.code), default: []].append(entry) }
        let gazetteer = site.gazetteer
        // An organisation's parent is named only when that network exists.
        let existing = Set(published.map(\.1.code))
        fragments?.use(existing: existing)
        for province in groups.keys.sorted() where !province.isEmpty && only?.contains(province) != false {
            let path = DirectoryFragments.path(ofGroup: province)
            emit(OutputFile(path: path, bytes: popolo(groups[province]!, path: path, fragments: fragments, existing: existing)))
        }
        let index: (inout JSONWriter) -> Void = { json in
            json.key("provinces"); json.beginArray()
            for province in groups.keys.sorted() where !province.isEmpty {
                guard let area = gazetteer.area(province) else { continue }
                json.beginObject()
                json.field("id", province)
                json.field("name", area.qualifiedNameTH)
                json.field("name_en", area.nameEN)
                json.key("networks"); json.number(groups[province]!.count)
                json.field("url", DirectoryFragments.path(ofGroup: province))
                json.endObject()
            }
            json.endArray()
        }
        if only?.contains("") != false {
            emit(OutputFile(path: "directory.json", bytes: popolo(groups[""] ?? [], path: "directory.json",
                                                                  fragments: fragments, existing: existing, extra: index)))
        }
    }

    /// Every published network in one Popolo file (for `savnet export`); an organisation
    /// names its parent only when the parent network is part of the file.
    func directoryFile() -> OutputFile {
        let all = published
        let existing = Set(all.map(\.1.code))
        return OutputFile(path: "directory.json", bytes: popolo(all, path: nil, fragments: nil, existing: existing))
    }

    /// The Popolo document of `networks`; `path` names the file in `fragments`.
    private func popolo(_ networks: [(NetworkFile, Area)], path: String?, fragments: DirectoryFragments?, existing: Set<String>?,
                        extra: ((inout JSONWriter) -> Void)? = nil) -> [UInt8] {
        let (previous, reusable) = path.flatMap { fragments?.reusable(networks.map(\.0), in: $0) }
            ?? ([], Array(repeating: nil, count: networks.count))
        let gazetteer = site.gazetteer
        let fresh = ParallelMap.map(Array(zip(networks, reusable))) { entry, spans -> Popolo.Fragment? in
            spans == nil ? Popolo.Fragment(NetworkRecord(entry.0.network!, area: entry.1), gazetteer: gazetteer, existing: existing) : nil
        }
        let parts = zip(reusable, fresh).map { spans, fragment -> Popolo.Part in
            if let spans { return .reused(spans) }
            return .fresh(fragment!)
        }
        var json = JSONWriter(capacity: max(previous.count + (1 << 16), 1 << 16))
        let spans = Popolo.write(networks.map(\.0), parts, previous: previous, gazetteer: gazetteer, extra: extra, into: &json)
        json.append(0x0A)
        if let path {
            fragments?.keep(json.bytes, in: path, spans: Dictionary(zip(networks.map(\.0.path), zip(networks.map(\.0), spans)).map { ($0.0, $0.1) },
                                                                   uniquingKeysWith: { $1 }))
        }
        return json.bytes
    }
}

/// Where one network's parts sit in a `directory.json`.
public struct DirectorySpans: Equatable, Sendable {
    public var memberships: Range<Int>
    public var organization: Range<Int>
    public var posts: Range<Int>

    public init(memberships: Range<Int>, organization: Range<Int>, posts: Range<Int>) {
        (self.memberships, self.organization, self.posts) = (memberships, organization, posts)
    }
}

/// The last directory files written and where each network's parts are in them, so the
/// next ones copy the parts of files that did not change. A network's part lives in its
/// group's file: its province's `PP/directory.json`, or `directory.json` for the national
/// network. A part is reused only for the very same file object: an edited file is a new
/// object.
public final class DirectoryFragments: @unchecked Sendable {
    private let lock = NSLock()
    private var previous: [String: [UInt8]] = [:]
    private var byPath: [String: (file: NetworkFile, spans: DirectorySpans)] = [:]
    /// The network files each directory file held when it was last kept.
    private var keysByFile: [String: [String]] = [:]
    private let keepsBytes: Bool
    /// The areas with networks when the kept parts were written: an organisation names its
    /// parent only when the parent's network exists, so the parts go stale when this changes.
    private var existing: Set<String>?

    /// An empty store. With `keepsBytes: false` only the spans are kept after writing, and
    /// the bytes must come back through `attach(_:to:)` (read from the output).
    public init(keepsBytes: Bool = true) {
        self.keepsBytes = keepsBytes
    }

    /// The group of the network of area `code`: its province, or "" for the national one.
    public static func group(of code: String) -> String { AreaCode(unchecked: code).ancestor(at: .province)?.value ?? "" }

    /// The site file that holds a group's networks.
    public static func path(ofGroup group: String) -> String { group.isEmpty ? "directory.json" : group + "/directory.json" }

    /// The group whose file is at `path` (one of the directory files).
    public static func group(ofPath path: String) -> String { path == "directory.json" ? "" : String(path.prefix(2)) }

    /// Whether `path` is one of the directory files: `directory.json`, or `PP/directory.json`
    /// for a province code `PP` (digits, or the capital letters an areas file may use too:
    /// a build after an edit took `A0/directory.json` for some other file, and removed it).
    public static func isDirectoryFile(_ path: String) -> Bool {
        guard path != "directory.json" else { return true }
        let bytes = path.utf8
        return bytes.count == 17 && path.hasSuffix("/directory.json")
            && bytes.prefix(2).allSatisfy { (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) }
    }

    /// The last bytes of the file at `path` and, for each network file, its spans in them
    /// when they can be reused.
    func reusable(_ files: [NetworkFile], in path: String) -> ([UInt8], [DirectorySpans?]) {
        lock.lock()
        defer { lock.unlock() }
        guard let bytes = previous[path], !bytes.isEmpty else { return ([], Array(repeating: nil, count: files.count)) }
        return (bytes, files.map { file in
            guard let entry = byPath[file.path], entry.file === file,
                  [entry.spans.memberships, entry.spans.organization, entry.spans.posts].allSatisfy({ $0.upperBound <= bytes.count })
            else { return nil }
            return entry.spans
        })
    }

    /// Remembers the file written at `path` and where its networks' parts are.
    func keep(_ bytes: [UInt8], in path: String, spans: [String: (NetworkFile, DirectorySpans)]) {
        lock.lock()
        defer { lock.unlock() }
        previous[path] = keepsBytes ? bytes : []
        for key in keysByFile[path] ?? [] { byPath[key] = nil }
        for (key, entry) in spans { byPath[key] = (file: entry.0, spans: entry.1) }
        keysByFile[path] = Array(spans.keys)
    }

    /// The spans of each file, by content path, for the build cache.
    public var spans: [String: DirectorySpans] {
        lock.lock()
        defer { lock.unlock() }
        var result: [String: DirectorySpans] = [:]
        for (_, entry) in byPath { result[entry.file.contentPath] = entry.spans }
        return result
    }

    /// Restores spans saved with `spans` for the given files (those whose content did not
    /// change since); they are used once `attach(_:to:)` gives the bytes they point into.
    /// `existing`: the areas with networks in the build the spans come from.
    public func restore(spans saved: [String: DirectorySpans], files: [NetworkFile], existing: Set<String>) {
        lock.lock()
        defer { lock.unlock() }
        self.existing = existing
        previous = [:]
        byPath = [:]
        keysByFile = [:]
        for file in files {
            guard let spans = saved[file.contentPath], let code = file.outline?.area else { continue }
            byPath[file.path] = (file, spans)
            keysByFile[Self.path(ofGroup: Self.group(of: code)), default: []].append(file.path)
        }
    }

    /// Forgets every kept part when the set of areas with networks is not the one they
    /// were written with (a parent network appeared or went away).
    func use(existing codes: Set<String>) {
        lock.lock()
        defer { lock.unlock() }
        if existing != codes {
            previous = [:]
            byPath = [:]
            keysByFile = [:]
        }
        existing = codes
    }

    /// A directory file restored spans point into, as read back from the output.
    public func attach(_ bytes: [UInt8], to path: String) {
        lock.lock()
        defer { lock.unlock() }
        previous[path] = bytes
    }
}

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
        // Members are read where they are, not copied out (a member is a large value).
        committee = network.committee.withUnsafeBufferPointer { members in
            network.committeeOrder.map { index in
                MemberRecord(position: members[index].position?.rawValue ?? "unknown",
                             positionTH: members[index].position?.thaiName ?? members[index].positionText.value,
                             name: members[index].fullName, represents: members[index].represents?.value)
            }
        }
    }

    /// The record with keys in sorted order.
    func write(into json: inout JSONWriter) {
        json.beginObject()
        json.key("advisors"); json.beginArray()
        for advisor in network.advisors {
            json.beginObject()
            json.field("honorific_prefix", advisor.title?.value)
            json.field("name", advisor.name.value)
            json.field("role", advisor.role?.value)
            json.endObject()
        }
        json.endArray()
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
        if let plan = network.plan {
            json.key("plan"); json.beginObject()
            json.key("activities"); json.beginArray()
            for activity in plan.activities {
                json.beginObject()
                if let budget = activity.budget?.value { json.key("budget"); json.number(budget) }
                json.field("indicator", activity.indicator?.value)
                json.key("months"); json.beginArray()
                for month in activity.months { json.number(month.value) }
                json.endArray()
                json.field("name", activity.name.value)
                json.field("responsible", activity.responsible.map { NetworkView.positionName($0.value) })
                json.endObject()
            }
            json.endArray()
            json.field("date", plan.date?.value.iso)
            if let year = plan.fiscalYear?.value { json.key("fiscal_year"); json.number(year) }
            json.endObject()
        }
        if let regulation = network.regulation {
            json.key("regulation"); json.beginObject()
            json.field("adopted", regulation.adopted?.value.iso)
            json.key("chapters"); json.beginArray()
            for chapter in regulation.chapters {
                json.beginObject()
                json.key("clauses"); json.beginArray()
                for clause in chapter.clauses {
                    json.beginObject()
                    json.key("number"); json.number(clause.number.value)
                    json.field("text", clause.text?.value)
                    json.endObject()
                }
                json.endArray()
                if let number = chapter.number?.value { json.key("number"); json.number(number) }
                json.field("title", chapter.title?.value)
                json.endObject()
            }
            json.endArray()
            json.field("title", regulation.title?.value)
            json.endObject()
        }
        json.field("term_end", termEnd)
        json.field("term_start", termStart)
        json.endObject()
    }
}

/// The directory in the Popolo vocabulary (organizations, posts, persons, memberships),
/// written straight to JSON with keys in sorted order.
/// The Popolo form of the directory: organisations (networks), posts (committee seats),
/// persons and memberships, each list sorted, built from per-network fragments.
enum Popolo {
    /// What one network contributes to the lists, already written as JSON elements.
    struct Fragment: Sendable {
        var memberships: [UInt8]
        var organization: [UInt8]
        var posts: [UInt8]

        /// `existing`: the areas whose networks are exported, when only links to them may be written.
        init(_ record: NetworkRecord, gazetteer: Gazetteer, existing: Set<String>? = nil) {
            let parentCode = gazetteer.area(record.area)?.parentCode.flatMap { existing == nil || existing!.contains($0) ? $0 : nil }
            let parent = parentCode.map { "network-" + ($0.isEmpty ? "th" : $0) }
            var memberships = JSONWriter(capacity: 4096)
            var posts = JSONWriter(capacity: 4096)
            Popolo.forEachPost(record) { postID, member in
                memberships.beginObject()
                memberships.field("end_date", record.termEnd)
                memberships.field("id", postID + "/membership")
                memberships.field("on_behalf_of_area_id", member.represents)
                memberships.field("organization_id", record.id)
                memberships.field("person_id", Popolo.personID(member.name))
                memberships.field("post_id", postID)
                memberships.field("role", member.positionTH)
                memberships.field("start_date", record.termStart)
                memberships.endObject()
                posts.beginObject()
                posts.field("id", postID)
                posts.field("label", member.positionTH)
                posts.field("organization_id", record.id)
                posts.field("role", member.position)
                posts.endObject()
            }
            var organization = JSONWriter(capacity: 256)
            organization.beginObject()
            organization.field("area_id", record.area.isEmpty ? "th" : record.area)
            organization.field("classification", "network-" + record.level)
            organization.field("id", record.id)
            organization.field("name", record.name)
            organization.field("parent_id", parent)
            organization.endObject()
            self.memberships = memberships.bytes
            self.posts = posts.bytes
            self.organization = organization.bytes
        }
    }

    /// A network's part: written afresh, or copied from the previous `directory.json`.
    enum Part {
        case fresh(Fragment)
        case reused(DirectorySpans)
    }

    /// Writes the whole directory: lists sorted by organisation id, persons once each,
    /// sorted by id (then name, should two names share an id). Returns where each
    /// network's parts were written.
    static func write(_ files: [NetworkFile], _ parts: [Part], previous: [UInt8], gazetteer: Gazetteer,
                      extra: ((inout JSONWriter) -> Void)? = nil, into json: inout JSONWriter) -> [DirectorySpans] {
        let order = files.indices.sorted { organizationID(files[$0]) < organizationID(files[$1]) }
        var spans = Array(repeating: [Range<Int>](), count: files.count)
        func list(_ name: StaticString, _ section: Int) {
            json.key(name)
            json.beginArray()
            var first = true
            for index in order {
                let start: Int
                switch parts[index] {
                case let .fresh(fragment):
                    let bytes = [fragment.memberships, fragment.organization, fragment.posts][section]
                    start = json.raw(bytes, first: first || bytes.isEmpty)
                    if !bytes.isEmpty { first = false }
                case let .reused(old):
                    let range = [old.memberships, old.organization, old.posts][section]
                    start = json.raw(previous[range], first: first || range.isEmpty)
                    if !range.isEmpty { first = false }
                }
                spans[index].append(start..<json.bytes.count)
            }
            json.endArray()
        }
        json.beginObject()
        writeAreas(files, gazetteer: gazetteer, into: &json)
        list("memberships", 0)
        list("organizations", 1)
        writePersons(files, into: &json)
        list("posts", 2)
        extra?(&json)
        json.endObject()
        return spans.map { DirectorySpans(memberships: $0[0], organization: $0[1], posts: $0[2]) }
    }

    /// The id of a network's organisation.
    static func organizationID(_ file: NetworkFile) -> String {
        let code = file.outline?.area ?? ""
        return "network-" + (code.isEmpty ? "th" : code)
    }

    /// Every committee member's name once, with its id, sorted by id then name bytes.
    /// Written straight from the members (no string per person): the list has 160,000
    /// entries at national scale and is rebuilt after every edit.
    /// The areas of the networks and the areas above them, sorted by code.
    static func writeAreas(_ files: [NetworkFile], gazetteer: Gazetteer, into json: inout JSONWriter) {
        var codes: Set<String> = []
        for file in files {
            var code = file.network.map { $0.area.value }
            while let current = code, !codes.contains(current), gazetteer.area(current) != nil {
                codes.insert(current)
                code = gazetteer.area(current)?.parentCode
            }
        }
        json.key("areas"); json.beginArray()
        for code in codes.sorted() {
            guard let area = gazetteer.area(code) else { continue }
            json.beginObject()
            json.field("classification", area.level.rawValue)
            json.field("id", code.isEmpty ? "th" : code)
            json.field("name", area.code.isEmpty ? area.nameTH : area.qualifiedNameTH)
            json.field("name_en", area.nameEN)
            json.field("parent_id", area.parentCode.map { $0.isEmpty ? "th" : $0 })
            json.endObject()
        }
        json.endArray()
    }

    static func writePersons(_ files: [NetworkFile], into json: inout JSONWriter) {
        let committees = files.map { $0.network?.committee ?? [] }
        // Small entries sort fast: the hash and where the member is. Members are read in
        // place, never copied.
        var persons: [(id: UInt64, file: Int32, member: Int32)] = []
        persons.reserveCapacity(files.count * 20)
        for fileIndex in committees.indices {
            for memberIndex in committees[fileIndex].indices {
                persons.append((personHash(committees[fileIndex][memberIndex]), Int32(fileIndex), Int32(memberIndex)))
            }
        }
        func title(_ entry: (id: UInt64, file: Int32, member: Int32)) -> String {
            committees[Int(entry.file)][Int(entry.member)].title?.value ?? ""
        }
        func name(_ entry: (id: UInt64, file: Int32, member: Int32)) -> String {
            committees[Int(entry.file)][Int(entry.member)].name.value
        }
        func bytes(_ entry: (id: UInt64, file: Int32, member: Int32)) -> [UInt8] {
            Array(title(entry).utf8) + Array(name(entry).utf8)
        }
        persons.sort { $0.id != $1.id ? $0.id < $1.id : bytes($0).lexicographicallyPrecedes(bytes($1)) }
        json.key("persons"); json.beginArray()
        var last: (id: UInt64, file: Int32, member: Int32)?
        for person in persons {
            if let last, last.id == person.id, bytes(last) == bytes(person) { continue }
            last = person
            json.beginObject()
            if !title(person).isEmpty { json.field("honorific_prefix", title(person)) }
            json.key("id")
            json.asciiString(personIDBytes(person.id))
            json.key("name")
            json.string(title(person), name(person))
            json.endObject()
        }
        json.endArray()
    }

    /// The hash of a member's printed name (title and name), spaces ignored.
    static func personHash(_ member: Member) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        if let title = member.title?.value {
            for byte in title.utf8 where byte != 0x20 {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01B3
            }
        }
        for byte in member.name.value.utf8 where byte != 0x20 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    static func forEachPost(_ record: NetworkRecord, _ body: (String, NetworkRecord.MemberRecord) -> Void) {
        var seats: [String: Int] = [:]
        for member in record.committee {
            let seat = (seats[member.position] ?? 0) + 1
            seats[member.position] = seat
            body("\(record.id)/\(member.position)-\(seat)", member)
        }
    }

    /// A stable id for a person's name (spaces ignored): `person-` and 16 hex digits.
    static func personID(_ name: String) -> String { personID(personHash(name)) }

    static func personID(_ hash: UInt64) -> String {
        String(decoding: personIDBytes(hash), as: UTF8.self)
    }

    static func personIDBytes(_ hash: UInt64) -> [UInt8] {
        var bytes: [UInt8] = [0x70, 0x65, 0x72, 0x73, 0x6F, 0x6E, 0x2D]  // person-
        for shift in stride(from: 60, through: 0, by: -4) {
            let digit = UInt8((hash >> UInt64(shift)) & 0xF)
            bytes.append(digit < 10 ? 0x30 + digit : 0x57 + digit)
        }
        return bytes
    }

    static func personHash(_ name: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in name.utf8 where byte != 0x20 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
