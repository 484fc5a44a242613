import SavnetModel

/// Composes front matter into a node tree and turns every YAML failure into one
/// diagnostic at the right line of the *file*.
enum YAMLDocument {
    /// The document's tree, or the diagnostic that explains why there is none.
    static func compose(_ front: FrontMatter, path: String) -> Result<YAMLTree, Diagnostic> {
        let tree: YAMLTree?
        do {
            tree = try YAMLComposer.compose(front.yaml)
        } catch let failure as YAMLComposer.Failure {
            return .failure(diagnostic(for: failure, front: front, path: path))
        } catch {
            return .failure(syntax(path: path, line: front.yamlStartLine, column: 1, problem: "\(error)"))
        }
        guard let tree, !tree.withRoot({ $0.text?.isEmpty ?? false }) else {
            return .failure(Diagnostic(
                rule: "front-matter-empty", severity: .error,
                location: SourceLocation(path: path, line: 1, column: 1),
                message: Localized(th: "ส่วนหัว YAML ว่างเปล่า", en: "the front matter is empty"),
                hint: Localized(
                    th: "ใส่อย่างน้อย area: รหัสพื้นที่ของเครือข่าย", en: "give at least `area:`, the network's area code")))
        }
        return .success(tree)
    }

    /// Converts a line of the YAML text (1-based) to a file line.
    static func fileLine(_ yamlLine: Int, front: FrontMatter) -> Int {
        yamlLine + front.yamlStartLine - 1
    }
}

extension YAMLDocument {
    static func diagnostic(for failure: YAMLComposer.Failure, front: FrontMatter, path: String) -> Diagnostic {
        let line = fileLine(failure.line, front: front)
        switch failure.reason {
        case let .syntax(problem, context, contextLine, contextColumn):
            // An unclosed quote is only noticed at the end of the text: point at where it opened.
            if let context, problem.contains("end of stream") || context.contains("quoted scalar") {
                return syntax(path: path, line: fileLine(contextLine, front: front), column: contextColumn,
                              problem: problem, contextText: context)
            }
            return syntax(path: path, line: line, column: failure.column, problem: problem, contextText: context)
        case let .duplicateKey(key):
            return Diagnostic(
                rule: "yaml-duplicate-key", severity: .error,
                location: SourceLocation(path: path, line: line, column: failure.column),
                message: Localized(th: "คีย์ `\(key)` ซ้ำในส่วนหัว YAML", en: "duplicate key `\(key)` in the front matter"),
                hint: Localized(
                    th: "ลบหรือรวมคีย์ที่ซ้ำให้เหลือคีย์เดียว", en: "remove or merge the repeated key so it appears once"))
        case .alias:
            return Diagnostic(
                rule: "yaml-alias", severity: .error,
                location: SourceLocation(path: path, line: line, column: failure.column),
                message: Localized(th: "ไม่รองรับการอ้างอิง YAML (*ชื่อ) ในไฟล์เครือข่าย",
                                   en: "YAML aliases (*name) are not accepted in network files"),
                hint: Localized(th: "เขียนค่าเต็มแทนการอ้างอิง", en: "write the value out in full instead of referring to it"))
        case let .tooLarge(what):
            return Diagnostic(
                rule: "yaml-too-large", severity: .error,
                location: SourceLocation(path: path, line: line, column: failure.column),
                message: Localized(th: "ส่วนหัว YAML ใหญ่หรือซ้อนลึกเกินไป (\(what))", en: "the front matter is too large (\(what))"),
                hint: Localized(th: "แบ่งข้อมูลให้เล็กลง", en: "keep the front matter to the fields in docs/content-format.md"))
        }
    }

    static func syntax(path: String, line: Int, column: Int, problem: String, contextText: String? = nil) -> Diagnostic {
        let (what, hint) = explain(problem, context: contextText)
        return Diagnostic(
            rule: "yaml-syntax", severity: .error,
            location: SourceLocation(path: path, line: line, column: column),
            message: Localized(th: "YAML ผิดรูปแบบ \(what.th)", en: "invalid YAML: \(what.en)"),
            hint: hint)
    }

    /// A Thai reading of libyaml's common problems, with what to do.
    static func explain(_ problem: String, context: String?) -> (Localized, Localized) {
        if problem.contains("cannot start any token") {
            return (Localized(th: "พบอักขระที่ขึ้นต้นค่าไม่ได้ (มักเป็นแท็บ)",
                              en: "\(problem) (usually a tab)"), Localized(
                th: "ใช้แท็บย่อหน้าไม่ได้ ให้ใช้ช่องว่าง และใส่เครื่องหมายคำพูดรอบค่าที่ขึ้นต้นด้วย @ หรือ `",
                en: "YAML indents with spaces only: replace tabs with spaces, and quote values that start with @ or `"))
        }
        if problem.contains("end of stream") || (context ?? "").contains("quoted scalar") {
            return (Localized(th: "เครื่องหมายคำพูดไม่ได้ปิด", en: "a quoted value is never closed"), Localized(
                th: "ปิดเครื่องหมายคำพูดของค่านี้ในบรรทัดเดียวกัน", en: "close the quote of this value on the same line"))
        }
        if problem.contains("mapping values are not allowed") {
            return (Localized(th: "มีเครื่องหมาย : ในที่ที่ใช้ไม่ได้", en: problem), Localized(
                th: "ใส่เครื่องหมายคำพูดรอบค่าที่มี : หรือตรวจการย่อหน้าของบรรทัดนี้",
                en: "quote a value that contains `: `, or check this line's indentation"))
        }
        if problem.contains("did not find expected") || problem.contains("could not find expected") {
            return (Localized(th: "การย่อหน้าไม่ตรงกัน", en: "\(problem) (the indentation does not line up)"), Localized(
                th: "จัดย่อหน้าให้คีย์ในระดับเดียวกันเริ่มที่คอลัมน์เดียวกัน และรายการ - อยู่ใต้คีย์ของตน",
                en: "align keys of the same level in the same column, and list items (-) under their key"))
        }
        // Other libyaml messages: a Thai gloss first, libyaml's own words after it.
        return (Localized(th: "(\(problem))", en: problem), Localized(
            th: "ตรวจรูปแบบ YAML ของบรรทัดนี้และบรรทัดก่อนหน้า",
            en: "check the YAML of this line and the line before it"))
    }
}
