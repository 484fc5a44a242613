import SavnetModel

/// One person holds one position per committee (the order lists each member once).
struct UniquePersonRule: Rule {
    let id = "committee-unique-person"
    let clause: Localized? = Clause.orderTemplate

    func check(_ directory: Directory, _ context: RuleContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for (_, network) in directory.networks {
            var seen: [[UInt8]: Member] = [:]
            for member in network.committee {
                let key = PersonName.key(member.name.value)
                if let first = seen[key] {
                    findings.append(finding(.error, at: member.name.location, Localized(
                        th: "\(member.name.value) มีชื่อในคณะกรรมการแล้ว (บรรทัดที่ \(first.name.location.line) ในตำแหน่ง\(first.positionText.value))",
                        en: "\(member.name.value) is already on the committee (line \(first.name.location.line), as \(first.positionText.value))"),
                        hint: Localized(th: "หนึ่งคนดำรงตำแหน่งได้เพียงตำแหน่งเดียว ลบรายการที่ซ้ำ",
                                        en: "one person holds one position: remove the duplicate entry")))
                } else {
                    seen[key] = member
                }
            }
        }
        return findings
    }
}
