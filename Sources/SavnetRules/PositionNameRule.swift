import SavnetModel

/// Positions are written with the canonical names of the appointment-order template;
/// known misspellings are accepted with a warning, unknown names are errors.
struct PositionNameRule: Rule {
    let id = "position-name"
    let clause: Localized? = Clause.networkRegulation(9)

    func check(_ directory: Directory, _ context: RuleContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        directory.forEachNetwork { _, network in
            let committee = network.committee
            for index in committee.indices {
                // Most positions are written as the template's names, which the decoder has
                // read already (`match` finds those by their bytes too).
                if let position = committee[index].position, ThaiText.sameBytes(committee[index].positionText.value, position.thaiName) {
                    continue
                }
                let member = committee[index]
                switch PositionName.match(member.positionText.value) {
                case .exact:
                    continue
                case let .misspelled(position):
                    findings.append(finding(.warning, at: member.positionText.location, Localized(
                        th: "ชื่อตำแหน่ง `\(member.positionText.value)` ไม่ตรงกับแบบคำสั่ง จึงถือเป็นตำแหน่ง\(position.thaiName)",
                        en: "position `\(member.positionText.value)` is not spelt as in the order template; read as \(position.label.en)"),
                        hint: Localized(th: "แก้เป็น `\(position.thaiName)`", en: "write `\(position.thaiName)`")))
                case let .ambiguous(candidates):
                    findings.append(finding(.error, at: member.positionText.location, Localized(
                        th: "ชื่อตำแหน่ง `\(member.positionText.value)` อาจหมายถึงตำแหน่งใดก็ได้ในจำนวนนี้ " + candidates.map(\.thaiName).joined(separator: " หรือ "),
                        en: "position `\(member.positionText.value)` could be any of: " + candidates.map(\.label.en).joined(separator: ", ")),
                        hint: Localized(th: "เขียนชื่อตำแหน่งเต็มตามแบบคำสั่ง เช่น `\(candidates[0].thaiName)`",
                                        en: "write the full name of the order template, such as `\(candidates[0].thaiName)`")))
                case .unknown:
                    findings.append(finding(.error, at: member.positionText.location, Localized(
                        th: "ไม่รู้จักตำแหน่ง `\(member.positionText.value)`",
                        en: "unknown position `\(member.positionText.value)`"),
                        hint: Localized(
                            th: "ใช้ชื่อตำแหน่งตามแบบคำสั่ง ได้แก่ " + Position.allCases.map(\.thaiName).joined(separator: ", "),
                            en: "use a position of the order template: " + Position.allCases.map(\.rawValue).joined(separator: ", "))))
                }
            }
        }
        return findings
    }
}
