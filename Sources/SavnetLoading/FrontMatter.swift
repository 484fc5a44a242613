import Foundation
import SavnetModel

/// A file cut into its YAML front matter and its Markdown body.
struct FrontMatter: Equatable {
    /// The YAML between the two `---` lines (line endings as in the file; YAML reads both).
    var yaml: String
    /// The file line on which the YAML's first line stands.
    var yamlStartLine: Int
    /// The Markdown after the closing `---`.
    var body: String
    /// The file line on which the body starts.
    var bodyStartLine: Int

    /// Splits `text`; a file must open with a `---` line and close the front matter with
    /// another `---` (or `...`) line. Works on UTF-8 bytes: this runs for every file.
    static func split(_ text: String, path: String) -> Result<FrontMatter, Diagnostic> {
        let bytes = text.utf8
        guard bytes.contains(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) else {
            return .failure(Diagnostic(
                rule: "file-empty", severity: .error, location: SourceLocation(path: path, line: 1, column: 1),
                message: Localized(th: "ไฟล์ว่างเปล่า", en: "the file is empty"),
                hint: Localized(
                    th: "เขียนส่วนหัว YAML ระหว่างบรรทัด --- สองบรรทัด หรือลบไฟล์นี้",
                    en: "write the YAML front matter between two --- lines, or remove the file")))
        }
        // The fences are found on the bytes: the first line, then each line's start
        // found with memchr; only the two texts are made as strings.
        enum Fences { case missing, unclosed, found(yamlStart: Int, yamlEnd: Int, bodyStart: Int, closingLine: Int) }
        var copy = text
        let fences: Fences = copy.withUTF8 { buffer in
            let count = buffer.count
            guard let base = buffer.baseAddress else { return .missing }
            /// The line at `start`: where its content ends (before `\r\n` or `\n`) and the next begins.
            func line(at start: Int) -> (end: Int, next: Int) {
                guard let hit = memchr(base + start, 0x0A, count - start) else { return (count, count) }
                let newline = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                let end = newline > start && base[newline - 1] == 0x0D ? newline - 1 : newline
                return (end, newline + 1)
            }
            /// `---` followed only by spaces or tabs.
            func isFence(_ start: Int, _ end: Int) -> Bool {
                guard end - start >= 3, base[start] == 0x2D, base[start + 1] == 0x2D, base[start + 2] == 0x2D else { return false }
                var index = start + 3
                while index < end {
                    guard base[index] == 0x20 || base[index] == 0x09 else { return false }
                    index += 1
                }
                return true
            }
            /// YAML's end-of-document marker, `...`.
            func isDocumentEnd(_ start: Int, _ end: Int) -> Bool {
                end - start == 3 && base[start] == 0x2E && base[start + 1] == 0x2E && base[start + 2] == 0x2E
            }
            let first = line(at: 0)
            guard isFence(0, first.end) else { return .missing }
            var start = first.next
            var lineNumber = 1
            while start < count {
                let current = line(at: start)
                lineNumber += 1
                if isFence(start, current.end) || isDocumentEnd(start, current.end) {
                    return .found(yamlStart: first.next, yamlEnd: start, bodyStart: current.next, closingLine: lineNumber)
                }
                start = current.next
            }
            return .unclosed
        }
        switch fences {
        case .missing:
            return .failure(Diagnostic(
                rule: "front-matter-missing", severity: .error, location: SourceLocation(path: path, line: 1, column: 1),
                message: Localized(
                    th: "ไม่พบส่วนหัว YAML: บรรทัดแรกของไฟล์ต้องเป็น ---",
                    en: "no front matter: the first line of the file must be ---"),
                hint: Localized(
                    th: "เพิ่มบรรทัด --- ที่ต้นไฟล์ ตามด้วยข้อมูลเครือข่าย แล้วปิดด้วย --- อีกบรรทัด",
                    en: "add a --- line at the top, then the network's fields, then a closing --- line")))
        case let .found(yamlStart, yamlEnd, bodyStart, closingLine):
            let utf8 = text.utf8
            let yamlFrom = utf8.index(utf8.startIndex, offsetBy: yamlStart)
            let yamlTo = utf8.index(utf8.startIndex, offsetBy: yamlEnd)
            let bodyFrom = utf8.index(utf8.startIndex, offsetBy: bodyStart)
            let yaml = String(text[yamlFrom..<yamlTo])
            let body = bodyFrom < utf8.endIndex ? String(text[bodyFrom...]) : ""
            return .success(FrontMatter(yaml: yaml, yamlStartLine: 2, body: body, bodyStartLine: closingLine + 1))
        case .unclosed:
            break
        }
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
}
