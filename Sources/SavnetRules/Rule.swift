import SavnetModel

/// What rules need besides the content: the date to judge terms and deadlines against.
public struct RuleContext: Sendable {
    /// Today, as the caller decides it (the CLI's `--today`, or the clock).
    public var today: CalendarDate
    /// How many days before a term ends it is reported as expiring.
    public var expiryWarningDays: Int

    /// Creates a context.
    public init(today: CalendarDate, expiryWarningDays: Int = 90) {
        self.today = today
        self.expiryWarningDays = expiryWarningDays
    }
}

/// One check of the content against the regulations. Each rule has a stable id
/// (used in output, docs and suppression) and names the clause it enforces.
public protocol Rule: Sendable {
    /// Stable id, `committee-key-positions`.
    var id: String { get }
    /// The regulation clause behind the rule, if any.
    var clause: Localized? { get }
    /// Every problem the rule finds in the directory.
    func check(_ directory: Directory, _ context: RuleContext) -> [Diagnostic]
}

extension Rule {
    /// A diagnostic of this rule.
    func finding(_ severity: Severity, at location: SourceLocation, _ message: Localized, hint: Localized? = nil)
        -> Diagnostic {
        Diagnostic(rule: id, severity: severity, location: location, message: message, hint: hint, clause: clause)
    }
}

/// Where the rules come from.
enum Clause {
    /// A clause of the network regulation template (district and subdistrict versions).
    static func networkRegulation(_ number: Int, _ note: String = "") -> Localized {
        Localized(
            th: "ระเบียบเครือข่ายกลุ่มออมทรัพย์เพื่อการผลิต ข้อ \(ThaiNumerals.toThai(String(number)))\(note)",
            en: "network regulation, clause \(number)")
    }

    /// Clauses 21 and 23 of the 2012 CDD regulation, on which appointment orders rest.
    static let cddRegulation = Localized(
        th: "ระเบียบกรมการพัฒนาชุมชน ว่าด้วยการส่งเสริมการดำเนินงานกลุ่มออมทรัพย์เพื่อการผลิต พ.ศ. ๒๕๕๕ ข้อ ๒๑ และข้อ ๒๓",
        en: "CDD regulation on savings groups for production, 2012 (BE 2555), clauses 21 and 23")

    /// The appointment order template of the seed (district and subdistrict versions):
    /// its 20 positions, each person listed once, numbered "ที่ …/พ.ศ.".
    static let orderTemplate = Localized(
        th: "แบบคำสั่งอำเภอแต่งตั้งคณะกรรมการเครือข่ายกลุ่มออมทรัพย์เพื่อการผลิต (แนบหนังสือจังหวัด)",
        en: "the appointment order template attached to the provincial letter")

    /// The provincial letter on activity 1.4.2 (Surat Thani, 19 July 2023).
    static let provincialLetter = Localized(
        th: "หนังสือจังหวัดสุราษฎร์ธานี ที่ สฎ ๐๐๑๙.๐๔/ว ๕๖๓๓ ลงวันที่ ๑๙ กรกฎาคม ๒๕๖๖ (กิจกรรม ๑.๔.๒)",
        en: "Surat Thani provincial letter สฎ 0019.04/ว 5633 of 19 July 2566 BE (activity 1.4.2)")

    /// Thailand's Personal Data Protection Act.
    static let pdpa = Localized(
        th: "พระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. ๒๕๖๒", en: "Personal Data Protection Act 2019 (PDPA)")
}
