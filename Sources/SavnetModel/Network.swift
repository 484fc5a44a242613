/// One network as its content file describes it. Every field read from the file keeps
/// where it was written, so rules can point at the exact line.
///
/// A value type whose fields live in one shared box, copied on the first write (as
/// `Array` does): a build hands networks around thousands of times (lookups by area,
/// page listings, the rules' scoped directories), and each copy of two dozen fields of
/// texts, lists and positions cost some hundred reference-count operations; now it
/// costs one.
public struct Network: Sendable {
    /// The level the file declares (`level:`); the area code's length must agree.
    public var level: Located<Level>? {
        _read { yield storage.level }
        _modify {
            unique()
            yield &storage.level
        }
    }
    /// The DOPA code of the area the network serves (`area:`); empty for the national network.
    public var area: Located<String> {
        _read { yield storage.area }
        _modify {
            unique()
            yield &storage.area
        }
    }
    /// The network's name, when the file gives one; otherwise derived from the area.
    public var name: Located<String>? {
        _read { yield storage.name }
        _modify {
            unique()
            yield &storage.name
        }
    }
    /// The date the network was founded.
    public var founded: Located<CalendarDate>? {
        _read { yield storage.founded }
        _modify {
            unique()
            yield &storage.founded
        }
    }
    /// The appointment order (คำสั่ง) that set up the current committee.
    public var order: AppointmentOrder? {
        _read { yield storage.order }
        _modify {
            unique()
            yield &storage.order
        }
    }
    /// The committee's term.
    public var term: Term? {
        _read { yield storage.term }
        _modify {
            unique()
            yield &storage.term
        }
    }
    /// The committee members, in file order.
    public var committee: [Member] {
        _read { yield storage.committee }
        _modify {
            unique()
            yield &storage.committee
        }
    }
    /// Where the `committee:` key is, for findings about the committee as a whole.
    public var committeeLocation: SourceLocation? {
        _read { yield storage.committeeLocation }
        _modify {
            unique()
            yield &storage.committeeLocation
        }
    }
    /// CDD officers who advise the network (regulation ข้อ ๙); not members.
    public var advisors: [Advisor] {
        _read { yield storage.advisors }
        _modify {
            unique()
            yield &storage.advisors
        }
    }
    /// For a subdistrict network: the village savings groups it joins.
    public var groups: [VillageGroup] {
        _read { yield storage.groups }
        _modify {
            unique()
            yield &storage.groups
        }
    }
    /// Where the `groups:` key is.
    public var groupsLocation: SourceLocation? {
        _read { yield storage.groupsLocation }
        _modify {
            unique()
            yield &storage.groupsLocation
        }
    }
    /// For a district network: the two people it put forward for the province committee.
    public var nominees: Nominees? {
        _read { yield storage.nominees }
        _modify {
            unique()
            yield &storage.nominees
        }
    }
    /// For a province network: the deadline for districts to name their nominees.
    public var nominationDeadline: Located<CalendarDate>? {
        _read { yield storage.nominationDeadline }
        _modify {
            unique()
            yield &storage.nominationDeadline
        }
    }
    /// What this network sent up the line (`deliverables:`), in `Deliverable` order;
    /// nominees are in `nominees`.
    public var deliveries: [Delivery] {
        _read { yield storage.deliveries }
        _modify {
            unique()
            yield &storage.deliveries
        }
    }
    /// The deadlines this network (a province, or the national file) sets (`deadlines:`).
    public var deadlines: [Deadline] {
        _read { yield storage.deadlines }
        _modify {
            unique()
            yield &storage.deadlines
        }
    }
    /// Fund sources, bank accounts and signatories.
    public var funds: Funds? {
        _read { yield storage.funds }
        _modify {
            unique()
            yield &storage.funds
        }
    }
    /// Financial figures with an as-of date.
    public var finance: Finance? {
        _read { yield storage.finance }
        _modify {
            unique()
            yield &storage.finance
        }
    }
    /// The yearly driving plan (แผนขับเคลื่อนเครือข่าย).
    public var plan: DrivingPlan? {
        _read { yield storage.plan }
        _modify {
            unique()
            yield &storage.plan
        }
    }
    /// The network's own regulation (ระเบียบเครือข่าย).
    public var regulation: Regulation? {
        _read { yield storage.regulation }
        _modify {
            unique()
            yield &storage.regulation
        }
    }
    /// Public contacts, each with explicit consent.
    public var contacts: [Contact] {
        _read { yield storage.contacts }
        _modify {
            unique()
            yield &storage.contacts
        }
    }
    /// Key paths whose value was written but could not be read (already reported), so
    /// that rules do not also call them missing.
    public var unreadableKeys: [String] {
        _read { yield storage.unreadableKeys }
        _modify {
            unique()
            yield &storage.unreadableKeys
        }
    }
    /// The province's (or the nation's) own wording of the documents' fixed text.
    public var wording: DocumentWording? {
        _read { yield storage.wording }
        _modify {
            unique()
            yield &storage.wording
        }
    }

    /// Creates a network for an area.
    public init(area: Located<String>) {
        storage = Storage(area: area)
    }

    private var storage: Storage

    /// Gives this value a box of its own before a write, when another value shares it.
    private mutating func unique() {
        if !isKnownUniquelyReferenced(&storage) { storage = Storage(copying: storage) }
    }

    /// The fields. Mutated only through `Network`'s accessors after `unique()`.
    private final class Storage: @unchecked Sendable {
        var level: Located<Level>?
        var area: Located<String>
        var name: Located<String>?
        var founded: Located<CalendarDate>?
        var order: AppointmentOrder?
        var term: Term?
        var committee: [Member] = []
        var committeeLocation: SourceLocation?
        var advisors: [Advisor] = []
        var groups: [VillageGroup] = []
        var groupsLocation: SourceLocation?
        var nominees: Nominees?
        var nominationDeadline: Located<CalendarDate>?
        var deliveries: [Delivery] = []
        var deadlines: [Deadline] = []
        var funds: Funds?
        var finance: Finance?
        var plan: DrivingPlan?
        var regulation: Regulation?
        var contacts: [Contact] = []
        var unreadableKeys: [String] = []
        var wording: DocumentWording?

        init(area: Located<String>) {
            self.area = area
        }

        init(copying other: Storage) {
            level = other.level
            area = other.area
            name = other.name
            founded = other.founded
            order = other.order
            term = other.term
            committee = other.committee
            committeeLocation = other.committeeLocation
            advisors = other.advisors
            groups = other.groups
            groupsLocation = other.groupsLocation
            nominees = other.nominees
            nominationDeadline = other.nominationDeadline
            deliveries = other.deliveries
            deadlines = other.deadlines
            funds = other.funds
            finance = other.finance
            plan = other.plan
            regulation = other.regulation
            contacts = other.contacts
            unreadableKeys = other.unreadableKeys
            wording = other.wording
        }
    }
}

/// The appointment order that set up the committee.
public struct AppointmentOrder: Sendable {
    /// The order's number, `12/2566` (number / BE year).
    public var number: Located<String>?
    /// The date it was signed.
    public var date: Located<CalendarDate>?
    /// The person who signed it (usually the district chief).
    public var signer: Located<String>?
    /// The signer's title, `นายอำเภอพุนพิน`.
    public var signerTitle: Located<String>?
    /// The acting line, when the signer acts for someone (`ปฏิบัติราชการแทนผู้ว่าราชการจังหวัด…`).
    public var acting: Located<String>?
    /// Where the `order:` key is.
    public var location: SourceLocation

    /// Creates an empty order at a location.
    public init(location: SourceLocation) {
        self.location = location
    }
}

/// The committee's term of office: 4 years from its start (regulation ข้อ ๘).
public struct Term: Sendable {
    /// The regulation's term length in years.
    public static let years = 4

    /// The first day of the term.
    public var start: Located<CalendarDate>

    /// Creates a term.
    public init(start: Located<CalendarDate>) {
        self.start = start
    }

    /// The last day of the term: the day before the fourth anniversary of its start.
    public var end: CalendarDate {
        let anniversary = start.value.adding(years: Term.years)
        return anniversary.previousDay
    }
}

/// One committee member.
public struct Member: Sendable {
    /// The position as written in the file.
    public var positionText: Located<String>
    /// The canonical position it was read as, if any.
    public var position: Position?
    /// Honorific (นาย, นาง, นางสาว …).
    public var title: Located<String>?
    /// Given name and family name.
    public var name: Located<String>
    /// Whom the member represents: a village number (subdistrict committee), a subdistrict
    /// code (district committee) or a district code (province committee).
    public var represents: Located<String>?
    /// Where the member's entry starts.
    public var location: SourceLocation

    /// Creates a member.
    public init(positionText: Located<String>, position: Position?, name: Located<String>, location: SourceLocation) {
        self.positionText = positionText
        self.position = position
        self.name = name
        self.location = location
    }

    /// Title and name as printed: `นายสมชาย ใจดี`.
    public var fullName: String { (title?.value ?? "") + name.value }

    /// The position as pages and documents print it: the template's name, or a numbered
    /// vice-chair as written (`รองประธานคนที่ 1`).
    public var positionTitle: String {
        if position == .viceChair, let number = PositionName.ordinal(positionText.value) { return "รองประธานคนที่ \(number)" }
        return position?.thaiName ?? positionText.value
    }
}

/// A CDD officer advising the network.
public struct Advisor: Sendable {
    /// Honorific.
    public var title: Located<String>?
    /// Name.
    public var name: Located<String>
    /// Official position, `นักวิชาการพัฒนาชุมชนชำนาญการ`.
    public var role: Located<String>?

    /// Creates an advisor.
    public init(name: Located<String>) {
        self.name = name
    }
}

/// A village savings group joined to a subdistrict network.
public struct VillageGroup: Sendable {
    /// Village number (หมู่ที่).
    public var village: Located<Int>
    /// The group's name.
    public var name: Located<String>?
    /// Number of members.
    public var members: Located<Int>?
    /// Savings balance in baht.
    public var savings: Located<Double>?

    /// Creates a group.
    public init(village: Located<Int>) {
        self.village = village
    }
}

/// The two people a district network puts forward for the province committee.
extension VillageGroup {
    /// The village number of `3`, `๓`, `หมู่ที่ 3`, `หมู่ 3` or `ม.3`.
    public static func number(from text: String) -> Int? {
        // The digits after the village prefix: found and cut as bytes, unless the text holds
        // a space other than ASCII's.
        var plain: String
        if let squeezed = ThaiText.squeezedBytes(text) {
            var rest = squeezed[...]
            if let prefix = villagePrefixBytes.first(where: { rest.starts(with: $0) }) { rest = rest.dropFirst(prefix.count) }
            guard rest.count <= 12 else { return nil }  // more than three characters, in any script
            plain = ThaiNumerals.toArabic(String(decoding: rest, as: UTF8.self))
        } else {
            plain = ThaiNumerals.toArabic(text).filter { !$0.isWhitespace }
            if let prefix = villagePrefixes.first(where: plain.hasPrefix) { plain = String(plain.dropFirst(prefix.count)) }
        }
        guard plain.count <= 3, let number = Int(plain), number > 0 else { return nil }
        return number
    }

    private static let villagePrefixes = ["หมู่ที่", "หมู่", "ม."]
    private static let villagePrefixBytes = villagePrefixes.map { Array($0.utf8) }
}

public struct Nominees: Sendable {
    /// The date the district reported them to the province.
    public var reported: Located<CalendarDate>?
    /// The number of the letter that reported them, if given.
    public var letter: Located<String>?
    /// The nominees' names, as written in the committee list.
    public var names: [Located<String>]
    /// Where the `nominees:` key is.
    public var location: SourceLocation

    /// Creates nominees.
    public init(names: [Located<String>], location: SourceLocation) {
        self.names = names
        self.location = location
    }
}

/// A public contact; a phone number is published only with the person's consent.
public struct Contact: Sendable {
    /// Who or which office.
    public var name: Located<String>?
    /// Phone number, as written.
    public var phone: Located<String>?
    /// E-mail address.
    public var email: Located<String>?
    /// Whether the person agreed to publish these details.
    public var consent: Located<Bool>?
    /// Where the entry starts.
    public var location: SourceLocation

    /// Creates a contact.
    public init(location: SourceLocation) {
        self.location = location
    }
}
