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
        networks += 1
        for group in network.groups {
            groups += 1
            members += group.members?.value ?? 0
            savings += group.savings?.value ?? 0
        }
        fundBalance += network.finance?.fundBalance?.value ?? 0
        if let date = network.finance?.asOf?.value { include(date) }
        switch network.termStatus(on: today) {
        case .expired: expired += 1
        case .expiring: expiring += 1
        default: break
        }
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

/// The roll-ups of every area, summed bottom-up in one pass over the networks.
public struct RollUpTable: Sendable {
    private var totals: [String: RollUp] = [:]

    /// An empty table.
    public init() {}

    /// Sums every network of `directory` into its own area and every area above it.
    public init(_ directory: Directory, today: CalendarDate) {
        for code in directory.networkCodes {
            guard let network = directory.network(forArea: code) else { continue }
            var own = RollUp()
            own.add(network, today: today)
            var area = code
            while true {
                totals[area, default: RollUp()].add(own)
                if area.isEmpty { break }
                area = String(area.dropLast(2))
            }
        }
    }

    /// The figures of `code` and everything below it.
    public subscript(code: String) -> RollUp { totals[code] ?? RollUp() }
}
