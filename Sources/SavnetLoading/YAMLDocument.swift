import SavnetModel
import Yams

/// Composes front matter into a Yams node tree and turns every YAML failure into one
/// diagnostic at the right line of the *file*.
enum YAMLDocument {
    /// The root node, or the diagnostic that explains why there is none.
    static func compose(_ front: FrontMatter, path: String) -> Result<Node, Diagnostic> {
        let node: Node?
        do {
            node = try Yams.compose(yaml: front.yaml)
        } catch let error as YamlError {
            return .failure(diagnostic(for: error, front: front, path: path))
        } catch {
            return .failure(syntax(path: path, line: front.yamlStartLine, column: 1, problem: "\(error)"))
        }
        guard let node else {
            return .failure(Diagnostic(
                rule: "front-matter-empty", severity: .error,
                location: SourceLocation(path: path, line: 1, column: 1),
                message: Localized(th: "ส่วนหัว YAML ว่างเปล่า", en: "the front matter is empty"),
                hint: Localized(
                    th: "ใส่อย่างน้อย area: รหัสพื้นที่ของเครือข่าย", en: "give at least `area:`, the network's area code")))
        }
        return .success(node)
    }

    /// Converts a Yams line (1-based within the front matter) to a file line.
    static func fileLine(_ yamlLine: Int, front: FrontMatter) -> Int {
        yamlLine + front.yamlStartLine - 1
    }
}

private extension YAMLDocument {
    static func diagnostic(for error: YamlError, front: FrontMatter, path: String) -> Diagnostic {
        switch error {
        case let .scanner(context, problem, mark, _),
             let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            var at = mark
            // An unclosed quote is only noticed at the end of the text: point at where it opened.
            if let context, problem.contains("end of stream") || context.text.contains("quoted scalar") {
                at = context.mark
            }
            return syntax(path: path, line: fileLine(at.line, front: front), column: at.column,
                          problem: problem, contextText: context?.text)
        case let .duplicatedKeysInMapping(duplicates, context):
            let key = duplicates.first ?? ""
            let mark = secondOccurrence(of: key, in: front.yaml, near: context.mark)
                ?? (context.mark.line, context.mark.column)
            return Diagnostic(
                rule: "yaml-duplicate-key", severity: .error,
                location: SourceLocation(path: path, line: fileLine(mark.line, front: front), column: mark.column),
                message: Localized(th: "คีย์ `\(key)` ซ้ำในส่วนหัว YAML", en: "duplicate key `\(key)` in the front matter"),
                hint: Localized(
                    th: "ลบหรือรวมคีย์ที่ซ้ำให้เหลือคีย์เดียว", en: "remove or merge the repeated key so it appears once"))
        default:
            return syntax(path: path, line: front.yamlStartLine, column: 1, problem: "\(error)")
        }
    }

    static func syntax(path: String, line: Int, column: Int, problem: String, contextText: String? = nil) -> Diagnostic {
        let (what, hint) = explain(problem, context: contextText)
        return Diagnostic(
            rule: "yaml-syntax", severity: .error,
            location: SourceLocation(path: path, line: line, column: column),
            message: Localized(th: "YAML ผิดรูปแบบ: \(what.th)", en: "invalid YAML: \(what.en)"),
            hint: hint)
    }

    /// A Thai reading of libyaml's common problems, with what to do.
    static func explain(_ problem: String, context: String?) -> (Localized, Localized) {
        if problem.contains("cannot start any token") {
            return (Localized(th: "พบอักขระที่ขึ้นต้นค่าไม่ได้ (มักเป็นแท็บ)",
                              en: "\(problem) (usually a tab)"), Localized(
                th: "YAML ใช้เว้นวรรคย่อหน้าเท่านั้น: แทนแท็บด้วยเว้นวรรค และใส่เครื่องหมายคำพูดรอบค่าที่ขึ้นต้นด้วย @ หรือ `",
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
        return (Localized(th: problem, en: problem), Localized(
            th: "ตรวจรูปแบบ YAML ของบรรทัดนี้และบรรทัดก่อนหน้า",
            en: "check the YAML of this line and the line before it"))
    }

    /// Where `key:` is written again in the mapping whose first `key:` is at `mark`:
    /// the next line with the key at the same column, before the mapping ends.
    static func secondOccurrence(of key: String, in yaml: String, near mark: Mark) -> (line: Int, column: Int)? {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        guard mark.line >= 1, mark.line <= lines.count else { return nil }
        for index in mark.line..<lines.count {
            let scalars = Array(lines[index].unicodeScalars)
            var column = 0
            var dashed = false
            while column < scalars.count, scalars[column] == " " || scalars[column] == "-" {
                if scalars[column] == "-" { dashed = true }
                column += 1
            }
            guard column < scalars.count, scalars[column] != "#" else { continue }
            if column + 1 < mark.column || (column + 1 == mark.column && dashed) { return nil }
            guard column + 1 == mark.column else { continue }
            let rest = String(String.UnicodeScalarView(scalars[column...]))
            if rest.hasPrefix(key + ":") || rest.hasPrefix("\"\(key)\":") || rest.hasPrefix("'\(key)':") {
                return (index + 1, column + 1)
            }
        }
        return nil
    }
}
