import SavnetModel

/// An account is opened by the chair, a vice-chair and the treasurer; a withdrawal needs
/// two of these three signatures, always including the chair's (the first ข้อ ๑๓).
struct SignatoriesRule: Rule {
    let id = "fund-signatories"
    let clause: Localized? = Clause.networkRegulation(13, " (ข้อแรก)")

    func check(_ directory: Directory, _ context: RuleContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        directory.forEachNetwork { _, network in
            for account in network.funds?.accounts ?? [] {
                findings += checkAccount(account)
            }
        }
        return findings
    }
}

private extension SignatoriesRule {
    func checkAccount(_ account: BankAccount) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        var positions: [Position] = []
        for signatory in account.signatories {
            let position = Self.position(signatory.value)
            guard let position, Position.signatories.contains(position) else {
                findings.append(finding(.error, at: signatory.location, Localized(
                    th: "ผู้มีอำนาจลงนามในบัญชีต้องเป็นประธาน รองประธาน หรือเหรัญญิก แต่พบ `\(signatory.value)`",
                    en: "account signatories are the chair, a vice-chair and the treasurer; found `\(signatory.value)`")))
                continue
            }
            positions.append(position)
        }
        let missing = Position.signatories.filter { !positions.contains($0) }
        if !missing.isEmpty {
            findings.append(finding(.error, at: account.location, Localized(
                th: "บัญชีนี้ไม่มีผู้ลงนามตำแหน่ง " + missing.map(\.thaiName).joined(separator: ", "),
                en: "this account lacks the signatory " + missing.map(\.label.en).joined(separator: ", ")),
                hint: Localized(th: "signatories: [ประธานเครือข่าย, รองประธาน, เหรัญญิก]",
                                en: "signatories: [ประธานเครือข่าย, รองประธาน, เหรัญญิก]")))
        }
        let rule = Localized(th: "ระเบียบกำหนดให้การถอนเงินต้องลงนาม ๒ ใน ๓ คน และประธานต้องลงนามทุกครั้ง",
                             en: "a withdrawal needs 2 of the 3 signatures, always including the chair's")
        if let required = account.required {
            if required.value != 2 {
                findings.append(finding(.error, at: required.location, Localized(
                    th: "กำหนดให้ลงนาม \(ThaiNumerals.toThai(String(required.value))) คน แต่\(rule.th)", en: "\(required.value) signatures set, but \(rule.en)")))
            }
        } else {
            findings.append(finding(.error, at: account.location, Localized(
                th: "ไม่ได้ระบุเงื่อนไขการถอนเงิน \(rule.th)", en: "the withdrawal rule is missing: \(rule.en)"),
                hint: Localized(th: "เพิ่ม withdrawal: {required: 2, always: ประธานเครือข่าย}",
                                en: "add `withdrawal: {required: 2, always: ประธานเครือข่าย}`")))
        }
        if let always = account.always, Self.position(always.value) != .chair {
            findings.append(finding(.error, at: always.location, Localized(
                th: "ผู้ที่ต้องลงนามทุกครั้งคือประธานเครือข่าย ไม่ใช่ `\(always.value)`",
                en: "the signature every withdrawal needs is the chair's, not `\(always.value)`")))
        } else if account.always == nil, account.required != nil {
            findings.append(finding(.error, at: account.required!.location, Localized(
                th: "ไม่ได้ระบุว่าประธานต้องลงนามทุกครั้ง (always: ประธานเครือข่าย)",
                en: "the rule does not say the chair signs every withdrawal (`always: ประธานเครือข่าย`)")))
        }
        return findings
    }

    static func position(_ text: String) -> Position? {
        switch PositionName.match(text) {
        case let .exact(position), let .misspelled(position): return position
        case .unknown, .ambiguous: return nil
        }
    }
}
