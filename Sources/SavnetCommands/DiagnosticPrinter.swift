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
    /// Each file's text is split into lines once, however many findings it has; a long
    /// line is shown as a window around the column; nothing from a file or a value reaches
    /// the terminal as a control character.
    func human(_ diagnostics: [Diagnostic]) -> String {
        var out = ""
        var linesPath: String?
        var lines: [Substring] = []
        for diagnostic in diagnostics {
            let l = diagnostic.location
            out += "\(Self.visible(l.path)):\(l.line):\(l.column): \(diagnostic.severity.rawValue): "
            out += "\(Self.visible(diagnostic.message.text(language))) [\(diagnostic.rule)]\n"
            if linesPath != l.path {
                linesPath = l.path
                lines = sources[l.path].map { $0.split(separator: "\n", omittingEmptySubsequences: false) } ?? []
            }
            if l.line >= 1, l.line <= lines.count {
                var line = lines[l.line - 1]
                if line.hasSuffix("\r") { line = line.dropLast() }
                let (shown, column) = Self.window(line, column: l.column)
                let number = String(l.line)
                let gutter = String(repeating: " ", count: number.count)
                out += " \(number) | \(shown)\n"
                out += " \(gutter) | \(caretPadding(shown, column: column))^\n"
            }
            if let hint = diagnostic.hint { out += "  \(label("hint", "วิธีแก้")): \(Self.visible(hint.text(language)))\n" }
            if let clause = diagnostic.clause { out += "  \(label("clause", "อ้างอิง")): \(clause.text(language))\n" }
        }
        return out
    }

    /// The most characters of a source line shown with a finding.
    static let lineWindow = 160

    /// At most `lineWindow` characters of `line` around `column`, made visible, and the
    /// column within them.
    static func window(_ line: Substring, column: Int) -> (String, Int) {
        let scalars = Array(line.unicodeScalars)
        guard scalars.count > lineWindow else { return (visible(String(line)), column) }
        let start = max(0, min(column - 1 - lineWindow / 2, scalars.count - lineWindow))
        let end = min(scalars.count, start + lineWindow)
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<end])
        let text = (start > 0 ? "…" : "") + visible(String(view)) + (end < scalars.count ? "…" : "")
        return (text, column - start + (start > 0 ? 1 : 0))
    }

    /// Control characters (C0 but tab, DEL, C1) and bidirectional overrides shown as
    /// `\u{…}`: a file or a value can never move the cursor, clear the screen or reorder
    /// what the terminal shows.
    static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar) {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Control characters, and the directional marks (LRM, RLM, ALM) that a terminal
    /// would act on too.
    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return ControlCharacters.isControl(v) || v == 0x200E || v == 0x200F || v == 0x061C
    }

    /// GitHub Actions workflow commands, one per diagnostic.
    func github(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map { diagnostic in
            let l = diagnostic.location
            let kind = diagnostic.severity == .error ? "error" : diagnostic.severity == .warning ? "warning" : "notice"
            var text = Self.visible(diagnostic.message.text(language))
            if let hint = diagnostic.hint { text += "\n\(label("hint", "วิธีแก้")): \(hint.text(language))" }
            if let clause = diagnostic.clause { text += "\n\(label("clause", "อ้างอิง")): \(clause.text(language))" }
            let properties = "file=\(property(Self.visible(l.path))),line=\(l.line),col=\(l.column),title=\(property("savnet " + diagnostic.rule))"
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
            var files: Int, errors: Int, warnings: Int, status: Int, diagnostics: [Item]
        }
        let document = Document(
            files: files, errors: diagnostics.errorCount, warnings: diagnostics.warningCount, status: diagnostics.statusCount,
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
        let (errors, warnings, status) = (diagnostics.errorCount, diagnostics.warningCount, diagnostics.statusCount)
        switch language {
        case .th:
            let notes = status > 0 ? " สถานะที่ควรติดตาม \(status) รายการ" : ""
            if errors == 0, warnings == 0 { return "ตรวจ \(files) ไฟล์ ไม่พบปัญหา" + notes }
            return "ตรวจ \(files) ไฟล์ ข้อผิดพลาด \(errors) รายการ คำเตือน \(warnings) รายการ" + notes
        case .en:
            let checked = "checked \(files) \(files == 1 ? "file" : "files")"
            let notes = status > 0 ? "; \(status) status \(status == 1 ? "note" : "notes") (terms and deadlines)" : ""
            if errors == 0, warnings == 0 { return "\(checked): no problems" + notes }
            return "\(checked): \(errors) \(errors == 1 ? "error" : "errors"), "
                + "\(warnings) \(warnings == 1 ? "warning" : "warnings")" + notes
        }
    }

    /// Appends a Markdown table of every finding to the GitHub step summary file.
    func appendStepSummary(_ diagnostics: [Diagnostic], files: Int, to path: String) throws {
        var text = "### savnet check\n\n\(summary(diagnostics, files: files))\n\n"
        if !diagnostics.isEmpty {
            text += "| | \(label("file", "ไฟล์")) | \(label("problem", "ปัญหา")) | \(label("rule", "กฎ")) |\n|---|---|---|---|\n"
            for d in diagnostics {
                let mark = d.severity == .error ? "❌" : d.severity == .warning ? "⚠️" : "ℹ️"
                text += "| \(mark) | `\(Self.visible(d.location.description))` | \(cell(Self.visible(d.message.text(language)))) | `\(d.rule)` |\n"
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
