import SavnetModel

/// Signs of a file copied from another office's: the same person on the committees of
/// two networks of one level, or an order signer, regulation title or bank account that
/// names another area than the file's own. Warnings, naming what to check.
struct CopiedContentRule: Rule {
    let id = "copied-content"
    let clause: Localized? = Clause.orderTemplate

    func check(_ directory: Directory, _ context: RuleContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        // The same person on two committees of one level (the first file by path holds them).
        var seen: [String: [[UInt8]: (path: String, line: Int)]] = [:]  // level → person → first place
        for (file, network) in directory.networks.sorted(by: { $0.0.path < $1.0.path }) {
            let level = String(network.area.value.count)
            var inThisFile = Set<[UInt8]>()
            for member in network.committee {
                let key = PersonName.key(member.name.value)
                guard !key.isEmpty, inThisFile.insert(key).inserted else { continue }
                if let first = seen[level]?[key] {
                    findings.append(finding(.warning, at: member.name.location, Localized(
                        th: "\(member.name.value) อยู่ในคณะกรรมการเครือข่ายอื่นระดับเดียวกันด้วย (\(first.path) บรรทัดที่ \(first.line))",
                        en: "\(member.name.value) is also on another committee of the same level (\(first.path), line \(first.line))"),
                        hint: Localized(th: "ไฟล์นี้อาจคัดลอกมาจากเครือข่ายอื่น: ตรวจรายชื่อกับคำสั่งแต่งตั้งของพื้นที่นี้",
                                        en: "this file may be a copy of another network's: check the names against this area's order")))
                } else {
                    seen[level, default: [:]][key] = (file.path, member.name.location.line)
                }
            }
            findings += otherAreas(file, network, directory)
        }
        return findings
    }

    /// Titles that name an area (`นายอำเภอพุนพิน`, `…ตำบลเขาวง`) other than the file's own or
    /// the areas above it.
    private func otherAreas(_ file: NetworkFile, _ network: Network, _ directory: Directory) -> [Diagnostic] {
        let gazetteer = directory.gazetteer
        let own = gazetteer.path(to: network.area.value)
        var expected: [String: String] = [:]  // marker → the name it should be followed by
        for area in own {
            switch area.level {
            case .province: expected["จังหวัด"] = area.nameTH
            case .district: expected["อำเภอ"] = area.nameTH
            case .subdistrict: expected["ตำบล"] = area.nameTH
            case .national: break
            }
        }
        guard !expected.isEmpty else { return [] }
        var texts: [Located<String>] = []
        if let title = network.order?.signerTitle { texts.append(title) }
        if let title = network.regulation?.title { texts.append(title) }
        for account in network.funds?.accounts ?? [] { if let name = account.name { texts.append(name) } }
        var findings: [Diagnostic] = []
        for text in texts {
            for (marker, name) in expected {
                var rest = Substring(text.value)
                while let range = rest.range(of: marker) {
                    let after = rest[range.upperBound...]
                    rest = after
                    // "ระดับอำเภอ" names the level, not an area; a name must follow the marker.
                    guard let first = after.first, !first.isWhitespace else { continue }
                    if after.hasPrefix(name) { continue }
                    let written = after.prefix { !$0.isWhitespace }
                    findings.append(finding(.warning, at: text.location, Localized(
                        th: "`\(text.value)` ระบุ\(marker)\(written) ซึ่งไม่ใช่\(marker)ของไฟล์นี้ (\(marker)\(name))",
                        en: "`\(text.value)` names \(marker)\(written), not this file's \(marker)\(name)"),
                        hint: Localized(th: "ไฟล์นี้อาจคัดลอกมาจากพื้นที่อื่น: แก้ให้ตรงกับพื้นที่ของไฟล์",
                                        en: "this file may be a copy of another area's: correct it for this area")))
                    break
                }
            }
        }
        return findings
    }
}
