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
        // People are looked up by a 64-bit hash of their name's key (hashing byte arrays is
        // what this rule would otherwise spend its time on at national scale).
        var seen: [UInt64: (path: String, line: Int, key: [UInt8])] = [:]
        for (file, network) in directory.networks.sorted(by: { $0.0.path < $1.0.path }) {
            var inThisFile = Set<UInt64>()
            for member in network.committee {
                let key = PersonName.key(member.name.value)
                guard !key.isEmpty else { continue }
                let hash = Self.hash(key, level: network.area.value.utf8.count)
                guard inThisFile.insert(hash).inserted else { continue }
                if let first = seen[hash], first.key == key {
                    findings.append(finding(.warning, at: member.name.location, Localized(
                        th: "\(member.name.value) อยู่ในคณะกรรมการเครือข่ายอื่นระดับเดียวกันด้วย (\(first.path) บรรทัดที่ \(first.line))",
                        en: "\(member.name.value) is also on another committee of the same level (\(first.path), line \(first.line))"),
                        hint: Localized(th: "ไฟล์นี้อาจคัดลอกมาจากเครือข่ายอื่น ตรวจรายชื่อกับคำสั่งแต่งตั้งของพื้นที่นี้",
                                        en: "this file may be a copy of another network's: check the names against this area's order")))
                } else if seen[hash] == nil {
                    seen[hash] = (file.path, member.name.location.line, key)
                }
            }
            findings += otherAreas(file, network, directory)
        }
        return findings
    }

    /// FNV-1a over the key's bytes and the level (people are compared within a level).
    static func hash(_ key: [UInt8], level: Int) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325 ^ UInt64(level)
        for byte in key {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
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
            let bytes = Array(text.value.utf8)
            for (marker, name) in expected {
                let markerBytes = Array(marker.utf8), nameBytes = Array(name.utf8)
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
