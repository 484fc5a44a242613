import SavnetModel

/// Bank account numbers (10 or 12 digits on a line that speaks of an account) are not
/// published: the directory names the bank, branch, account name and signatories, which
/// is what the regulation asks for, never the number (PDPA).
struct BankAccountNumberRule: Rule {
    let id = "bank-account-number"
    let clause: Localized? = Clause.pdpa

    /// Words that say a number on the line is an account number.
    static let cues = ["บัญชี", "account", "a/c", "เลขที่บ/ช", "บ/ช"]

    func check(_ directory: Directory, _ context: RuleContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for file in directory.files {
            let hits = file.longNumbers.filter {
                ($0.digits.count == 10 || $0.digits.count == 12) && !NumberScanner.isPhoneNumber($0.digits)
                    && !NumberScanner.isCitizenID($0.digits)
            }
            guard !hits.isEmpty else { continue }
            let lines = file.raw.split(separator: "\n", omittingEmptySubsequences: false)
            var seen = Set<Int>()
            for hit in hits where hit.line >= 1 && hit.line <= lines.count && !seen.contains(hit.line) {
                let line = lines[hit.line - 1].lowercased()
                guard Self.cues.contains(where: line.contains) else { continue }
                seen.insert(hit.line)
                findings.append(finding(.error, at: file.location(line: hit.line, column: hit.column), Localized(
                    th: "พบเลขที่บัญชีธนาคาร ซึ่งไม่เผยแพร่ในทำเนียบ",
                    en: "a bank account number must not be published in the directory"),
                    hint: Localized(th: "ระบุเพียงธนาคาร สาขา ชื่อบัญชี และผู้มีอำนาจลงนาม ลบเลขที่บัญชีออก",
                                    en: "give the bank, branch, account name and signatories only; delete the number")))
            }
        }
        return findings
    }
}
