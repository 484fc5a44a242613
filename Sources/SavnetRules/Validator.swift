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

    /// All findings of all rules, sorted by file, line, column.
    public func check(_ directory: Directory, _ context: RuleContext) -> [Diagnostic] {
        checkFiles(directory, context, recording: false).flatMap(\.findings).sorted()
    }

    /// Each file's findings, and what its check read from the directory (see
    /// `DirectoryRead`): after an edit, a file needs checking again when it read something
    /// the edit changed.
    public func checkRecording(_ directory: Directory, _ context: RuleContext)
        -> [(path: String, findings: [Diagnostic], reads: Set<DirectoryRead>)] {
        checkFiles(directory, context, recording: true)
    }

    /// Runs the rules file by file (files on every core), each on the directory scoped to
    /// that one file: a file's findings are what the rules find in it, whatever else is in
    /// scope, and a whole check and a recheck of some files cannot disagree.
    private func checkFiles(_ directory: Directory, _ context: RuleContext, recording: Bool)
        -> [(path: String, findings: [Diagnostic], reads: Set<DirectoryRead>)] {
        ParallelMap.map(directory.files) { file in
            let log = recording ? ReadLog() : nil
            var one = directory.scoped(to: [file.path])
            if let log { one = one.recording(into: log) }
            var findings: [Diagnostic] = []
            for rule in rules { findings += rule.check(one, context) }
            // Every finding sits in the file checked: that is what makes per-file results,
            // and rechecking only the files whose reads changed, sound.
            assert(findings.allSatisfy { $0.location.path == file.path },
                   "a rule reported \(findings.filter { $0.location.path != file.path }.map(\.location.path)) while checking \(file.path)")
            return (file.path, findings, log?.reads ?? [])
        }
    }
}
