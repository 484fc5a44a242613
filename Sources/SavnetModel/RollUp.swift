/// Financial and coverage figures summed up the tree (the network as the collection
/// point of financial data, ข้อ ๖(๓)).
public struct RollUp: Sendable, Equatable {
    /// Village savings groups listed by subdistrict networks.
    public var groups = 0
    /// Their members.
    public var members = 0
    /// Their savings, baht.
    public var savings = 0.0
    /// The networks' own fund balances, baht.
    public var fundBalance = 0.0
    /// Networks counted.
    public var networks = 0
    /// The earliest and latest as-of dates among the figures summed.
    public var asOfRange: ClosedRange<CalendarDate>?
    /// Committees whose term has ended.
    public var expired = 0
    /// Committees whose term ends soon.
    public var expiring = 0

    /// Creates empty figures.
    public init() {}

    /// Adds one network's own figures.
    public mutating func add(_ network: Network, today: CalendarDate) {
        add(RollUp(figuresOf: network))
        countTerm(ending: network.term?.end, on: today)
    }

    /// Adds one network's own figures, as its outline keeps them.
    public mutating func add(_ outline: NetworkOutline, today: CalendarDate) {
        add(outline.figures)
        countTerm(ending: outline.termEnd, on: today)
    }

    private mutating func countTerm(ending end: CalendarDate?, on today: CalendarDate) {
        switch TermStatus(end: end, on: today) {
        case .expired: expired += 1
        case .expiring: expiring += 1
        default: break
        }
    }

    /// A network's own figures, without the term status (which depends on the day).
    init(figuresOf network: Network) {
        networks = 1
        for group in network.groups {
            groups += 1
            members += group.members?.value ?? 0
            savings += group.savings?.value ?? 0
        }
        fundBalance = network.finance?.fundBalance?.value ?? 0
        if let date = network.finance?.asOf?.value { include(date) }
    }

    /// Adds another roll-up.
    public mutating func add(_ other: RollUp) {
        groups += other.groups
        members += other.members
        savings += other.savings
        fundBalance += other.fundBalance
        networks += other.networks
        expired += other.expired
        expiring += other.expiring
        if let range = other.asOfRange {
            include(range.lowerBound)
            include(range.upperBound)
        }
    }

    private mutating func include(_ date: CalendarDate) {
        if let range = asOfRange {
            asOfRange = min(range.lowerBound, date)...max(range.upperBound, date)
        } else {
            asOfRange = date...date
        }
    }
}

/// Every area's roll-up: the sum of the networks in it and below it. Summed bottom-up
/// (an area's total is its own network plus its children's totals, children in code
/// order), so that after an edit only the edited areas and those above them are summed
/// again, with exactly the result a whole summing gives.
public struct RollUpTable: Sendable {
    private var totals: [String: RollUp] = [:]
    /// Each network's own figures, by area code.
    private var own: [String: RollUp] = [:]
    /// The areas with a total directly below each area (by code prefix).
    private var children: [String: [String]] = [:]

    /// An empty table (every roll-up zero).
    public init() {}

    /// Sums the whole directory.
    public init(_ directory: Directory, today: CalendarDate) {
        var below: [String: Set<String>] = [:]
        for code in directory.networkCodes {
            guard let outline = directory.file(forArea: code)?.outline else { continue }
            var figures = RollUp()
            figures.add(outline, today: today)
            own[code] = figures
            let lineage = AreaCode(unchecked: code).lineage
            for (child, parent) in zip(lineage, lineage.dropFirst()) { below[parent.value, default: []].insert(child.value) }
        }
        children = below.mapValues { $0.sorted() }
        totals = own
        // Deepest areas first, so every child's total is final before its parent's.
        for area in children.keys.sorted(by: { $0.count > $1.count }) { sum(area) }
    }

    /// The table after the networks of `codes` changed, the set of areas with a network
    /// staying the same.
    public mutating func update(_ codes: Set<String>, _ directory: Directory, today: CalendarDate) {
        var affected: Set<String> = []
        for code in codes {
            guard let outline = directory.file(forArea: code)?.outline else { continue }
            var figures = RollUp()
            figures.add(outline, today: today)
            own[code] = figures
            for area in AreaCode(unchecked: code).lineage { affected.insert(area.value) }
        }
        for area in affected.sorted(by: { $0.count > $1.count }) {
            if children[area] == nil { totals[area] = own[area] } else { sum(area) }
        }
    }

    private mutating func sum(_ area: String) {
        var total = own[area] ?? RollUp()
        for child in children[area] ?? [] { total.add(totals[child] ?? RollUp()) }
        totals[area] = total
    }

    public subscript(code: String) -> RollUp { totals[code] ?? RollUp() }
}
