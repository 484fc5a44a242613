import SavnetModel

/// One person holds one position per committee (the order lists each member once).
struct UniquePersonRule: Rule {
    let id = "committee-unique-person"
    let clause: Localized? = Clause.orderTemplate

    func check(_ directory: Directory, _ context: RuleContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for (_, network) in directory.networks {
            // Names compared by their key's two hashes (as the directory's index of people
            // does), an empty key counting as one name; a committee has some twenty members.
            // Members are large values: the first of each name is kept by its place.
            var seen: [(hash: UInt64, check: UInt64, index: Int)] = []
            for (index, member) in network.committee.enumerated() {
                let (hash, check) = PersonName.hashes(member.name.value, level: 0) ?? (0, 0)
                if let firstIndex = seen.first(where: { $0.hash == hash && $0.check == check })?.index {
                    let first = network.committee[firstIndex]
                    findings.append(finding(.error, at: member.name.location, Localized(
                        th: "\(member.name.value) มีชื่อในคณะกรรมการแล้ว (บรรทัดที่ \(first.name.location.line) ในตำแหน่ง\(first.positionText.value))",
                        en: "\(member.name.value) is already on the committee (line \(first.name.location.line), as \(first.positionText.value))"),
                        hint: Localized(th: "หนึ่งคนดำรงตำแหน่งได้เพียงตำแหน่งเดียว ลบรายการที่ซ้ำ",
                                        en: "one person holds one position: remove the duplicate entry")))
                } else {
                    seen.append((hash, check, index))
                }
            }
        }
        return findings
    }
}
