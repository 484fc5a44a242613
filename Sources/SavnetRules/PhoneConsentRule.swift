import SavnetModel

/// Phone numbers appear only in `contacts` entries whose person agreed to publish them
/// (`consent: true`); anywhere else in the file they are an error (PDPA).
struct PhoneConsentRule: Rule {
    let id = "phone-consent"
    let clause: Localized? = Clause.pdpa

    func check(_ directory: Directory, _ context: RuleContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for file in directory.files {
            let contacts = file.network?.contacts ?? []
            let consented = Set(contacts.filter { $0.consent?.value == true }.compactMap { contact in
                contact.phone.map { digitsOnly($0.value) }
            })
            var flaggedLines: Set<Int> = []
            var seen: Set<SourceLocation> = []
            for hit in file.longNumbers where NumberScanner.isPhoneNumber(hit.digits) {
                let at = file.location(line: hit.line, column: hit.column)
                guard !consented.contains(hit.digits), seen.insert(at).inserted else { continue }
                flaggedLines.insert(hit.line)
                findings.append(finding(.error, at: at, Localized(
                    th: "พบหมายเลขโทรศัพท์ที่ไม่ได้บันทึกความยินยอมให้เผยแพร่",
                    en: "a phone number is published without recorded consent"),
                    hint: hint))
            }
            for contact in contacts where contact.consent?.value != true {
                guard let phone = contact.phone, !flaggedLines.contains(phone.location.line) else { continue }
                findings.append(finding(.error, at: phone.location, Localized(
                    th: "ผู้ติดต่อนี้ไม่ได้ให้ความยินยอมเผยแพร่หมายเลขโทรศัพท์ (consent: true)",
                    en: "this contact has not agreed to publish the phone number (`consent: true`)"), hint: hint))
            }
        }
        return findings
    }

    private var hint: Localized {
        Localized(th: "ลบหมายเลข หรือย้ายไปไว้ใน contacts พร้อม consent: true เมื่อเจ้าของหมายเลขยินยอมแล้ว",
                  en: "remove the number, or move it into `contacts` with `consent: true` once its owner has agreed")
    }

    private func digitsOnly(_ text: String) -> String {
        let digits = ThaiNumerals.toArabic(text).filter(\.isNumber)
        return digits.hasPrefix("66") && digits.count >= 10 ? "0" + digits.dropFirst(2) : digits
    }
}
