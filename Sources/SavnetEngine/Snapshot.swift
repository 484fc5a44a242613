import SavnetLoading
import SavnetModel
import SavnetRendering

/// A compact binary form of parsed content files and findings, for the build cache:
/// reading a network back from it is many times cheaper than parsing its YAML again.
///
/// The format is private to one savnet build (the cache records which build wrote it and
/// is thrown away by any other), so it carries no field names and no versioning of its
/// own. Every stored field of the model is written; a test compares a full reflection
/// dump of files before and after a round trip, and another checks that those files
/// fill every field of the model at least once, so a field added to the model but not
/// here fails them.
public struct SnapshotWriter {
    /// The bytes written so far.
    public private(set) var bytes: [UInt8] = []
    /// The path locations are usually in (the file being written); written as one byte.
    private var currentPath = ""

    /// Creates an empty writer.
    public init(capacity: Int = 4096) {
        bytes.reserveCapacity(capacity)
    }

    /// An unsigned number in 7-bit groups.
    public mutating func write(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    /// A signed number (zigzag, then in 7-bit groups).
    public mutating func write(_ value: Int) {
        write(UInt64(bitPattern: Int64((value << 1) ^ (value >> 63))))
    }

    public mutating func write(_ value: Bool) { bytes.append(value ? 1 : 0) }

    public mutating func write(_ value: Double) { write(value.bitPattern) }

    public mutating func write(_ value: String) {
        write(value.utf8.count)
        bytes.append(contentsOf: value.utf8)
    }

    /// Raw bytes with their length.
    public mutating func write(bytes value: [UInt8]) {
        write(value.count)
        bytes.append(contentsOf: value)
    }

    public mutating func write(_ value: SourceLocation) {
        if value.path == currentPath {
            write(false)
        } else {
            write(true)
            write(value.path)
        }
        write(value.line)
        write(value.column)
    }

    public mutating func write<Value>(_ value: Value?, _ body: (inout SnapshotWriter, Value) -> Void) {
        guard let value else { return write(false) }
        write(true)
        body(&self, value)
    }

    public mutating func write<Value>(_ values: [Value], _ body: (inout SnapshotWriter, Value) -> Void) {
        write(values.count)
        for value in values { body(&self, value) }
    }

    public mutating func write<Value>(_ value: Located<Value>, _ body: (inout SnapshotWriter, Value) -> Void) {
        body(&self, value.value)
        write(value.location)
    }

    /// Sets the path that locations are expected to have.
    mutating func expect(path: String) { currentPath = path }
}

/// Reads what `SnapshotWriter` wrote; throws on truncated or inconsistent bytes.
public struct SnapshotReader {
    fileprivate let bytes: [UInt8]
    /// Where reading must stop.
    fileprivate let end: Int
    /// Where the next read starts.
    public fileprivate(set) var offset: Int
    private var currentPath = ""

    /// Reads `bytes` from `offset`.
    public init(_ bytes: [UInt8], offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
        end = bytes.count
    }

    /// Reads the part `range` of `bytes` (which must lie within them) without copying it.
    public init(_ bytes: [UInt8], range: Range<Int>) {
        self.bytes = bytes
        offset = range.lowerBound
        end = range.upperBound
    }

    /// Whether everything was read.
    public var isAtEnd: Bool { offset == end }

    public mutating func readUInt64() throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < end, shift < 64 else { throw SnapshotError.corrupt }
            let byte = bytes[offset]
            offset += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return result }
            shift += 7
        }
    }

    public mutating func readInt() throws -> Int {
        let raw = try readUInt64()
        return Int(Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1))))
    }

    public mutating func readBool() throws -> Bool {
        guard offset < end else { throw SnapshotError.corrupt }
        offset += 1
        switch bytes[offset - 1] {
        case 0: return false
        case 1: return true
        default: throw SnapshotError.corrupt
        }
    }

    public mutating func readDouble() throws -> Double { Double(bitPattern: try readUInt64()) }

    public mutating func readString() throws -> String {
        let count = try readInt()
        guard count >= 0, count <= end - offset else { throw SnapshotError.corrupt }
        defer { offset += count }
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[offset..<offset + count]), as: UTF8.self) }
    }

    public mutating func readBytes() throws -> [UInt8] {
        let count = try readInt()
        guard count >= 0, count <= end - offset else { throw SnapshotError.corrupt }
        defer { offset += count }
        return Array(bytes[offset..<offset + count])
    }

    public mutating func readLocation() throws -> SourceLocation {
        let path = try readBool() ? try readString() : currentPath
        return SourceLocation(path: path, line: try readInt(), column: try readInt())
    }

    public mutating func readOptional<Value>(_ body: (inout SnapshotReader) throws -> Value) throws -> Value? {
        try readBool() ? try body(&self) : nil
    }

    public mutating func readArray<Value>(_ body: (inout SnapshotReader) throws -> Value) throws -> [Value] {
        let count = try readInt()
        guard count >= 0, count <= end - offset else { throw SnapshotError.corrupt }
        var values: [Value] = []
        values.reserveCapacity(min(count, 1 << 16))
        for _ in 0..<count { values.append(try body(&self)) }
        return values
    }

    public mutating func readLocated<Value>(_ body: (inout SnapshotReader) throws -> Value) throws -> Located<Value> {
        let value = try body(&self)
        return Located(value, at: try readLocation())
    }

    mutating func expect(path: String) { currentPath = path }
}

/// Snapshot bytes that cannot be read back.
public enum SnapshotError: Error, Equatable {
    case corrupt
}

// MARK: - Content files

public extension SnapshotWriter {
    /// A content file: everything parsed from it, and its text only when `includeRaw`
    /// (the cache rereads the file itself and leaves the text out).
    mutating func write(_ file: NetworkFile, includeRaw: Bool) {
        write(file.path)
        expect(path: file.path)
        write(file.contentPath)
        write(includeRaw)
        if includeRaw { write(file.raw) }
        write(file.bodyStartLine)
        write(file.body)
        write(file.longNumbers) { writer, hit in
            writer.write(hit.digits)
            writer.write(hit.line)
            writer.write(hit.column)
        }
        // The outline first, then the network behind its length, so that a reader can
        // leave the network to be decoded when asked for.
        write(file.outline) { writer, outline in
            writer.write(outline.area)
            writer.write(outline.lastChanged) { $0.write($1) }
            writer.write(outline.people) { writer, person in
                writer.write(person.hash)
                writer.write(person.check)
                writer.write(Int(person.line))
                writer.write(Int(person.member))
            }
            writer.write(outline.figures)
            writer.write(outline.termEnd) { $0.write($1) }
        }
        guard let network = file.network else { return }
        var networkWriter = SnapshotWriter()
        networkWriter.expect(path: file.path)
        networkWriter.write(network)
        write(bytes: networkWriter.bytes)
    }

    mutating func write(_ diagnostic: Diagnostic) {
        write(diagnostic.rule)
        write(Severity.allCases.firstIndex(of: diagnostic.severity)!)
        write(diagnostic.location)
        write(diagnostic.message)
        write(diagnostic.hint) { $0.write($1) }
        write(diagnostic.clause) { $0.write($1) }
    }

    mutating func write(_ text: Localized) {
        write(text.th)
        write(text.en)
    }

    mutating func write(_ figures: RollUp) {
        write(figures.groups)
        write(figures.members)
        write(figures.savings)
        write(figures.fundBalance)
        write(figures.networks)
        write(figures.asOfRange) { writer, range in
            writer.write(range.lowerBound)
            writer.write(range.upperBound)
        }
        write(figures.expired)
        write(figures.expiring)
    }

    mutating func write(_ date: CalendarDate) {
        write(date.year)
        write(date.month)
        write(date.day)
    }
}

public extension SnapshotReader {
    /// A content file written by `write(_:includeRaw:)`; `raw` supplies the text when it
    /// was left out.
    /// A file; its text is the one saved with it, if any, or what `raw` gives when asked.
    mutating func readFile(raw: @escaping @Sendable () -> String) throws -> NetworkFile {
        let path = try readString()
        expect(path: path)
        let contentPath = try readString()
        let saved = try readBool() ? try readString() : nil
        let bodyStartLine = try readInt()
        let body = try readString()
        let numbers = try readArray { reader in
            NumberScanner.Hit(digits: try reader.readString(), line: try reader.readInt(), column: try reader.readInt())
        }
        let outline = try readOptional { reader in
            NetworkOutline(area: try reader.readString(), lastChanged: try reader.readOptional { try $0.readDate() },
                           people: try reader.readArray { reader in
                               PersonKey(hash: try reader.readUInt64(), check: try reader.readUInt64(),
                                         line: Int32(clamping: try reader.readInt()), member: Int32(clamping: try reader.readInt()))
                           },
                           figures: try reader.readRollUp(), termEnd: try reader.readOptional { try $0.readDate() })
        }
        guard let outline else {
            if let saved {
                return NetworkFile(path: path, contentPath: contentPath, raw: saved, bodyStartLine: bodyStartLine, body: body,
                                   network: nil, longNumbers: numbers)
            }
            return NetworkFile(path: path, contentPath: contentPath, decodingRaw: raw, bodyStartLine: bodyStartLine, body: body,
                               network: nil, longNumbers: numbers)
        }
        // The network's bytes are checked for their length now and decoded when first
        // asked for. Its bytes were checked against their digest, and this build wrote
        // them, so they decode; should they not, the network is what parsing the text gives.
        let count = try readInt()
        guard count >= 0, count <= end - offset else { throw SnapshotError.corrupt }
        let range = offset..<offset + count
        offset += count
        let bytes = self.bytes
        return NetworkFile(path: path, contentPath: contentPath, raw: saved, decodingRaw: raw, bodyStartLine: bodyStartLine,
                           body: body, outline: outline, decodingNetwork: {
                               var reader = SnapshotReader(bytes, range: range)
                               reader.expect(path: path)
                               if let network = try? reader.readNetwork(), reader.isAtEnd { return network }
                               return SnapshotReader.parsed(text: saved ?? raw(), path: path, contentPath: contentPath, area: outline.area)
                           }, longNumbers: numbers)
    }

    /// The network parsed from a file's text (or, if even that fails, one with only the
    /// area the outline holds): the way back should a saved network not decode.
    private static func parsed(text: String, path: String, contentPath: String, area: String) -> Network {
        NetworkParser.parse(text: text, path: path, contentPath: contentPath).0.network
            ?? Network(area: Located(area, at: SourceLocation(path: path, line: 1, column: 1)))
    }

    mutating func readRollUp() throws -> RollUp {
        var figures = RollUp()
        figures.groups = try readInt()
        figures.members = try readInt()
        figures.savings = try readDouble()
        figures.fundBalance = try readDouble()
        figures.networks = try readInt()
        figures.asOfRange = try readOptional { reader in
            let lower = try reader.readDate(), upper = try reader.readDate()
            guard lower <= upper else { throw SnapshotError.corrupt }
            return lower...upper
        }
        figures.expired = try readInt()
        figures.expiring = try readInt()
        return figures
    }

    mutating func readSeverity() throws -> Severity {
        let index = try readInt()
        guard Severity.allCases.indices.contains(index) else { throw SnapshotError.corrupt }
        return Severity.allCases[index]
    }

    mutating func readDiagnostic() throws -> Diagnostic {
        Diagnostic(rule: try readString(), severity: try readSeverity(), location: try readLocation(),
                   message: try readLocalized(), hint: try readOptional { try $0.readLocalized() },
                   clause: try readOptional { try $0.readLocalized() })
    }

    mutating func readLocalized() throws -> Localized {
        Localized(th: try readString(), en: try readString())
    }

    mutating func readDate() throws -> CalendarDate {
        guard let date = CalendarDate(year: try readInt(), month: try readInt(), day: try readInt()) else {
            throw SnapshotError.corrupt
        }
        return date
    }
}

// MARK: - Networks

extension SnapshotWriter {
    mutating func text(_ value: Located<String>?) { write(value) { $0.write($1) { $0.write($1) } } }
    mutating func text(_ value: Located<String>) { write(value) { $0.write($1) } }
    mutating func int(_ value: Located<Int>?) { write(value) { $0.write($1) { $0.write($1) } } }
    mutating func double(_ value: Located<Double>?) { write(value) { $0.write($1) { $0.write($1) } } }
    mutating func date(_ value: Located<CalendarDate>?) { write(value) { $0.write($1) { $0.write($1) } } }
    mutating func texts(_ values: [Located<String>]) { write(values) { $0.text($1) } }

    mutating func write(_ network: Network) {
        write(network.level) { $0.write($1) { $0.write($1.rawValue) } }
        text(network.area)
        text(network.name)
        date(network.founded)
        write(network.order) { writer, order in
            writer.text(order.number)
            writer.date(order.date)
            writer.text(order.signer)
            writer.text(order.signerTitle)
            writer.text(order.acting)
            writer.write(order.location)
        }
        write(network.term) { writer, term in writer.write(term.start) { $0.write($1) } }
        write(network.committee) { writer, member in
            writer.text(member.positionText)
            writer.write(member.position) { $0.write($1.rawValue) }
            writer.text(member.title)
            writer.text(member.name)
            writer.text(member.represents)
            writer.write(member.location)
        }
        write(network.committeeLocation) { $0.write($1) }
        write(network.advisors) { writer, advisor in
            writer.text(advisor.title)
            writer.text(advisor.name)
            writer.text(advisor.role)
        }
        write(network.groups) { writer, group in
            writer.write(group.village) { $0.write($1) }
            writer.text(group.name)
            writer.int(group.members)
            writer.double(group.savings)
        }
        write(network.groupsLocation) { $0.write($1) }
        write(network.nominees) { writer, nominees in
            writer.date(nominees.reported)
            writer.text(nominees.letter)
            writer.texts(nominees.names)
            writer.write(nominees.location)
        }
        date(network.nominationDeadline)
        write(network.deliveries) { writer, delivery in
            writer.write(delivery.kind.rawValue)
            writer.date(delivery.date)
            writer.text(delivery.letter)
            writer.write(delivery.location)
        }
        write(network.deadlines) { writer, deadline in
            writer.write(deadline.kind.rawValue)
            writer.write(deadline.date) { $0.write($1) }
        }
        write(network.funds) { writer, funds in
            writer.texts(funds.sources)
            writer.write(funds.accounts) { writer, account in
                writer.text(account.bank)
                writer.text(account.branch)
                writer.text(account.name)
                writer.texts(account.signatories)
                writer.int(account.required)
                writer.text(account.always)
                writer.write(account.location)
            }
            writer.write(funds.location)
        }
        write(network.finance) { writer, finance in
            writer.date(finance.asOf)
            writer.double(finance.fundBalance)
            writer.double(finance.income)
            writer.double(finance.expenses)
            writer.double(finance.loans)
            writer.write(finance.location)
        }
        write(network.plan) { writer, plan in
            writer.int(plan.fiscalYear)
            writer.date(plan.date)
            writer.write(plan.activities) { writer, activity in
                writer.text(activity.name)
                writer.write(activity.months) { $0.write($1) { $0.write($1) } }
                writer.double(activity.budget)
                writer.text(activity.responsible)
                writer.text(activity.indicator)
            }
            writer.write(plan.location)
        }
        write(network.regulation) { writer, regulation in
            writer.date(regulation.adopted)
            writer.text(regulation.title)
            writer.write(regulation.chapters) { writer, chapter in
                writer.int(chapter.number)
                writer.text(chapter.title)
                writer.write(chapter.clauses) { writer, clause in
                    writer.write(clause.number) { $0.write($1) }
                    writer.text(clause.text)
                }
            }
            writer.write(regulation.location)
        }
        write(network.contacts) { writer, contact in
            writer.text(contact.name)
            writer.text(contact.phone)
            writer.text(contact.email)
            writer.write(contact.consent) { $0.write($1) { $0.write($1) } }
            writer.write(contact.location)
        }
        write(network.unreadableKeys) { $0.write($1) }
        write(network.wording) { writer, wording in
            for text in [wording.background, wording.networks, wording.purpose, wording.closing, wording.preamble] { writer.text(text) }
            writer.texts(wording.duties)
            writer.write(wording.clauses) { writer, clause in
                writer.write(clause.number) { $0.write($1) }
                writer.text(clause.text)
            }
            writer.write(wording.location)
        }
    }
}

extension SnapshotReader {
    mutating func text() throws -> Located<String> { try readLocated { try $0.readString() } }
    mutating func optionalText() throws -> Located<String>? { try readOptional { try $0.text() } }
    mutating func optionalInt() throws -> Located<Int>? { try readOptional { try $0.readLocated { try $0.readInt() } } }
    mutating func optionalDouble() throws -> Located<Double>? { try readOptional { try $0.readLocated { try $0.readDouble() } } }
    mutating func optionalDate() throws -> Located<CalendarDate>? { try readOptional { try $0.readLocated { try $0.readDate() } } }
    mutating func texts() throws -> [Located<String>] { try readArray { try $0.text() } }

    mutating func enumValue<Value: RawRepresentable>(_ type: Value.Type) throws -> Value where Value.RawValue == String {
        guard let value = Value(rawValue: try readString()) else { throw SnapshotError.corrupt }
        return value
    }

    mutating func readNetwork() throws -> Network {
        let level = try readOptional { try $0.readLocated { try $0.enumValue(Level.self) } }
        var network = Network(area: try text())
        network.level = level
        network.name = try optionalText()
        network.founded = try optionalDate()
        network.order = try readOptional { reader in
            let number = try reader.optionalText(), date = try reader.optionalDate()
            let signer = try reader.optionalText(), title = try reader.optionalText(), acting = try reader.optionalText()
            var order = AppointmentOrder(location: try reader.readLocation())
            order.acting = acting
            order.number = number
            order.date = date
            order.signer = signer
            order.signerTitle = title
            return order
        }
        network.term = try readOptional { Term(start: try $0.readLocated { try $0.readDate() }) }
        network.committee = try readArray { reader in
            let positionText = try reader.text()
            let position = try reader.readOptional { try $0.enumValue(Position.self) }
            let title = try reader.optionalText()
            let name = try reader.text()
            let represents = try reader.optionalText()
            var member = Member(positionText: positionText, position: position, name: name, location: try reader.readLocation())
            member.title = title
            member.represents = represents
            return member
        }
        network.committeeLocation = try readOptional { try $0.readLocation() }
        network.advisors = try readArray { reader in
            let title = try reader.optionalText()
            var advisor = Advisor(name: try reader.text())
            advisor.title = title
            advisor.role = try reader.optionalText()
            return advisor
        }
        network.groups = try readArray { reader in
            var group = VillageGroup(village: try reader.readLocated { try $0.readInt() })
            group.name = try reader.optionalText()
            group.members = try reader.optionalInt()
            group.savings = try reader.optionalDouble()
            return group
        }
        network.groupsLocation = try readOptional { try $0.readLocation() }
        network.nominees = try readOptional { reader in
            let reported = try reader.optionalDate()
            let letter = try reader.optionalText()
            var nominees = Nominees(names: try reader.texts(), location: try reader.readLocation())
            nominees.reported = reported
            nominees.letter = letter
            return nominees
        }
        network.nominationDeadline = try optionalDate()
        network.deliveries = try readArray { reader in
            guard let kind = Deliverable(rawValue: try reader.readString()) else { throw SnapshotError.corrupt }
            let date = try reader.optionalDate(), letter = try reader.optionalText()
            var delivery = Delivery(kind: kind, location: try reader.readLocation())
            delivery.date = date
            delivery.letter = letter
            return delivery
        }
        network.deadlines = try readArray { reader in
            guard let kind = Deliverable(rawValue: try reader.readString()) else { throw SnapshotError.corrupt }
            return Deadline(kind: kind, date: try reader.readLocated { try $0.readDate() })
        }
        network.funds = try readOptional { reader in
            let sources = try reader.texts()
            let accounts = try reader.readArray { reader -> BankAccount in
                let bank = try reader.optionalText(), branch = try reader.optionalText(), name = try reader.optionalText()
                let signatories = try reader.texts()
                let required = try reader.optionalInt(), always = try reader.optionalText()
                var account = BankAccount(location: try reader.readLocation())
                account.bank = bank
                account.branch = branch
                account.name = name
                account.signatories = signatories
                account.required = required
                account.always = always
                return account
            }
            var funds = Funds(location: try reader.readLocation())
            funds.sources = sources
            funds.accounts = accounts
            return funds
        }
        network.finance = try readOptional { reader in
            let asOf = try reader.optionalDate(), balance = try reader.optionalDouble(), income = try reader.optionalDouble()
            let expenses = try reader.optionalDouble(), loans = try reader.optionalDouble()
            var finance = Finance(location: try reader.readLocation())
            finance.asOf = asOf
            finance.fundBalance = balance
            finance.income = income
            finance.expenses = expenses
            finance.loans = loans
            return finance
        }
        network.plan = try readOptional { reader in
            let year = try reader.optionalInt()
            let date = try reader.optionalDate()
            let activities = try reader.readArray { reader -> PlanActivity in
                var activity = PlanActivity(name: try reader.text())
                activity.months = try reader.readArray { try $0.readLocated { try $0.readInt() } }
                activity.budget = try reader.optionalDouble()
                activity.responsible = try reader.optionalText()
                activity.indicator = try reader.optionalText()
                return activity
            }
            var plan = DrivingPlan(location: try reader.readLocation())
            plan.fiscalYear = year
            plan.date = date
            plan.activities = activities
            return plan
        }
        network.regulation = try readOptional { reader in
            let adopted = try reader.optionalDate(), title = try reader.optionalText()
            let chapters = try reader.readArray { reader -> RegulationChapter in
                var chapter = RegulationChapter()
                chapter.number = try reader.optionalInt()
                chapter.title = try reader.optionalText()
                chapter.clauses = try reader.readArray { reader in
                    var clause = RegulationClause(number: try reader.readLocated { try $0.readInt() })
                    clause.text = try reader.optionalText()
                    return clause
                }
                return chapter
            }
            var regulation = Regulation(location: try reader.readLocation())
            regulation.adopted = adopted
            regulation.title = title
            regulation.chapters = chapters
            return regulation
        }
        network.contacts = try readArray { reader in
            let name = try reader.optionalText(), phone = try reader.optionalText(), email = try reader.optionalText()
            let consent = try reader.readOptional { try $0.readLocated { try $0.readBool() } }
            var contact = Contact(location: try reader.readLocation())
            contact.name = name
            contact.phone = phone
            contact.email = email
            contact.consent = consent
            return contact
        }
        network.unreadableKeys = try readArray { try $0.readString() }
        network.wording = try readOptional { reader in
            let background = try reader.optionalText(), networks = try reader.optionalText(), purpose = try reader.optionalText()
            let closing = try reader.optionalText(), preamble = try reader.optionalText()
            let duties = try reader.texts()
            let clauses = try reader.readArray { reader -> RegulationClause in
                var clause = RegulationClause(number: try reader.readLocated { try $0.readInt() })
                clause.text = try reader.optionalText()
                return clause
            }
            var wording = DocumentWording(location: try reader.readLocation())
            (wording.background, wording.networks, wording.purpose, wording.closing, wording.preamble) = (background, networks, purpose, closing, preamble)
            wording.duties = duties
            wording.clauses = clauses
            return wording
        }
        return network
    }
}

/// The spans of a network's parts in a directory file, in the build cache.
extension DirectorySpans {
    func write(to writer: inout SnapshotWriter) {
        for range in [memberships, organization, posts] {
            writer.write(range.lowerBound)
            writer.write(range.count)
        }
    }

    init(from reader: inout SnapshotReader) throws {
        var ranges: [Range<Int>] = []
        for _ in 0..<3 {
            let start = try reader.readInt(), count = try reader.readInt()
            guard start >= 0, count >= 0, count <= Int.max - start else { throw SnapshotError.corrupt }
            ranges.append(start..<start + count)
        }
        self.init(memberships: ranges[0], organization: ranges[1], posts: ranges[2])
    }
}
