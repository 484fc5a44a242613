import Foundation
import SavnetModel

/// A file cut into its YAML front matter and its Markdown body.
struct FrontMatter: Equatable {
    /// The YAML between the two `---` lines, line endings normalised to `\n`.
    var yaml: String
    /// The file line on which the YAML's first line stands.
    var yamlStartLine: Int
    /// The Markdown after the closing `---`.
    var body: String
    /// The file line on which the body starts.
    var bodyStartLine: Int

    /// Splits `text`; a file must open with a `---` line and close the front matter with
    /// another `---` (or `...`) line.
    static func split(_ text: String, path: String) -> Result<FrontMatter, Diagnostic> {
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n")
        var lines = normalized.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        guard !lines.allSatisfy({ $0.allSatisfy(\.isWhitespace) }) else {
            return .failure(Diagnostic(
                rule: "file-empty", severity: .error, location: SourceLocation(path: path, line: 1, column: 1),
                message: Localized(th: "ไฟล์ว่างเปล่า", en: "the file is empty"),
                hint: Localized(
                    th: "เขียนส่วนหัว YAML ระหว่างบรรทัด --- สองบรรทัด หรือสร้างไฟล์ใหม่ด้วย savnet new",
                    en: "write the YAML front matter between two --- lines, or remove the file")))
        }
        guard isFence(lines[0]) else {
            return .failure(Diagnostic(
                rule: "front-matter-missing", severity: .error, location: SourceLocation(path: path, line: 1, column: 1),
                message: Localized(
                    th: "ไม่พบส่วนหัว YAML: บรรทัดแรกของไฟล์ต้องเป็น ---",
                    en: "no front matter: the first line of the file must be ---"),
                hint: Localized(
                    th: "เพิ่มบรรทัด --- ที่ต้นไฟล์ ตามด้วยข้อมูลเครือข่าย แล้วปิดด้วย --- อีกบรรทัด",
                    en: "add a --- line at the top, then the network's fields, then a closing --- line")))
        }
        guard let close = lines.indices.dropFirst().first(where: { isFence(lines[$0]) || lines[$0] == "..." }) else {
            return .failure(Diagnostic(
                rule: "front-matter-unterminated", severity: .error,
                location: SourceLocation(path: path, line: 1, column: 1),
                message: Localized(
                    th: "ส่วนหัว YAML ที่เปิดในบรรทัดที่ 1 ไม่มี --- ปิด",
                    en: "the front matter opened on line 1 is never closed with ---"),
                hint: Localized(
                    th: "เพิ่มบรรทัด --- หลังข้อมูลส่วนหัว ก่อนเนื้อหา Markdown",
                    en: "add a --- line after the last front-matter field, before the Markdown body")))
        }
        let yaml = lines[1..<close].joined(separator: "\n")
        let body = lines[(close + 1)...].joined(separator: "\n")
        return .success(FrontMatter(yaml: yaml, yamlStartLine: 2, body: body, bodyStartLine: close + 2))
    }
}

private extension FrontMatter {
    static func isFence(_ line: Substring) -> Bool {
        line.hasPrefix("---") && line.dropFirst(3).allSatisfy { $0 == " " || $0 == "\t" }
    }
}
