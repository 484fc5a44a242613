import SavnetModel

/// Funds come from the four sources of ข้อ ๑๑: fund-raising activities, contributions
/// from savings groups, government support, other income.
struct FundSourcesRule: Rule {
    let id = "fund-sources"
    let clause: Localized? = Clause.networkRegulation(11)

    func check(_ directory: Directory, _ context: RuleContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        directory.forEachNetwork { _, network in
            var seen: Set<FundSource> = []
            for source in network.funds?.sources ?? [] {
                guard let known = FundSource(text: source.value) else {
                    findings.append(finding(.error, at: source.location, Localized(
                        th: "`\(source.value)` ไม่ใช่แหล่งเงินทุนตามข้อ ๑๑",
                        en: "`\(source.value)` is not one of the fund sources of clause 11"),
                        hint: Localized(
                            th: "ใช้แหล่งเงินทุนตามข้อ ๑๑ ได้แก่ " + FundSource.allCases.map { "\($0.rawValue) (\($0.thaiName))" }.joined(separator: ", "),
                            en: "use: " + FundSource.allCases.map(\.rawValue).joined(separator: ", "))))
                    continue
                }
                if !seen.insert(known).inserted {
                    findings.append(finding(.warning, at: source.location, Localized(
                        th: "แหล่งเงินทุน `\(source.value)` ซ้ำ", en: "fund source `\(source.value)` is listed twice")))
                }
            }
        }
        return findings
    }
}
