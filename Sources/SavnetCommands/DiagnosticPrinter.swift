import Foundation
import SavnetModel

/// Prints diagnostics for people (with the source line and a caret), for GitHub Actions
/// (workflow commands and a step summary) and for tools (JSON).
struct DiagnosticPrinter {
    /// Language of messages.
    let language: Language
    /// File texts by display path, to quote source lines.
    let sources: [String: String]

    /// `path:line:col: severity: message [rule]`, the source line with a caret, hint and clause.
    func human(_ diagnostics: [Diagnostic]) -> String {
        var out = ""
        for diagnostic in diagnostics {
            let l = diagnostic.location
            out += "\(l.path):\(l.line):\(l.column): \(diagnostic.severity.rawValue): "
            out += "\(diagnostic.message.text(language)) [\(diagnostic.rule)]\n"
            if let line = sourceLine(l) {
                let number = String(l.line)
                let gutter = String(repeating: " ", count: number.count)
                out += " \(number) | \(line)\n"
                out += " \(gutter) | \(caretPadding(line, column: l.column))^\n"
            }
            if let hint = diagnostic.hint { out += "  \(label("hint", "วิธีแก้")): \(hint.text(language))\n" }
            if let clause = diagnostic.clause { out += "  \(label("clause", "อ้างอิง")): \(clause.text(language))\n" }
        }
        return out
    }

    /// GitHub Actions workflow commands, one per diagnostic.
    func github(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map { diagnostic in
            let l = diagnostic.location
            let kind = diagnostic.severity == .error ? "error" : "warning"
            var text = diagnostic.message.text(language)
            if let hint = diagnostic.hint { text += "\n\(label("hint", "วิธีแก้")): \(hint.text(language))" }
            if let clause = diagnostic.clause { text += "\n\(label("clause", "อ้างอิง")): \(clause.text(language))" }
            let properties = "file=\(property(l.path)),line=\(l.line),col=\(l.column),title=\(property("savnet " + diagnostic.rule))"
            return "::\(kind) \(properties)::\(data(text))\n"
        }.joined()
    }

    /// One JSON document: counts and every diagnostic.
    func json(_ diagnostics: [Diagnostic], files: Int) -> String {
        struct Item: Encodable {
            var path: String, line: Int, column: Int, severity: String, rule: String, message: String
            var hint: String?, clause: String?
        }
        struct Document: Encodable {
            var files: Int, errors: Int, warnings: Int, diagnostics: [Item]
        }
        let document = Document(
            files: files, errors: diagnostics.errorCount, warnings: diagnostics.warningCount,
            diagnostics: diagnostics.map {
                Item(path: $0.location.path, line: $0.location.line, column: $0.location.column,
                     severity: $0.severity.rawValue, rule: $0.rule, message: $0.message.text(language),
                     hint: $0.hint?.text(language), clause: $0.clause?.text(language))
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(document)) ?? Data(), as: UTF8.self)
    }

    /// The closing line: how many errors and warnings in how many files.
    func summary(_ diagnostics: [Diagnostic], files: Int) -> String {
        let (errors, warnings) = (diagnostics.errorCount, diagnostics.warningCount)
        switch language {
        case .th:
            if errors == 0, warnings == 0 { return "ตรวจ \(files) ไฟล์: ไม่พบปัญหา" }
            return "ตรวจ \(files) ไฟล์: ข้อผิดพลาด \(errors) รายการ คำเตือน \(warnings) รายการ"
        case .en:
            let checked = "checked \(files) \(files == 1 ? "file" : "files")"
            if errors == 0, warnings == 0 { return "\(checked): no problems" }
            return "\(checked): \(errors) \(errors == 1 ? "error" : "errors"), "
                + "\(warnings) \(warnings == 1 ? "warning" : "warnings")"
        }
    }

    /// Appends a Markdown table of every finding to the GitHub step summary file.
    func appendStepSummary(_ diagnostics: [Diagnostic], files: Int, to path: String) throws {
        var text = "### savnet check\n\n\(summary(diagnostics, files: files))\n\n"
        if !diagnostics.isEmpty {
            text += "| | \(label("file", "ไฟล์")) | \(label("problem", "ปัญหา")) | \(label("rule", "กฎ")) |\n|---|---|---|---|\n"
            for d in diagnostics {
                let mark = d.severity == .error ? "❌" : "⚠️"
                text += "| \(mark) | `\(d.location)` | \(cell(d.message.text(language))) | `\(d.rule)` |\n"
            }
        }
        let url = URL(fileURLWithPath: path)
        if !FileManager.default.fileExists(atPath: path) { _ = FileManager.default.createFile(atPath: path, contents: nil) }
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data((text + "\n").utf8))
    }
}

private extension DiagnosticPrinter {
    func label(_ en: String, _ th: String) -> String { language == .th ? th : en }

    func sourceLine(_ location: SourceLocation) -> String? {
        guard let text = sources[location.path] else { return nil }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard location.line >= 1, location.line <= lines.count else { return nil }
        var line = String(lines[location.line - 1])
        if line.hasSuffix("\r") { line.removeLast() }
        return line
    }

    /// Spaces (tabs kept) as wide on screen as the text before `column`; Thai vowel and
    /// tone marks above or below a letter take no width of their own.
    func caretPadding(_ line: String, column: Int) -> String {
        var padding = ""
        for scalar in line.unicodeScalars.prefix(max(0, column - 1)) {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .format: continue
            default: padding += scalar == "\t" ? "\t" : " "
            }
        }
        return padding
    }

    /// Escapes a workflow-command value.
    func data(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25")
            .replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// Escapes a workflow-command property.
    func property(_ text: String) -> String {
        data(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }

    func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
