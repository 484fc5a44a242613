import SavnetModel

/// The area code exists in the gazetteer, fits the declared level and the file's place
/// in `content/`, and no two files claim one area.
struct AreaCodeRule: Rule {
    let id = "area-code"
    let clause: Localized? = nil

    func check(_ directory: Directory, _ context: RuleContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        directory.forEachNetwork { file, network in
            let code = network.area.value
            let at = network.area.location
            guard let area = directory.gazetteer.area(code) else {
                findings.append(unknown(code, at: at, directory))
                return
            }
            if area.isBangkok {
                findings.append(finding(.warning, at: at, Localized(
                    th: "\(area.qualifiedNameTH) อยู่ในกรุงเทพมหานคร ซึ่งไม่อยู่ในโครงการเครือข่ายระดับอำเภอ",
                    en: "\(area.nameEN) is in Bangkok, whose districts are outside the network programme")))
            }
            if let level = network.level, level.value != area.level {
                findings.append(finding(.error, at: level.location, Localized(
                    th: "level: \(level.value.rawValue) ไม่ตรงกับรหัส \(code) ซึ่งเป็นระดับ\(area.level.thaiName)",
                    en: "level `\(level.value.rawValue)` does not fit area code \(code), which is a \(area.level.rawValue)"),
                    hint: Localized(th: "แก้เป็น level: \(area.level.rawValue)", en: "write `level: \(area.level.rawValue)`")))
            }
            let expected = NetworkFile.expectedContentPath(for: code)
            if file.contentPath != expected {
                findings.append(finding(.error, at: at, Localized(
                    th: "ไฟล์ของพื้นที่ \(code) (\(area.qualifiedNameTH)) ต้องอยู่ที่ \(expected) ในโฟลเดอร์ content",
                    en: "the file for area \(code) (\(area.nameEN)) belongs at \(expected) inside the content folder"),
                    hint: Localized(th: "ย้ายไฟล์ไปที่ \(expected) หรือแก้รหัสพื้นที่ให้ตรงกับตำแหน่งไฟล์",
                                    en: "move the file to \(expected), or correct the area code to match its place")))
            }
            // Of the files claiming one area, the one in its right place holds it (else the
            // first by path); the error is on every other one.
            let claimants = directory.files(claiming: code)
            let holder = claimants.first { $0.contentPath == expected } ?? claimants.first
            if let holder, holder.path != file.path {
                findings.append(finding(.error, at: at, Localized(
                    th: "พื้นที่ \(code) มีไฟล์เครือข่ายแล้วที่ \(holder.path)",
                    en: "area \(code) already has a network file: \(holder.path)"),
                    hint: Localized(th: "หนึ่งพื้นที่มีไฟล์เครือข่ายได้ไฟล์เดียว รวมหรือลบไฟล์ที่ซ้ำ",
                                    en: "one area has one network file: merge or remove the duplicate")))
            }
        }
        return findings
    }

    private func unknown(_ code: String, at: SourceLocation, _ directory: Directory) -> Diagnostic {
        let parsed = AreaCode(code)
        let hint: Localized
        if let parentCode = parsed?.parent, let parent = directory.gazetteer.area(parentCode.value) {
            hint = Localized(th: "ดูรหัสที่ถูกต้องด้วย savnet areas \(parent.code)",
                             en: "list the valid codes with `savnet areas \(parent.code)`")
        } else {
            hint = Localized(th: "รหัสพื้นที่มี 2 หลัก (จังหวัด) 4 หลัก (อำเภอ) หรือ 6 หลัก (ตำบล) ค้นได้ด้วย savnet areas ชื่อพื้นที่",
                             en: "codes have 2 (province), 4 (district) or 6 (subdistrict) digits; find one with `savnet areas NAME`")
        }
        return finding(.error, at: at, Localized(
            th: "ไม่พบรหัสพื้นที่ `\(code)` ในทะเบียนพื้นที่ของกรมการปกครอง",
            en: "area code `\(code)` is not in the gazetteer of DOPA areas"), hint: hint)
    }
}
