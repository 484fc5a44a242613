import SavnetModel

/// Reads an extra-areas file: one area a line, `code<TAB>Thai name<TAB>English name`.
/// Codes have 2, 4 or 6 characters (digits, or capital letters for synthetic areas) and
/// every district or subdistrict needs its parent, in this file or the bundled gazetteer.
public enum AreasLoader {
    /// The areas, and a diagnostic for every line that is not one.
    public static func parse(_ text: String, path: String, gazetteer: Gazetteer) -> ([Area], [Diagnostic]) {
        var areas: [Area] = []
        var diagnostics: [Diagnostic] = []
        var known = Set<String>()
        // Lines and fields split on their bytes: split by Characters, Thai names went
        // through grapheme breaking (some 75 ms of one core for a 4x country's 24,630 lines), and a
        // Windows line end (CR LF, one Character) hid every line break.
        for (index, line) in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.last == 0x0D ? line.dropLast() : line
            if trimmed.isEmpty || trimmed.first == 0x23 { continue }  // #
            let fields = trimmed.split(separator: 0x09, omittingEmptySubsequences: false).map { String(Substring($0)) }
            let code = fields.first ?? ""
            guard fields.count == 3, [2, 4, 6].contains(code.utf8.count),
                  code.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) }) else {
                diagnostics.append(Diagnostic(
                    rule: "areas-file", severity: .error, location: SourceLocation(path: path, line: index + 1, column: 1),
                    message: Localized(th: "บรรทัดนี้ไม่ใช่ รหัส<TAB>ชื่อไทย<TAB>ชื่ออังกฤษ",
                                       en: "this line is not code<TAB>Thai name<TAB>English name"),
                    hint: Localized(th: "รหัสมี 2, 4 หรือ 6 ตัว (ตัวเลขหรืออักษรใหญ่)", en: "codes have 2, 4 or 6 digits or capital letters")))
                continue
            }
            let area = Area(code: code, nameTH: fields[1], nameEN: fields[2])
            if let parent = area.parentCode, !parent.isEmpty, !known.contains(parent), gazetteer.area(parent) == nil {
                diagnostics.append(Diagnostic(
                    rule: "areas-file", severity: .error, location: SourceLocation(path: path, line: index + 1, column: 1),
                    message: Localized(th: "ไม่พบพื้นที่ระดับบน \(parent) ของ \(code)", en: "the parent area \(parent) of \(code) is unknown"),
                    hint: Localized(th: "เพิ่มพื้นที่ \(parent) ก่อนบรรทัดนี้", en: "add area \(parent) above this line")))
                continue
            }
            known.insert(code)
            areas.append(area)
        }
        return (areas, diagnostics)
    }
}
