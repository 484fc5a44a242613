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
        var lines = LineCursor(bytes)
        guard let first = lines.next(), isFence(first, in: bytes) else {
            return .failure(Diagnostic(
                rule: "front-matter-missing", severity: .error, location: SourceLocation(path: path, line: 1, column: 1),
                message: Localized(
                    th: "ไม่พบส่วนหัว YAML: บรรทัดแรกของไฟล์ต้องเป็น ---",
                    en: "no front matter: the first line of the file must be ---"),
                hint: Localized(
                    th: "เพิ่มบรรทัด --- ที่ต้นไฟล์ ตามด้วยข้อมูลเครือข่าย แล้วปิดด้วย --- อีกบรรทัด",
                    en: "add a --- line at the top, then the network's fields, then a closing --- line")))
        }
        var lineNumber = 1
        while let line = lines.next() {
            lineNumber += 1
            guard isFence(line, in: bytes) || isDocumentEnd(line, in: bytes) else { continue }
            let yaml = String(text[first.next..<line.start])
            let body = line.next < bytes.endIndex ? String(text[line.next...]) : ""
            return .success(FrontMatter(yaml: yaml, yamlStartLine: 2, body: body, bodyStartLine: lineNumber + 1))
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

private extension FrontMatter {
    /// One line of the text: where it starts, where its content ends (before `\r\n` or `\n`),
    /// and where the next line starts.
    struct Line {
        var start: String.Index
        var end: String.Index
        var next: String.Index
    }

    struct LineCursor {
        /// The next `\n` at or after `start`, found with `memchr` on the contiguous UTF-8.
        static func newline(in bytes: String.UTF8View, from start: String.Index) -> String.Index? {
            let offset = bytes.distance(from: bytes.startIndex, to: start)
            let found: Int?? = bytes.withContiguousStorageIfAvailable { buffer -> Int? in
                guard offset < buffer.count, let base = buffer.baseAddress else { return nil }
                guard let hit = memchr(base + offset, 0x0A, buffer.count - offset) else { return nil }
                return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            }
            if let found { return found.map { bytes.index(bytes.startIndex, offsetBy: $0) } }
            return bytes[start...].firstIndex(of: 0x0A)
        }

        let bytes: String.UTF8View
        var position: String.Index

        init(_ bytes: String.UTF8View) {
            self.bytes = bytes
            position = bytes.startIndex
        }

        mutating func next() -> Line? {
            guard position < bytes.endIndex else { return nil }
            let start = position
            let newline = Self.newline(in: bytes, from: start)
            var end = newline ?? bytes.endIndex
            let next = newline.map { bytes.index(after: $0) } ?? bytes.endIndex
            if end > start, bytes[bytes.index(before: end)] == 0x0D { end = bytes.index(before: end) }
            position = next
            return Line(start: start, end: end, next: next)
        }
    }

    /// `---` followed only by spaces or tabs.
    static func isFence(_ line: Line, in bytes: String.UTF8View) -> Bool {
        let content = bytes[line.start..<line.end]
        guard content.starts(with: [0x2D, 0x2D, 0x2D]) else { return false }
        return content.dropFirst(3).allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }

    /// YAML's end-of-document marker, `...`.
    static func isDocumentEnd(_ line: Line, in bytes: String.UTF8View) -> Bool {
        bytes[line.start..<line.end].elementsEqual([0x2E, 0x2E, 0x2E])
    }
}
