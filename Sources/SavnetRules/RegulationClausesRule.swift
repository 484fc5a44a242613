import SavnetModel

/// A network regulation numbers its clauses 1, 2, 3 … once each, and its chapters the
/// same way. (Both drafts in the seed number two different clauses ๑๓.)
struct RegulationClausesRule: Rule {
    let id = "regulation-clauses"
    let clause: Localized? = nil

    func check(_ directory: Directory, _ context: RuleContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        directory.forEachNetwork { _, network in
            guard let regulation = network.regulation else { return }
            // The numbers only: the clauses themselves (with their text) are not copied.
            var clauses: [Located<Int>] = []
            var chapters: [Located<Int>] = []
            for chapter in regulation.chapters.indices {
                if let number = regulation.chapters[chapter].number { chapters.append(number) }
                for clause in regulation.chapters[chapter].clauses.indices {
                    clauses.append(regulation.chapters[chapter].clauses[clause].number)
                }
            }
            findings += sequence(clauses, noun: Localized(th: "ข้อ", en: "clause"))
            findings += sequence(chapters, noun: Localized(th: "หมวด", en: "chapter"))
        }
        return findings
    }

    /// Numbers are checked for duplicates always, and for gaps when the file writes a
    /// whole regulation (from 1): a file that overrides a few clauses of the default
    /// regulation lists only those.
    private func sequence(_ numbers: [Located<Int>], noun: Localized) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        let whole = numbers.first?.value == 1
        var seen = NumberSet()
        var expected = 1
        for number in numbers {
            // Written in Thai digits for a finding only (most clauses have none).
            var thai: String { ThaiNumerals.toThai(String(number.value)) }
            // The first of a repeated number is looked for only for a finding.
            let repeated = !seen.insert(number.value)
            if repeated, let first = numbers.first(where: { $0.value == number.value }) {
                findings.append(finding(.error, at: number.location, Localized(
                    th: "เลข\(noun.th) \(thai) ซ้ำกัน (\(noun.th)แรกอยู่บรรทัดที่ \(ThaiNumerals.toThai(String(first.location.line))))",
                    en: "two \(noun.en)s are numbered \(number.value) (the first on line \(first.location.line))"),
                    hint: Localized(th: "แก้เป็น\(noun.th) \(ThaiNumerals.toThai(String(expected))) แล้วเลื่อนเลข\(noun.th)ถัดไป",
                                    en: "number \(noun.en)s once each, in order: make this \(noun.en) \(expected) and renumber the rest")))
            } else if whole, number.value != expected {
                findings.append(finding(.error, at: number.location, Localized(
                    th: "เลข\(noun.th)ข้ามจาก\(noun.th) \(ThaiNumerals.toThai(String(expected - 1))) ไป\(noun.th) \(thai)",
                    en: "\(noun.en) numbers jump from \(expected - 1) to \(number.value)"),
                    hint: Localized(th: "ควรเป็น\(noun.th) \(ThaiNumerals.toThai(String(expected)))", en: "this should be \(noun.en) \(expected)")))
            }
            expected = max(expected, number.value) + 1
        }
        return findings
    }
}
