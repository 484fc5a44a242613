/// A value a template reads: text, a number, a yes/no, a list, or an object whose fields
/// the template names. Lookups go through these requirements (a witness table), never
/// through dynamic casts, which is what made rendering with `[String: Any]` slow.
protocol TemplateValue {
    /// How a section (`{{#name}}`) treats the value.
    var sectionKind: TemplateSectionKind { get }
    /// The field `name`, or nil when the value has none (a lookup then tries the values
    /// of the enclosing sections).
    func field(_ name: String) -> (any TemplateValue)?
    /// Appends the value's text (for `{{name}}`).
    func appendText(to output: inout [UInt8], escaped: Bool)
    /// Calls `body` with each element of a list.
    func forEachElement(_ body: (any TemplateValue) -> Void)
}

enum TemplateSectionKind {
    /// Rendered once with the value on top of the context (text, numbers, objects).
    case value
    /// Rendered once or not at all, without changing the context.
    case flag(Bool)
    /// Rendered once per element, each on top of the context.
    case list(isEmpty: Bool)
}

extension TemplateValue {
    func field(_ name: String) -> (any TemplateValue)? { nil }
    func forEachElement(_ body: (any TemplateValue) -> Void) {}
}

/// An object view: the fields a template reads by name.
typealias View = [String: any TemplateValue]

extension String: TemplateValue {
    var sectionKind: TemplateSectionKind { .value }
    func appendText(to output: inout [UInt8], escaped: Bool) {
        var text = self
        text.withUTF8 { bytes in
            if escaped { HTMLEscaping.append(bytes, to: &output) } else { output.append(contentsOf: bytes) }
        }
    }
}

extension Int: TemplateValue {
    var sectionKind: TemplateSectionKind { .value }
    func appendText(to output: inout [UInt8], escaped: Bool) { output.append(contentsOf: String(self).utf8) }
}

extension Bool: TemplateValue {
    var sectionKind: TemplateSectionKind { .flag(self) }
    func appendText(to output: inout [UInt8], escaped: Bool) { output.append(contentsOf: (self ? "true" : "false").utf8) }
}

extension Array: TemplateValue where Element: TemplateValue {
    var sectionKind: TemplateSectionKind { .list(isEmpty: isEmpty) }
    /// A list has no text of its own.
    func appendText(to output: inout [UInt8], escaped: Bool) {}
    func forEachElement(_ body: (any TemplateValue) -> Void) {
        for element in self { body(element) }
    }
}

extension Dictionary: TemplateValue where Key == String, Value == any TemplateValue {
    var sectionKind: TemplateSectionKind { .value }
    func field(_ name: String) -> (any TemplateValue)? { self[name] }
    /// An object has no text of its own.
    func appendText(to output: inout [UInt8], escaped: Bool) {}
}

/// HTML escaping on UTF-8 bytes (`&`, `<`, `>`, `"`, `'`).
enum HTMLEscaping {
    /// The five bytes escaped, as bits of a word (all are below 64).
    private static let special: UInt64 = 1 << 0x26 | 1 << 0x3C | 1 << 0x3E | 1 << 0x22 | 1 << 0x27

    static func append(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        var start = 0
        for index in 0..<bytes.count {
            // Most bytes (all of Thai text) are none of the five: one test passes them.
            let byte = bytes[index]
            guard byte < 64, special >> byte & 1 == 1 else { continue }
            let replacement: StaticString
            switch byte {
            case 0x26: replacement = "&amp;"
            case 0x3C: replacement = "&lt;"
            case 0x3E: replacement = "&gt;"
            case 0x22: replacement = "&quot;"
            case 0x27: replacement = "&#39;"
            default: continue
            }
            if start < index { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index])) }
            replacement.withUTF8Buffer { output.append(contentsOf: $0) }
            start = index + 1
        }
        if start < bytes.count { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...])) }
    }
}

extension Double: TemplateValue {
    var sectionKind: TemplateSectionKind { .value }
    func appendText(to output: inout [UInt8], escaped: Bool) { output.append(contentsOf: String(describing: self).utf8) }
}
