import Foundation
import SavnetModel

/// Reads typed values out of YAML nodes, keeping each value's file position and
/// collecting a diagnostic for every value of the wrong shape instead of throwing.
struct NodeReader {
    /// The file's display path.
    let path: String
    /// Lines before the front matter's first line.
    let lineOffset: Int
    /// Everything found wrong so far.
    private(set) var diagnostics: [Diagnostic] = []
    /// Key paths whose value was there but could not be read (so rules do not also call
    /// them missing).
    var unreadable: [String] = []
    /// This thread's shared strings, for the values files repeat.
    private let interner = StringInterner.current

    init(path: String, yamlStartLine: Int) {
        self.path = path
        self.lineOffset = yamlStartLine - 1
    }

    /// The file position of a node.
    func location(_ node: YAMLNode) -> SourceLocation {
        SourceLocation(path: path, line: node.line + lineOffset, column: node.column)
    }

    /// A mapping's entries, warning about keys outside `allowed` (with a suggestion).
    /// `keyPath` is where the mapping sits (`committee`), and `item`, when it is not 0,
    /// its place in that list (`committee[3]`); `sub` and `subItem` go one level deeper
    /// (`regulation.chapters[2].clauses[5]`). Written out only for a finding.
    mutating func fields(_ node: YAMLNode, _ keyPath: String, item: Int = 0, sub: String = "", subItem: Int = 0,
                         allowed: [String]) -> Fields? {
        let fields = Fields(node: node, prefix: keyPath, item: item, sub: sub, subItem: subItem)
        guard node.isMapping else {
            wrongType(node, fields.keyPath, expected: Localized(th: "ชุดข้อมูลแบบ คีย์: ค่า", en: "a mapping of `key: value` lines"))
            return nil
        }
        for (key, _) in node.pairs where !node.tree.scalar(key.index, isOneOf: allowed) {
            unknownKey(key, key.text ?? "", fields.keyPath, allowed: allowed)
        }
        return fields
    }

    /// The items of a sequence; a single value where a list was expected is an error.
    mutating func list(_ node: YAMLNode?, _ keyPath: @autoclosure () -> String) -> YAMLNode.Items {
        guard let node, !isNull(node) else { return YAMLNode.Items.empty }
        guard node.isSequence else {
            wrongType(node, keyPath(), expected: Localized(th: "รายการ (บรรทัดขึ้นต้นด้วย -)", en: "a list (lines starting with -)"))
            return YAMLNode.Items.empty
        }
        return node.items
    }

    /// A non-empty text value.
    mutating func text(_ node: YAMLNode?, _ keyPath: @autoclosure () -> String) -> Located<String>? {
        guard let node, !isNull(node) else { return nil }
        guard node.isScalar else {
            wrongType(node, keyPath(), expected: Localized(th: "ข้อความ", en: "a text value"))
            return nil
        }
        return Located(node.tree.trimmedString(node.index, interner: interner), at: location(node))
    }

    /// A date in BE or CE, Arabic or Thai digits; a value that is not one says why, and
    /// how to write it when that can be told (`28/07/2566` → `2566-07-28`).
    mutating func date(_ node: YAMLNode?, _ keyPath: @autoclosure () -> String) -> Located<CalendarDate>? {
        guard let text = text(node, keyPath()) else { return nil }
        guard let date = CalendarDate(parsing: text.value) else {
            let why = CalendarDate.explain(text.value)
            let hint = why.suggestion.map { Localized(th: "เขียนเป็น \($0)", en: "write \($0)") }
                ?? Localized(th: "เช่น 2566-07-28 (ปี พ.ศ.) ใช้เลขไทยได้ เช่น ๒๕๖๖-๐๗-๒๘",
                             en: "for example 2566-07-28 (BE) or 2023-07-28 (CE); Thai digits work too")
            let path = keyPath()
            report(node!, path, "front-matter-type", Localized(
                th: "`\(path)` ต้องเป็นวันที่ แต่พบ `\(text.value)` \(why.th)",
                en: "`\(path)` must be a date; found `\(text.value)`: \(why.en)"),
                hint: hint)
            unreadable.append(path)
            return nil
        }
        return Located(date, at: text.location)
    }

    /// The largest counts and amounts savnet reads (documented in docs/content-format.md):
    /// far above any real network, far below where arithmetic could overflow.
    public enum Limits {
        /// Members of one group, numbers of villages, clauses, chapters, signatures.
        public static let count = 0...10_000_000
        /// One amount in baht: a trillion.
        public static let amount = 0.0...1_000_000_000_000.0
    }

    /// A whole number in Arabic or Thai digits, within `range`.
    mutating func int(_ node: YAMLNode?, _ keyPath: @autoclosure () -> String, in range: ClosedRange<Int> = Limits.count) -> Located<Int>? {
        guard let text = text(node, keyPath()) else { return nil }
        guard let value = ThaiNumerals.parseInt(text.value) else {
            if ThaiNumerals.isDigits(text.value) {
                outOfRange(node!, keyPath(), text.value, range.lowerBound, range.upperBound)  // too long for any integer
            } else {
                wrongType(node!, keyPath(), expected: Localized(th: "จำนวนเต็ม", en: "a whole number"), found: text.value)
            }
            return nil
        }
        guard range.contains(value) else {
            outOfRange(node!, keyPath(), text.value, range.lowerBound, range.upperBound)
            return nil
        }
        return Located(value, at: text.location)
    }

    /// An amount, such as baht, in Arabic or Thai digits: finite and within `range`.
    mutating func amount(_ node: YAMLNode?, _ keyPath: @autoclosure () -> String, in range: ClosedRange<Double> = Limits.amount) -> Located<Double>? {
        guard let text = text(node, keyPath()) else { return nil }
        guard let value = ThaiNumerals.parseDecimal(text.value) else {
            wrongType(node!, keyPath(), expected: Localized(th: "จำนวนเงิน เช่น 12500.50", en: "an amount such as 12500.50"),
                      found: text.value)
            return nil
        }
        guard value.isFinite, range.contains(value) else {
            outOfRange(node!, keyPath(), text.value, Int(range.lowerBound), Int(range.upperBound))
            return nil
        }
        return Located(value, at: text.location)
    }

    private mutating func outOfRange(_ node: YAMLNode, _ keyPath: String, _ found: String, _ low: Int, _ high: Int) {
        let shown = found.count > 40 ? String(found.prefix(40)) + "…" : found
        report(Diagnostic(rule: "number-range", severity: .error, location: location(node), message: Localized(
            th: "`\(keyPath)` ต้องอยู่ระหว่าง \(ThaiNumerals.grouped(low)) ถึง \(ThaiNumerals.grouped(high)) แต่พบ \(shown)",
            en: "`\(keyPath)` must be between \(ThaiNumerals.grouped(low)) and \(ThaiNumerals.grouped(high)); found \(shown)"),
            hint: Localized(th: "ตรวจตัวเลขอีกครั้ง จำนวนและยอดเงินติดลบไม่ได้", en: "check the number: counts and amounts cannot be negative")))
    }

    /// `true`/`false` (also `yes`/`no`, `ใช่`/`ไม่`).
    mutating func bool(_ node: YAMLNode?, _ keyPath: @autoclosure () -> String) -> Located<Bool>? {
        guard let text = text(node, keyPath()) else { return nil }
        switch text.value.lowercased() {
        case "true", "yes", "on", "ใช่", "ยินยอม": return Located(true, at: text.location)
        case "false", "no", "off", "ไม่", "ไม่ยินยอม": return Located(false, at: text.location)
        default:
            wrongType(node!, keyPath(), expected: Localized(th: "true หรือ false", en: "true or false"), found: text.value)
            return nil
        }
    }

    /// Reports a required field that is missing.
    mutating func missing(_ key: String, in fields: Fields, hint: Localized? = nil) {
        let keyPath = fields.keyPath.isEmpty ? key : "\(fields.keyPath).\(key)"
        report(fields.node, keyPath, "front-matter-required", Localized(
            th: "ขาด `\(keyPath)` ซึ่งเป็นข้อมูลที่ต้องระบุ", en: "`\(keyPath)` is required but missing"),
            hint: hint ?? Localized(th: "เพิ่ม `\(key):` ในส่วนนี้", en: "add `\(key):` here"))
    }

    /// Records a diagnostic at a node.
    mutating func report(_ node: YAMLNode, _ keyPath: String, _ rule: String, _ message: Localized,
                         hint: Localized? = nil, severity: Severity = .error) {
        diagnostics.append(Diagnostic(rule: rule, severity: severity, location: location(node), message: message, hint: hint))
    }

    /// Records a diagnostic at a location.
    mutating func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    /// The text without leading and trailing spaces; plain YAML scalars arrive trimmed
    /// already, so the common case costs two character checks.
    static func trimmed(_ text: String) -> String {
        var bytes = text
        guard bytes.withUTF8(mayNeedTrimming) else { return text }
        let scalars = text.unicodeScalars
        guard scalars.first!.properties.isWhitespace || scalars.last!.properties.isWhitespace else { return text }
        return text.trimmingCharacters(in: .whitespaces)
    }

    /// Whether UTF-8 text may start or end with a space of some kind, judged by the lead
    /// bytes of its first and last characters: spaces, tabs, line breaks, or the lead of a
    /// space outside ASCII (never that of a Thai letter). Most values do not, and need no
    /// trimming.
    static func mayNeedTrimming(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first else { return false }
        var lead = bytes.count - 1
        while lead > 0, bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
        func maySpace(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || ThaiText.mayStartWideSpace(byte)
        }
        return maySpace(first) || maySpace(bytes[lead])
    }

    /// Whether a node is YAML's null (empty, `~`, `null`).
    func isNull(_ node: YAMLNode) -> Bool {
        node.tree.isNull(node.index)
    }
}

/// The entries of one YAML mapping, in file order (mappings are small: a scan of their
/// keys' bytes beats a hash).
struct Fields {
    /// The mapping node itself.
    let node: YAMLNode
    /// Where in the document the mapping sits (`committee`), and its place in that list
    /// (3 for `committee[3]`; 0 when it is not a list item), then, for a mapping one level
    /// deeper, the key and place below that (`clauses`, 5: `….clauses[5]`). The text is
    /// written out only for a finding: building it for every list item was about 2 % of a
    /// check (an interpolation costs some 3,000 instructions), and a closure that built
    /// it, an allocation per mapping.
    let prefix: String
    let item: Int
    var sub = ""
    var subItem = 0

    var keyPath: String {
        var path = prefix
        if item > 0 { path += "[\(item)]" }
        if !sub.isEmpty { path += path.isEmpty ? sub : "." + sub }
        if subItem > 0 { path += "[\(subItem)]" }
        return path
    }

    subscript(key: String) -> YAMLNode? { node.value(forKey: key) }

    /// The key node of `key`.
    func keyNode(_ key: String) -> YAMLNode? { node.keyNode(key) }

    /// The key path of a child key.
    func path(_ key: String) -> String { keyPath.isEmpty ? key : "\(keyPath).\(key)" }
}

private extension NodeReader {
    mutating func wrongType(_ node: YAMLNode, _ keyPath: String, expected: Localized, found: String? = nil) {
        let shown = found ?? describe(node)
        report(node, keyPath, "front-matter-type", Localized(
            th: "`\(keyPath)` ต้องเป็น\(expected.th) แต่พบ \(shown)",
            en: "`\(keyPath)` must be \(expected.en); found \(shown)"),
            hint: Localized(th: "ดูรูปแบบของฟิลด์นี้ใน docs/content-format.md",
                            en: "see this field's format in docs/content-format.md"))
    }

    func describe(_ node: YAMLNode) -> String {
        if let text = node.text { return "`\(text)`" }
        return node.isMapping ? "a mapping" : "a list"
    }

    mutating func unknownKey(_ key: YAMLNode, _ name: String, _ keyPath: String, allowed: [String]) {
        let full = keyPath.isEmpty ? name : "\(keyPath).\(name)"
        let suggestion = KeySuggestion.closest(to: name, among: allowed)
        let hint: Localized
        if let suggestion {
            hint = Localized(th: "หมายถึง `\(suggestion)` หรือไม่", en: "did you mean `\(suggestion)`?")
        } else {
            hint = Localized(th: "คีย์ที่ใช้ได้ในส่วนนี้ ได้แก่ \(allowed.joined(separator: ", "))",
                             en: "keys known here: \(allowed.joined(separator: ", "))")
        }
        // A misspelt section (`comittee:`) would silently drop the whole section from the
        // published page: an error. Other unknown keys are kept and warned about.
        if keyPath.isEmpty, let suggestion {
            report(key, full, "front-matter-unknown-key", Localized(
                th: "คีย์ `\(full)` สะกดผิด ข้อมูลส่วนนี้จึงไม่ถูกนำไปเผยแพร่",
                en: "the key `\(full)` is misspelt, so this section would not be published"),
                hint: Localized(th: "แก้เป็น `\(suggestion)`", en: "write `\(suggestion)`"))
            return
        }
        report(key, full, "front-matter-unknown-key", Localized(
            th: "savnet ไม่รู้จักคีย์ `\(full)` (เก็บไว้ในไฟล์แต่ไม่นำไปใช้)",
            en: "unknown key `\(full)` (kept in the file, but not used)"),
            hint: hint, severity: .warning)
    }
}
