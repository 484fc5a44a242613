import SavnetModel

/// Citizen ID numbers (13 digits with a valid checksum) are never published, anywhere
/// in a file: front matter, body or comments (PDPA).
struct CitizenIDRule: Rule {
    let id = "citizen-id"
    let clause: Localized? = Clause.pdpa

    func check(_ directory: Directory, _ context: RuleContext) -> [Diagnostic] {
        directory.files.flatMap { file in
            file.longNumbers
                .filter { NumberScanner.isCitizenID($0.digits) }
                .map { hit in
                    finding(.error, at: file.location(line: hit.line, column: hit.column), Localized(
                        th: "พบเลขประจำตัวประชาชน ๑๓ หลัก ซึ่งห้ามเผยแพร่",
                        en: "a 13-digit citizen ID number must never be published"),
                        hint: Localized(th: "ลบเลขประจำตัวประชาชนออกจากไฟล์ (และจากประวัติ git หากเคย commit แล้ว)",
                                        en: "delete the ID number from the file (and from git history if it was committed)"))
                }
        }
    }
}
