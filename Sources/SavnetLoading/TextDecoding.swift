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
        if let text = String(validating: content, as: UTF8.self) { return .success(text) }
        let (line, column) = firstInvalidPosition(content)
        return .failure(failure(path: path, line: line, column: column, detail: Localized(
            th: "ไฟล์นี้ไม่ได้เข้ารหัสแบบ UTF-8 (อาจเป็น TIS-620/Windows-874)",
            en: "the file is not valid UTF-8 (it may be TIS-620/Windows-874)")))
    }
}

private extension TextDecoding {
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
