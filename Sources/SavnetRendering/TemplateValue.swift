import SavnetModel

/// A value a template reads: text, a number, a yes/no, a list, or an object whose fields
/// the template names. Lookups go through these requirements (a witness table), never
/// through dynamic casts, which is what made rendering with `[String: Any]` slow.
protocol TemplateValue {
    /// How a section (`{{#name}}`) treats the value.
    var sectionKind: TemplateSectionKind { get }
    /// The field `key`, or nil when the value has none (a lookup then tries the values
    /// of the enclosing sections).
    func field(_ key: ViewKey) -> (any TemplateValue)?
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
    func field(_ key: ViewKey) -> (any TemplateValue)? { nil }
    func forEachElement(_ body: (any TemplateValue) -> Void) {}
}

/// A name a template reads (`name`, `committee`), held as its UTF-8 bytes packed into
/// words: the first eight, the last eight (which for names of up to 16 bytes are simply
/// the next eight) and the length. Two keys compare in three integer comparisons, with
/// no hashing: a view's keys are written as literals in savnet's code and a template's
/// names are packed once, when the template is parsed. Longer names that agree in their
/// first and last eight bytes and their length would be one key; a test checks that no
/// two of `SiteRenderer.viewKeys` are.
struct ViewKey: Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    let head: UInt64
    let tail: UInt64
    let count: Int

    init(_ name: String) {
        var name = name
        (head, tail, count) = name.withUTF8 { Self.pack($0) }
    }

    init(stringLiteral value: StaticString) {
        (head, tail, count) = value.withUTF8Buffer { Self.pack($0) }
    }

    private static func pack(_ bytes: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64, Int) {
        func word(_ from: Int) -> UInt64 {
            var word: UInt64 = 0
            var index = from
            while index < min(from + 8, bytes.count) {
                word |= UInt64(bytes[index]) << (8 * UInt64(index - from))
                index += 1
            }
            return word
        }
        return (word(0), word(bytes.count > 16 ? bytes.count - 8 : 8), bytes.count)
    }

    /// The name: rebuilt from the bytes for names of up to 16 bytes, found among the
    /// site's view keys for the few longer ones (otherwise its two ends are shown).
    var description: String {
        func bytes(_ word: UInt64, _ count: Int) -> [UInt8] { (0..<count).map { UInt8(truncatingIfNeeded: word >> (8 * UInt64($0))) } }
        if count <= 16 { return String(decoding: bytes(head, min(count, 8)) + bytes(tail, max(0, count - 8)), as: UTF8.self) }
        return Self.longNames[self] ?? String(decoding: bytes(head, 8), as: UTF8.self) + "…" + String(decoding: bytes(tail, 8), as: UTF8.self)
    }

    private static let longNames = Dictionary(
        SiteRenderer.viewKeys.filter { $0.utf8.count > 16 }.map { (ViewKey($0), $0) }, uniquingKeysWith: { first, _ in first })
}

/// An object view: the fields a template reads by name, in the order they were written.
/// A view holds a handful to a few dozen fields, so finding one is a short scan over
/// packed keys, cheaper than hashing a name (which made building and reading views about
/// a tenth of a build when views were dictionaries).
struct View: TemplateValue, ExpressibleByDictionaryLiteral {
    /// The keys and, at the same places, their values: kept apart so that a lookup scans
    /// packed keys only and copies out just the value it finds.
    private(set) var keys: [ViewKey]
    private(set) var values: [any TemplateValue]

    init() {
        keys = []
        values = []
    }

    init(dictionaryLiteral elements: (ViewKey, any TemplateValue)...) {
        keys = []
        values = []
        keys.reserveCapacity(elements.count)
        values.reserveCapacity(elements.count)
        for (key, value) in elements {
            keys.append(key)
            values.append(value)
        }
        assert(Set(keys).count == keys.count, "a view literal names a key twice: \(keys)")
    }

    var sectionKind: TemplateSectionKind { .value }

    func field(_ key: ViewKey) -> (any TemplateValue)? { self[key] }

    /// An object has no text of its own.
    func appendText(to output: inout [UInt8], escaped: Bool) {}

    var isEmpty: Bool { keys.isEmpty }

    private func index(of key: ViewKey) -> Int? {
        keys.withUnsafeBufferPointer { keys in
            for index in keys.indices where keys[index] == key { return index }
            return nil
        }
    }

    /// The value at `key`; setting one replaces it where it stands or adds it at the end,
    /// and setting nil removes it.
    subscript(key: ViewKey) -> (any TemplateValue)? {
        get { index(of: key).map { values[$0] } }
        set {
            switch (index(of: key), newValue) {
            case let (index?, value?): values[index] = value
            case let (index?, nil):
                keys.remove(at: index)
                values.remove(at: index)
            case let (nil, value?):
                keys.append(key)
                values.append(value)
            case (nil, nil): break
            }
        }
    }

    /// This view with `other`'s fields added; where both have a key, `combine` picks.
    func merging(_ other: View, uniquingKeysWith combine: (any TemplateValue, any TemplateValue) -> any TemplateValue) -> View {
        var merged = self
        merged.keys.reserveCapacity(keys.count + other.keys.count)
        merged.values.reserveCapacity(keys.count + other.keys.count)
        for (key, value) in zip(other.keys, other.values) {
            if let index = merged.index(of: key) {
                merged.values[index] = combine(merged.values[index], value)
            } else {
                merged.keys.append(key)
                merged.values.append(value)
            }
        }
        return merged
    }
}

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

/// HTML escaping on UTF-8 bytes (`&`, `<`, `>`, `"`, `'`).
enum HTMLEscaping {
    static func append(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        var start = 0
        // Most bytes (all of Thai text) are none of the five: whole blocks are passed.
        ByteScan.ByteSet(below: 0, 0x26, 0x3C, 0x3E, 0x22, 0x27)
            .forEach(in: bytes) { at in
                let replacement: StaticString
                switch bytes[at] {
                case 0x26: replacement = "&amp;"
                case 0x3C: replacement = "&lt;"
                case 0x3E: replacement = "&gt;"
                case 0x22: replacement = "&quot;"
                default: replacement = "&#39;"
                }
                if start < at { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<at])) }
                replacement.withUTF8Buffer { output.append(contentsOf: $0) }
                start = at + 1
            }
        if start < bytes.count { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...])) }
    }
}

extension Double: TemplateValue {
    var sectionKind: TemplateSectionKind { .value }
    func appendText(to output: inout [UInt8], escaped: Bool) { output.append(contentsOf: String(describing: self).utf8) }
}
