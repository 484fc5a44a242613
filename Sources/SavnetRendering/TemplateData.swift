import Mustache

/// Helpers for template data.
///
/// An absent value is stored as `false`: Mustache treats an `Optional.none` inside a
/// dictionary as present (so `{{^key}}` would not fire), and a key that is missing
/// altogether is looked up in the enclosing sections (so an account without a `name`
/// would show the network's name). `false` is absent in both senses.
enum TemplateData {
    /// The value, or `false` when there is none.
    static func value<T>(_ optional: T?) -> Any {
        optional.map { $0 as Any } ?? false
    }
}

/// HTML escaping that works on UTF-8 bytes: the library's escaper walks Thai text
/// grapheme by grapheme, which dominated rendering time at national scale.
struct FastHTMLContentType: MustacheContentType {
    /// The name templates use in their `CONTENT_TYPE` pragma.
    static let name = "SAVNET_HTML"

    func escapeText(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes -> String in
            guard bytes.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
                return String(decoding: bytes, as: UTF8.self)
            }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 16)
            for byte in bytes {
                switch byte {
                case 0x26: out.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B])  // &amp;
                case 0x3C: out.append(contentsOf: [0x26, 0x6C, 0x74, 0x3B])  // &lt;
                case 0x3E: out.append(contentsOf: [0x26, 0x67, 0x74, 0x3B])  // &gt;
                case 0x22: out.append(contentsOf: [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B])  // &quot;
                case 0x27: out.append(contentsOf: [0x26, 0x23, 0x33, 0x39, 0x3B])  // &#39;
                default: out.append(byte)
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}
