/// The four sources of a network's funds (regulation ข้อ ๑๑).
public enum FundSource: String, CaseIterable, Sendable {
    case fundraising
    case groupContributions = "group-contributions"
    case government
    case other

    /// The Thai wording of the regulation.
    public var thaiName: String {
        switch self {
        case .fundraising: return "จัดกิจกรรมเพื่อระดมทุนเข้าเครือข่าย"
        case .groupContributions: return "เงินสมทบจากกลุ่มออมทรัพย์เพื่อการผลิต"
        case .government: return "เงินสนับสนุนจากรัฐบาล"
        case .other: return "รายได้อื่น ๆ"
        }
    }

    /// Other wordings: the regulation template's own, in full.
    static let templateWordings: [String: FundSource] = [
        "จัดกิจกรรมเพื่อระดมทุนเข้าเครือข่ายกลุ่มออมทรัพย์เพื่อการผลิต": .fundraising,
        "รายได้อื่น": .other,
        "รายได้อื่นๆ": .other,
    ]

    /// Ids and Thai wordings by their UTF-8 bytes, for the common exact spelling.
    static let byText = ByteTable(FundSource.allCases.flatMap { [($0.rawValue, $0), ($0.thaiName, $0)] }
        + templateWordings.map { ($0.key, $0.value) })

    /// Reads a source written as its id or its Thai wording (spaces ignored).
    public init?(text: String) {
        if let source = FundSource.byText[text] {
            self = source
            return
        }
        var squeezed = text.filter { !$0.isWhitespace }
        // The template numbers them: "(๑) จัดกิจกรรม…".
        if squeezed.hasPrefix("("), let close = squeezed.firstIndex(of: ")"), squeezed.distance(from: squeezed.startIndex, to: close) <= 2 {
            squeezed = String(squeezed[squeezed.index(after: close)...])
        }
        if let source = FundSource.templateWordings[squeezed] {
            self = source
            return
        }
        guard let match = FundSource.allCases.first(where: {
            $0.rawValue == squeezed || $0.thaiName.filter { !$0.isWhitespace } == squeezed
        }) else { return nil }
        self = match
    }
}

/// Where the money comes from and where it is kept.
public struct Funds: Sendable {
    /// The sources, as written.
    public var sources: [Located<String>] = []
    /// Bank accounts (regulation ข้อ ๑๒).
    public var accounts: [BankAccount] = []
    /// Where the `funds:` key is.
    public var location: SourceLocation

    /// Creates empty funds at a location.
    public init(location: SourceLocation) {
        self.location = location
    }
}

/// One bank account of the network and the rule for withdrawing from it.
public struct BankAccount: Sendable {
    /// The financial institution (ธนาคารกรุงไทย, ธนาคารออมสิน, ธ.ก.ส. …).
    public var bank: Located<String>?
    /// Branch.
    public var branch: Located<String>?
    /// Account name.
    public var name: Located<String>?
    /// The positions that sign, as written.
    public var signatories: [Located<String>] = []
    /// How many signatures a withdrawal needs.
    public var required: Located<Int>?
    /// The position whose signature every withdrawal needs.
    public var always: Located<String>?
    /// Where the account entry starts.
    public var location: SourceLocation

    /// Creates an account at a location.
    public init(location: SourceLocation) {
        self.location = location
    }
}

/// Financial figures, valid on a date (the network as a financial database, ข้อ ๖(๓)).
public struct Finance: Sendable {
    /// The date the figures are valid for.
    public var asOf: Located<CalendarDate>?
    /// The network's own fund balance in baht.
    public var fundBalance: Located<Double>?
    /// Income in the year to date.
    public var income: Located<Double>?
    /// Spending in the year to date.
    public var expenses: Located<Double>?
    /// Loans outstanding to groups.
    public var loans: Located<Double>?
    /// Where the `finance:` key is.
    public var location: SourceLocation

    /// Creates empty figures at a location.
    public init(location: SourceLocation) {
        self.location = location
    }
}
