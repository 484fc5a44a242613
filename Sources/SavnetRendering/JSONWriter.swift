import SavnetModel

/// A small, fast JSON writer for the site's data files: keys are written in the order
/// given (callers sort them), strings escaped per RFC 8259. Foundation's `JSONEncoder`
/// took about three seconds for national-scale data; this takes a fraction.
public struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    private var needsComma: [Bool] = [false]

    init(capacity: Int = 1024) {
        bytes.reserveCapacity(capacity)
    }

    mutating func beginObject() { value(); bytes.append(0x7B); needsComma.append(false) }
    mutating func endObject() { needsComma.removeLast(); bytes.append(0x7D) }
    mutating func beginArray() { value(); bytes.append(0x5B); needsComma.append(false) }
    mutating func endArray() { needsComma.removeLast(); bytes.append(0x5D) }

    /// Writes `"key":`; the next value belongs to it. Keys are savnet's own names, written
    /// as literals: they need no escaping, and their bytes are copied as they are.
    mutating func key(_ key: StaticString) {
        value()
        bytes.append(0x22)
        key.withUTF8Buffer { name in
            assert(!name.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x3C }, "a JSON key that needs escaping")
            bytes.append(contentsOf: name)
        }
        bytes.append(0x22)
        bytes.append(0x3A)
        needsComma[needsComma.count - 1] = false
    }

    mutating func string(_ text: String) { value(); string(text, asValue: false) }

    /// Two texts written as one string (a title and a name).
    mutating func string(_ first: String, _ second: String) {
        value()
        bytes.append(0x22)
        escape(first)
        escape(second)
        bytes.append(0x22)
    }
    mutating func number(_ number: Int) { value(); bytes.append(contentsOf: String(number).utf8) }
    mutating func number(_ number: Double) {
        value()
        if !number.isFinite {
            bytes.append(contentsOf: "null".utf8)  // JSON has no inf or nan (the loader bounds amounts anyway)
        } else if number == number.rounded(), abs(number) < 1e15 {
            bytes.append(contentsOf: String(Int(number)).utf8)
        } else {
            bytes.append(contentsOf: String(number).utf8)
        }
    }
    /// Already-written elements (`{…},{…}`) spliced into the open array; returns where
    /// they start. Nothing is written for no elements.
    @discardableResult
    mutating func raw<Elements: Collection>(_ elements: Elements, first: Bool) -> Int where Elements.Element == UInt8 {
        guard !elements.isEmpty else { return bytes.count }
        if !first { bytes.append(0x2C) }
        let start = bytes.count
        bytes.append(contentsOf: elements)
        needsComma[needsComma.count - 1] = true
        return start
    }

    /// A string known to need no escaping (ASCII letters, digits, `-`).
    mutating func asciiString(_ text: [UInt8]) {
        value()
        bytes.append(0x22)
        bytes.append(contentsOf: text)
        bytes.append(0x22)
    }

    /// One byte after the JSON (a final newline).
    mutating func append(_ byte: UInt8) { bytes.append(byte) }

    mutating func null() { value(); bytes.append(contentsOf: "null".utf8) }

    /// `key: text`, or nothing when `text` is nil.
    mutating func field(_ name: StaticString, _ text: String?) {
        guard let text else { return }
        key(name)
        string(text)
    }

    /// A comma before every value but the first in its container.
    private mutating func value() {
        if needsComma[needsComma.count - 1] { bytes.append(0x2C) }
        needsComma[needsComma.count - 1] = true
    }

    private mutating func string(_ text: String, asValue: Bool) {
        bytes.append(0x22)
        escape(text)
        bytes.append(0x22)
    }

    private mutating func escape(_ text: String) { Self.escape(text, into: &bytes) }

    /// Appends a string escaped, copying the runs that need no escaping in one go.
    static func escape(_ text: String, into bytes: inout [UInt8]) {
        var text = text
        text.withUTF8 { buffer in
            var start = 0
            // Names and Thai text need no escaping: whole blocks are passed.
            ByteScan.ByteSet(below: 0x20, 0x22, 0x5C, 0x3C, 0x3C, 0x3C)
                .forEach(in: buffer) { at in
                    if start < at { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start..<at])) }
                    escape(CollectionOfOne(buffer[at]), into: &bytes)
                    start = at + 1
                }
            if start < buffer.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start...])) }
        }
    }

    /// `text` as a JSON string literal, quotes included (for JSON written by hand).
    public static func quote(_ text: String) -> String {
        var bytes: [UInt8] = [0x22]
        escape(text, into: &bytes)
        bytes.append(0x22)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the UTF-8 text escaped for the inside of a JSON string.
    static func escape<Text: Sequence>(_ text: Text, into bytes: inout [UInt8]) where Text.Element == UInt8 {
        for byte in text {
            switch byte {
            case 0x22: bytes.append(contentsOf: [0x5C, 0x22])
            case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: bytes.append(contentsOf: [0x5C, 0x6E])
            case 0x0D: bytes.append(contentsOf: [0x5C, 0x72])
            case 0x09: bytes.append(contentsOf: [0x5C, 0x74])
            case 0x00..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            case 0x3C: bytes.append(contentsOf: Array("\\u003c".utf8))  // keeps `</script>` inert if embedded
            default: bytes.append(byte)
            }
        }
    }
}
