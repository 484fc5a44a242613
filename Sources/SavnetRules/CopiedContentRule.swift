import SavnetModel

/// Signs of a file copied from another office's: the same person on the committees of
/// two networks of one level, or an order signer, regulation title or bank account that
/// names another area than the file's own. Warnings, naming what to check.
struct CopiedContentRule: Rule {
    let id = "copied-content"
    let clause: Localized? = Clause.orderTemplate

    func check(_ directory: Directory, _ context: RuleContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        directory.forEachNetwork { file, network in
            // The same person on two committees of one level: the first file by path holds
            // them (looked up in the directory's index of all files, so a check scoped to
            // some files judges them as the whole check does).
            // The names' hashes at the network's level are those its outline keeps (the
            // directory's index of people is built from them).
            var inThisFile: [(hash: UInt64, check: UInt64)] = []
            for person in file.outline?.people ?? [] {
                guard !inThisFile.contains(where: { $0 == (person.hash, person.check) }),
                      let first = directory.firstCommittee(hash: person.hash, check: person.check)
                else { continue }
                inThisFile.append((person.hash, person.check))
                guard first.path != file.path, network.committee.indices.contains(Int(person.member)) else { continue }
                let name = network.committee[Int(person.member)].name
                findings.append(finding(.warning, at: name.location, Localized(
                    th: "\(name.value) อยู่ในคณะกรรมการเครือข่ายอื่นระดับเดียวกันด้วย (\(first.path) บรรทัดที่ \(first.line))",
                    en: "\(name.value) is also on another committee of the same level (\(first.path), line \(first.line))"),
                    hint: Localized(th: "ไฟล์นี้อาจคัดลอกมาจากเครือข่ายอื่น ตรวจรายชื่อกับคำสั่งแต่งตั้งของพื้นที่นี้",
                                    en: "this file may be a copy of another network's: check the names against this area's order")))
            }
            findings += otherAreas(file, network, directory)
        }
        return findings
    }

    /// Titles that name an area (`นายอำเภอพุนพิน`, `…ตำบลเขาวง`) other than the file's own or
    /// the areas above it.
    private func otherAreas(_ file: NetworkFile, _ network: Network, _ directory: Directory) -> [Diagnostic] {
        var texts: [Located<String>] = []
        if let title = network.order?.signerTitle { texts.append(title) }
        if let title = network.regulation?.title { texts.append(title) }
        if let accounts = network.funds?.accounts {
            for index in accounts.indices { if let name = accounts[index].name { texts.append(name) } }
        }
        guard !texts.isEmpty else { return [] }
        // Each level's marker and the name that should follow it, province first.
        var expected: [(marker: [UInt8], name: [UInt8], markerText: String, nameText: String)] = []
        for area in directory.gazetteer.path(to: network.area.value) {
            switch area.level {
            case .province: expected.append((Self.provinceMarker, Array(area.nameTH.utf8), "จังหวัด", area.nameTH))
            case .district: expected.append((Self.districtMarker, Array(area.nameTH.utf8), "อำเภอ", area.nameTH))
            case .subdistrict: expected.append((Self.subdistrictMarker, Array(area.nameTH.utf8), "ตำบล", area.nameTH))
            case .national: break
            }
        }
        guard !expected.isEmpty else { return [] }
        var findings: [Diagnostic] = []
        for text in texts {
            let bytes = Array(text.value.utf8)
            for (markerBytes, nameBytes, marker, name) in expected {
                var start = 0
                while let found = Self.find(markerBytes, in: bytes, from: start) {
                    let after = found + markerBytes.count
                    start = after
                    // "ระดับอำเภอ" names the level, not an area; a name must follow the marker.
                    guard after < bytes.count, bytes[after] != 0x20 else { continue }
                    if bytes[after...].starts(with: nameBytes) { continue }
                    let written = String(decoding: bytes[after...].prefix { $0 != 0x20 }, as: UTF8.self)
                    findings.append(finding(.warning, at: text.location, Localized(
                        th: "`\(text.value)` ระบุ\(marker)\(written) ซึ่งไม่ใช่\(marker)ของไฟล์นี้ (\(marker)\(name))",
                        en: "`\(text.value)` names \(marker)\(written), not this file's \(marker)\(name)"),
                        hint: Localized(th: "ไฟล์นี้อาจคัดลอกมาจากพื้นที่อื่น แก้ให้ตรงกับพื้นที่ของไฟล์",
                                        en: "this file may be a copy of another area's: correct it for this area")))
                    break
                }
            }
        }
        return findings
    }

    static let provinceMarker = Array("จังหวัด".utf8)
    static let districtMarker = Array("อำเภอ".utf8)
    static let subdistrictMarker = Array("ตำบล".utf8)

    /// Where `needle` next occurs in `haystack` at or after `start`.
    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
        var index = start
        while index + needle.count <= haystack.count {
            if haystack[index] == needle[0], haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
