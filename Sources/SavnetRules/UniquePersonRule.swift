import SavnetModel

/// One person holds one position per committee (the order lists each member once).
struct UniquePersonRule: Rule {
    let id = "committee-unique-person"
    let clause: Localized? = Clause.cddRegulation

    func check(_ directory: Directory, _ context: RuleContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for (_, network) in directory.networks {
            var seen: [String: Member] = [:]
            for member in network.committee {
                let key = PersonName.key(member.name.value)
                if let first = seen[key] {
                    findings.append(finding(.error, at: member.name.location, Localized(
                        th: "\(member.name.value) มีชื่อในคณะกรรมการแล้ว (บรรทัด \(first.name.location.line) ตำแหน่ง\(first.positionText.value))",
                        en: "\(member.name.value) is already on the committee (line \(first.name.location.line), as \(first.positionText.value))"),
                        hint: Localized(th: "หนึ่งคนดำรงได้หนึ่งตำแหน่ง: ลบรายการที่ซ้ำ",
                                        en: "one person holds one position: remove the duplicate entry")))
                } else {
                    seen[key] = member
                }
            }
        }
        return findings
    }
}

/// How names are compared: spaces and a leading honorific do not make two people.
enum PersonName {
    static let honorifics = ["นางสาว", "นาง", "นาย", "น.ส.", "ด.ต.", "ร.ต.", "จ.ส.อ."]

    static func key(_ name: String) -> String {
        var text = name.filter { !$0.isWhitespace }
        for title in honorifics where text.hasPrefix(title) && text.count > title.count + 1 {
            text = String(text.dropFirst(title.count))
            break
        }
        return text
    }
}
