/// What a network sends up the line after appointing its committee, as the provincial
/// letter on activity 1.4.2 lists it. Deadlines are data: a province (or the national
/// file) sets them in its `deadlines:`, so another year's programme needs no new code.
public enum Deliverable: String, CaseIterable, Sendable {
    /// The district's chair and one member, named to the province (31 July in the letter).
    case nominees
    /// The district's appointment order, sent to the province (20 September).
    case order
    /// The district's driving plan, sent to the province (20 September).
    case plan
    /// The results entered in the department's BPM system ("at once").
    case bpm
    /// The province forwarding the districts' orders and plans to the department (within September).
    case forwarded

    /// Who sends it.
    public var sender: Level { self == .forwarded ? .province : .district }

    /// Its name on pages and in messages.
    public var thaiName: String {
        switch self {
        case .nominees: return "แจ้งรายชื่อผู้แทนอำเภอ"
        case .order: return "ส่งคำสั่งแต่งตั้ง"
        case .plan: return "ส่งแผนขับเคลื่อนเครือข่าย"
        case .bpm: return "บันทึกผลในระบบ BPM"
        case .forwarded: return "จังหวัดส่งคำสั่งและแผนให้กรม"
        }
    }

    /// Its name in English messages.
    public var englishName: String {
        switch self {
        case .nominees: return "the nominees reported to the province"
        case .order: return "the appointment order sent to the province"
        case .plan: return "the driving plan sent to the province"
        case .bpm: return "the results entered in BPM"
        case .forwarded: return "the orders and plans forwarded to the department"
        }
    }
}

/// One deliverable as a network file records it: when it was sent, and the letter number.
public struct Delivery: Sendable {
    /// Which deliverable.
    public var kind: Deliverable
    /// The date it was sent (or entered).
    public var date: Located<CalendarDate>?
    /// The number of the covering letter (เลขที่หนังสือ), if any.
    public var letter: Located<String>?
    /// Where it is written.
    public var location: SourceLocation

    /// Creates a delivery.
    public init(kind: Deliverable, location: SourceLocation) {
        self.kind = kind
        self.location = location
    }
}

/// A deadline a province (or the national file) sets for one deliverable.
public struct Deadline: Sendable {
    public var kind: Deliverable
    public var date: Located<CalendarDate>

    public init(kind: Deliverable, date: Located<CalendarDate>) {
        self.kind = kind
        self.date = date
    }
}

extension Network {
    /// What this network recorded for `kind`, if anything.
    public func delivery(_ kind: Deliverable) -> Delivery? { deliveries.first { $0.kind == kind } }
    /// The deadline this network sets for `kind`, if any.
    public func deadline(_ kind: Deliverable) -> CalendarDate? { deadlines.first { $0.kind == kind }?.date.value }
}

/// Where a deliverable stands on a given day.
public enum DeliveryStatus: Equatable, Sendable {
    /// Sent by its deadline.
    case onTime(CalendarDate)
    /// Sent after its deadline.
    case late(CalendarDate, deadline: CalendarDate)
    /// Not sent, and the deadline has passed.
    case missing(deadline: CalendarDate)
    /// Not sent yet, and the deadline is still ahead.
    case notYetDue(deadline: CalendarDate)
    /// Sent, with no deadline to judge it by.
    case sent(CalendarDate)
    /// Not sent, with no deadline set.
    case notSent

    /// Judges a delivery date against a deadline on `today`.
    public init(sent: CalendarDate?, deadline: CalendarDate?, today: CalendarDate) {
        switch (sent, deadline) {
        case let (date?, deadline?): self = date <= deadline ? .onTime(date) : .late(date, deadline: deadline)
        case let (date?, nil): self = .sent(date)
        case let (nil, deadline?): self = today > deadline ? .missing(deadline: deadline) : .notYetDue(deadline: deadline)
        case (nil, nil): self = .notSent
        }
    }

    /// Whether it has been sent.
    public var isSent: Bool {
        switch self {
        case .onTime, .late, .sent: return true
        default: return false
        }
    }

    /// A short Thai label; "ทันกำหนด" only where there is a deadline.
    public var thaiLabel: String {
        switch self {
        case .onTime: return "ทันกำหนด"
        case .late: return "ส่งเกินกำหนด"
        case .missing: return "ยังไม่ส่ง เกินกำหนดแล้ว"
        case .notYetDue: return "ยังไม่ถึงกำหนด"
        case .sent: return "ส่งแล้ว"
        case .notSent: return "ยังไม่ส่ง"
        }
    }

    /// A class name for the badge: `ok`, `late`, `missing`, `pending`.
    public var badge: String {
        switch self {
        case .onTime, .sent: return "ok"
        case .late: return "late"
        case .missing: return "missing"
        case .notYetDue, .notSent: return "pending"
        }
    }

    /// The date it was sent, if it was.
    public var date: CalendarDate? {
        switch self {
        case let .onTime(date), let .late(date, _), let .sent(date): return date
        default: return nil
        }
    }
}

extension Directory {
    /// The deadline for `kind` that applies to the network of `code`: its province's
    /// `deadlines:` (or, for nominees, `nomination_deadline`), else the national file's.
    public func deadline(_ kind: Deliverable, forArea code: String) -> CalendarDate? {
        let province = network(forArea: AreaCode(unchecked: code).ancestor(at: .province)?.value ?? "")
        if let date = province?.deadline(kind) { return date }
        if kind == .nominees, let date = province?.nominationDeadline?.value { return date }
        return network(forArea: "")?.deadline(kind)
    }

    /// The date the network of `code` sent `kind`, if it did.
    public func sentDate(_ kind: Deliverable, forArea code: String) -> CalendarDate? {
        guard let network = network(forArea: code) else { return nil }
        if kind == .nominees { return network.nominees?.reported?.value }
        return network.delivery(kind)?.date?.value
    }

    /// Where `kind` stands for the network of `code` on `today`.
    public func status(_ kind: Deliverable, forArea code: String, today: CalendarDate) -> DeliveryStatus {
        DeliveryStatus(sent: sentDate(kind, forArea: code), deadline: deadline(kind, forArea: code), today: today)
    }
}
