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

/// How names are compared: spaces and a leading honorific do not make two people.
enum PersonName {
    static let honorifics = ["นางสาว", "นาง", "นาย", "น.ส.", "ด.ต.", "ร.ต.", "จ.ส.อ."]

    static let honorificBytes = honorifics.map { Array($0.utf8) }

    /// The name's bytes without spaces or a leading honorific (bytes hash faster than Thai text).
    static func key(_ name: String) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(name.utf8.count)
        for byte in name.utf8 where byte != 0x20 && byte != 0x09 { bytes.append(byte) }
        for title in honorificBytes where bytes.count > title.count + 3 && bytes.starts(with: title) {
            bytes.removeFirst(title.count)
            break
        }
        return bytes
    }
}
