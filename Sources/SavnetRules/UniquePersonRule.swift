import SavnetModel

/// One person holds one position per committee (the order lists each member once).
struct UniquePersonRule: Rule {
    let id = "committee-unique-person"
    let clause: Localized? = Clause.orderTemplate

    func check(_ directory: Directory, _ context: RuleContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        directory.forEachNetwork { file, network in
            // Names compared by their key's two hashes, which the file's outline keeps (at
            // the network's level: one level within a committee); a member the outline
            // leaves out has an empty key, and empty keys count as one name. Members are
            // large values: they are read by their place, and the first of each name is
            // kept by its place.
            let committee = network.committee
            var hashes = [(hash: UInt64, check: UInt64)](repeating: (0, 0), count: committee.count)
            for person in file.outline?.people ?? [] where Int(person.member) < hashes.count {
                hashes[Int(person.member)] = (person.hash, person.check)
            }
            var seen: [(hash: UInt64, check: UInt64, index: Int)] = []
            for index in committee.indices {
                let (hash, check) = hashes[index]
                if let firstIndex = seen.first(where: { $0.hash == hash && $0.check == check })?.index {
                    let first = committee[firstIndex], name = committee[index].name
                    findings.append(finding(.error, at: name.location, Localized(
                        th: "\(name.value) มีชื่อในคณะกรรมการแล้ว (บรรทัดที่ \(first.name.location.line) ในตำแหน่ง\(first.positionText.value))",
                        en: "\(name.value) is already on the committee (line \(first.name.location.line), as \(first.positionText.value))"),
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
