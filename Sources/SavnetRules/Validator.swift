import SavnetModel

/// Runs every rule over a directory and returns all findings, sorted.
public struct Validator: Sendable {
    /// The rules, in no particular order (findings are sorted afterwards).
    public let rules: [any Rule]

    /// A validator with savnet's full rule set.
    public init(rules: [any Rule] = Validator.allRules) {
        self.rules = rules
    }

    /// Every rule savnet has.
    public static let allRules: [any Rule] = [
        AreaCodeRule(), TermRule(), AppointmentOrderRule(), PositionNameRule(), KeyPositionsRule(),
        SeatCountRule(), UniquePersonRule(), SubdistrictCommitteeRule(), DistrictRepresentationRule(),
        ProvinceNomineesRule(), SignatoriesRule(), FundSourcesRule(), RegulationClausesRule(),
        DeliverablesRule(), AdvisorRule(), CopiedContentRule(), CitizenIDRule(), PhoneConsentRule(), BankAccountNumberRule(),
    ]

    /// All findings of all rules, sorted by file, line, column. Rules run concurrently.
    public func check(_ directory: Directory, _ context: RuleContext) -> [Diagnostic] {
        ParallelMap.map(rules) { $0.check(directory, context) }.flatMap { $0 }.sorted()
    }
}
