import Foundation
import SavnetModel

/// Turns a file's bytes into text: UTF-8 only, byte order mark dropped, and a clear
/// diagnostic for anything else (UTF-16, TIS-620 and other legacy Thai encodings).
enum TextDecoding {
    /// The decoded text, or a diagnostic pointing at the first byte that is not UTF-8.
    static func decode(_ bytes: [UInt8], path: String) -> Result<String, Diagnostic> {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return .failure(failure(path: path, line: 1, column: 1, detail: Localized(
                th: "ไฟล์นี้เข้ารหัสแบบ UTF-16", en: "the file is encoded as UTF-16")))
        }
        var content = bytes[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { content = bytes.dropFirst(3) }
        // memchr for the bytes that are never in a good file, or only with others.
        func has(_ byte: UInt8) -> Bool {
            content.withUnsafeBytes { $0.count > 0 && memchr($0.baseAddress!, Int32(byte), $0.count) != nil }
        }
        if has(0), let nul = content.firstIndex(of: 0) {
            let nuls = content.reduce(0) { $0 + ($1 == 0 ? 1 : 0) }
            let (line, column) = firstInvalidPosition(content[..<nul])
            if nuls * 4 >= content.count {
                return .failure(failure(path: path, line: 1, column: 1, detail: Localized(
                    th: "ไฟล์นี้น่าจะเข้ารหัสแบบ UTF-16 โดยไม่มี byte order mark (มีไบต์ศูนย์จำนวนมาก)",
                    en: "the file looks like UTF-16 without a byte order mark (it is full of zero bytes)")))
            }
            return .failure(failure(path: path, line: line, column: column, detail: Localized(
                th: "ไฟล์นี้มีไบต์ศูนย์ (NUL) ซึ่งไม่ควรมีในไฟล์ข้อความ (อาจเป็นไฟล์ไบนารีหรือไฟล์เสีย)",
                en: "the file holds a zero (NUL) byte, which a text file never has (it may be binary or damaged)")))
        }
        if has(0x0D), !has(0x0A) {
            return .failure(failure(path: path, line: 1, column: 1, detail: Localized(
                th: "ไฟล์นี้ขึ้นบรรทัดใหม่ด้วย CR อย่างเดียว (แบบ Mac รุ่นเก่า)",
                en: "the file ends its lines with CR alone (old Mac line endings)")))
        }
        if let text = String(validating: content, as: UTF8.self) { return .success(text) }
        let (line, column) = firstInvalidPosition(content)
        return .failure(failure(path: path, line: line, column: column, detail: Localized(
            th: "ไฟล์นี้ไม่ได้เข้ารหัสแบบ UTF-8 (อาจเป็น TIS-620/Windows-874)",
            en: "the file is not valid UTF-8 (it may be TIS-620/Windows-874)")))
    }
}

extension TextDecoding {
    /// Characters no network file needs and that could garble a terminal, a feed or a
    /// page: C0 controls other than tab and line breaks, a CR not before LF, DEL, C1
    /// controls and bidirectional overrides; and, in the front matter (names, codes,
    /// numbers), invisible zero-width characters. One finding per kind of character, at
    /// its first place, with how many there are.
    static func controlCharacters(_ text: String, path: String, frontMatterEndLine: Int) -> [Diagnostic] {
        guard mayHoldControls(text) else { return [] }
        var found: [UInt32: (line: Int, column: Int, count: Int)] = [:]
        var line = 1
        var column = 0
        var pendingCR: (Int, Int)?
        for scalar in text.unicodeScalars {
            column += 1
            let v = scalar.value
            if let (crLine, crColumn) = pendingCR, v != 0x0A {
                found[0x0D, default: (crLine, crColumn, 0)].count += 1
            }
            pendingCR = nil
            if v == 0x0A {
                line += 1
                column = 0
                continue
            }
            if v == 0x0D { pendingCR = (line, column); continue }
            let invisible = line <= frontMatterEndLine && ControlCharacters.isInvisible(v)
            if ControlCharacters.isControl(v) || invisible { found[v, default: (line, column, 0)].count += 1 }
        }
        if let (crLine, crColumn) = pendingCR { found[0x0D, default: (crLine, crColumn, 0)].count += 1 }
        return found.sorted { ($0.value.line, $0.value.column) < ($1.value.line, $1.value.column) }.map { code, place in
            let name = "U+" + String(format: "%04X", code)
            let more = place.count > 1 ? Localized(th: " (\(place.count) ตัวในไฟล์)", en: " (\(place.count) in the file)") : Localized(th: "", en: "")
            let invisible = ControlCharacters.isInvisible(code)
            return Diagnostic(
                rule: "control-character", severity: .error, location: SourceLocation(path: path, line: place.line, column: place.column),
                message: invisible
                    ? Localized(th: "พบอักขระล่องหน \(name) ในส่วนหัว ซึ่งทำให้ชื่อหรือรหัสไม่ตรงกัน" + more.th,
                                en: "an invisible character \(name) in the front matter would make names and codes fail to match" + more.en)
                    : Localized(th: "พบอักขระควบคุม \(name) ซึ่งไม่ควรมีในไฟล์เครือข่าย" + more.th,
                                en: "a control character \(name) has no place in a network file" + more.en),
                hint: Localized(th: "ลบอักขระนี้ออก (มักติดมาจากการคัดลอกข้อความจากโปรแกรมอื่น)",
                                en: "delete it (it usually comes with text copied from another program)"))
        }
    }
}

private extension TextDecoding {
    /// A quick pass over the bytes: false when the text surely has none of the characters
    /// `controlCharacters` looks for (the common case, so the slower walk is skipped).
    static func mayHoldControls(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            let count = bytes.count
            let scan = ByteScan.ByteSet.controls
            var index = 0
            while index < count {
                // Sixteen bytes at a time while none of them is one to look at.
                while index + 16 <= count, !scan.any(ByteScan.block(base, index)) {
                    index += 16
                }
                // Then byte by byte to the end of the block that has one.
                let stop = min(index + 16, count)
                while index < stop {
                    let b = base[index]
                    // Most bytes cannot start anything to look at (line feeds and tabs
                    // among them).
                    if !scan.contains(b) {
                        index += 1
                        continue
                    }
                    if b < 0x20 {
                        if b == 0x0D, index + 1 < count, base[index + 1] == 0x0A {
                            index += 2
                            continue
                        }
                        return true
                    }
                    if b == 0x7F || b == 0xC2 && index + 1 < count && (0x80...0x9F).contains(base[index + 1]) { return true }
                    if b == 0xE2 || b == 0xEF { return true }  // U+2000–U+2FFF, U+FEFF: look closer
                    index += 1
                }
            }
            return false
        }
    }

    static func failure(path: String, line: Int, column: Int, detail: Localized) -> Diagnostic {
        Diagnostic(
            rule: "file-encoding", severity: .error,
            location: SourceLocation(path: path, line: line, column: column),
            message: detail,
            hint: Localized(
                th: "บันทึกไฟล์ใหม่เป็น UTF-8 (ในโปรแกรมแก้ไขข้อความ: Save with Encoding → UTF-8)",
                en: "save the file again as UTF-8 (in your editor: Save with Encoding → UTF-8)"))
    }

    /// Line and code-point column of the first byte that breaks UTF-8.
    static func firstInvalidPosition(_ bytes: ArraySlice<UInt8>) -> (Int, Int) {
        var line = 1
        var column = 1
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return (line, column)
            }
            let end = index + length
            guard end <= bytes.endIndex,
                  String(validating: bytes[index..<end], as: UTF8.self) != nil
            else { return (line, column) }
            if byte == 0x0A { line += 1; column = 1 } else { column += 1 }
            index = end
        }
        return (line, column)
    }
}
