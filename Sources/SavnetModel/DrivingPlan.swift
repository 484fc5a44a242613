/// The network's yearly driving plan (แผนขับเคลื่อนเครือข่าย).
public struct DrivingPlan: Sendable {
    /// The Thai fiscal year, in BE (October to September): 2567.
    public var fiscalYear: Located<Int>?
    /// The planned activities.
    public var activities: [PlanActivity] = []
    /// The date the plan was made (printed on its date line).
    public var date: Located<CalendarDate>?
    /// Where the `plan:` key is.
    public var location: SourceLocation

    /// Creates an empty plan at a location.
    public init(location: SourceLocation) {
        self.location = location
    }
}

/// One row of the driving plan.
public struct PlanActivity: Sendable {
    /// What will be done.
    public var name: Located<String>
    /// Months (1–12) in which it happens.
    public var months: [Located<Int>] = []
    /// Budget in baht.
    public var budget: Located<Double>?
    /// The position responsible, as written.
    public var responsible: Located<String>?
    /// How success is measured.
    public var indicator: Located<String>?

    /// Creates an activity.
    public init(name: Located<String>) {
        self.name = name
    }
}

/// The network's own regulation (ระเบียบเครือข่าย): chapters of numbered clauses.
public struct Regulation: Sendable {
    /// The date it was adopted.
    public var adopted: Located<CalendarDate>?
    /// The title, `ระเบียบกลุ่มออมทรัพย์เพื่อการผลิต ว่าด้วย…`.
    public var title: Located<String>?
    /// Chapters with their clauses.
    public var chapters: [RegulationChapter] = []
    /// Where the `regulation:` key is.
    public var location: SourceLocation

    /// Creates an empty regulation at a location.
    public init(location: SourceLocation) {
        self.location = location
    }

    /// Every clause in document order.
    public var clauses: [RegulationClause] { chapters.flatMap(\.clauses) }
}

/// A chapter (หมวด) of a network regulation.
public struct RegulationChapter: Sendable {
    /// Chapter number.
    public var number: Located<Int>?
    /// Chapter title, `บททั่วไป`.
    public var title: Located<String>?
    /// The clauses of the chapter.
    public var clauses: [RegulationClause] = []

    /// Creates an empty chapter.
    public init() {}
}

/// A clause (ข้อ) of a network regulation.
public struct RegulationClause: Sendable {
    /// Clause number as written (Thai or Arabic digits).
    public var number: Located<Int>
    /// The clause's text.
    public var text: Located<String>?

    /// Creates a clause.
    public init(number: Located<Int>) {
        self.number = number
    }
}

/// The fixed text of the printed documents, as a province (or the national file) words
/// it: each part that is set replaces savnet's default wording for every network in the
/// province (or the country); the network's own data fills the rest.
public struct DocumentWording: Sendable {
    /// The order's background paragraph (the department's promotion since 2517, its four principles).
    public var background: Located<String>?
    /// The order's paragraph on the 2555 regulation's หมวด ๗ (networks at four levels).
    public var networks: Located<String>?
    /// The order's purpose sentence, before the legal basis.
    public var purpose: Located<String>?
    /// The order's duties, in order (eight in the template).
    public var duties: [Located<String>] = []
    /// The order's closing ("ทั้งนี้ ตั้งแต่บัดนี้เป็นต้นไป").
    public var closing: Located<String>?
    /// The regulation's preamble.
    public var preamble: Located<String>?
    /// Regulation clauses by number, replacing the default clause of that number.
    public var clauses: [RegulationClause] = []
    /// Where `wording:` is.
    public var location: SourceLocation

    /// Creates empty wording.
    public init(location: SourceLocation) {
        self.location = location
    }
}
