import Foundation

/// Conversions between Thai digits (๐–๙) and Arabic digits (0–9).
public enum ThaiNumerals {
    private static let thaiZero: UInt32 = 0x0E50

    /// Replaces every Thai digit in `text` with its Arabic digit; other characters stay.
    public static func toArabic(_ text: String) -> String {
        // As bytes: ๐–๙ are E0 B9 90–99, which no other character's bytes contain.
        guard hasDigit(text, arabic: false) else { return text }
        var text = text
        return text.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var index = 0
            while index < bytes.count {
                if index + 2 < bytes.count, bytes[index] == 0xE0, bytes[index + 1] == 0xB9, (0x90...0x99).contains(bytes[index + 2]) {
                    out.append(bytes[index + 2] - 0x90 + 0x30)
                    index += 3
                } else {
                    out.append(bytes[index])
                    index += 1
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// A whole number with a comma before every group of three digits: `-1,250,000`.
    public static func grouped(_ value: Int) -> String {
        (value < 0 ? "-" : "") + grouped(digits: String(value.magnitude))
    }

    /// ASCII digits with a comma before every group of three from the right; as bytes,
    /// since every page formats a few dozen amounts.
    public static func grouped(digits: String) -> String {
        let bytes = Array(digits.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 3)
        for (index, byte) in bytes.enumerated() {
            if index > 0, (bytes.count - index) % 3 == 0 { out.append(0x2C) }
            out.append(byte)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Replaces every Arabic digit in `text` with its Thai digit, as official documents print them.
    public static func toThai(_ text: String) -> String {
        // Read through the bytes' storage: documents print every number this way.
        var copy = text
        let converted = copy.withUTF8 { bytes -> String? in
            guard let first = bytes.firstIndex(where: { $0 &- 0x30 < 10 }) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 2 * (bytes.count - first))
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[..<first]))
            for byte in bytes[first...] {
                if byte &- 0x30 < 10 {
                    out.append(0xE0)
                    out.append(0xB9)
                    out.append(byte &- 0x30 &+ 0x90)
                } else {
                    out.append(byte)
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
        return converted ?? text
    }

    /// Whether the scalar is one of ๐–๙.
    public static func isThaiDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= thaiZero && scalar.value <= thaiZero + 9
    }

    /// Parses a whole number written in Arabic or Thai digits, allowing `,` separators.
    public static func parseInt(_ text: String) -> Int? {
        if let value = Int(text) { return value }
        guard hasDigit(text) else { return nil }
        let plain = toArabic(text).replacingOccurrences(of: ",", with: "")
            .trimmingCharacters(in: .whitespaces)
        return Int(plain)
    }

    /// Whether the text has a Thai digit (U+0E50–U+0E59, `E0 B9 90`–`E0 B9 99`), or with
    /// `arabic` an Arabic one.
    static func hasDigit(_ text: String, arabic: Bool = true) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            for index in bytes.indices {
                let byte = bytes[index]
                if arabic, byte &- 0x30 < 10 { return true }
                if index >= 2, byte &- 0x90 < 10, bytes[index - 1] == 0xB9, bytes[index - 2] == 0xE0 { return true }
            }
            return false
        }
    }

    /// Whether the text is only digits (Arabic or Thai), `,` separators and an optional sign.
    public static func isDigits(_ text: String) -> Bool {
        let plain = toArabic(text).replacingOccurrences(of: ",", with: "").trimmingCharacters(in: .whitespaces)
        let unsigned = plain.hasPrefix("-") || plain.hasPrefix("+") ? plain.dropFirst() : Substring(plain)
        return !unsigned.isEmpty && unsigned.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// Parses a decimal amount written in Arabic or Thai digits, allowing `,` separators.
    public static func parseDecimal(_ text: String) -> Double? {
        if text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), !text.isEmpty, let value = Double(text) { return value }
        let plain = toArabic(text).replacingOccurrences(of: ",", with: "")
            .trimmingCharacters(in: .whitespaces)
        guard !plain.isEmpty, plain.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" }) else { return nil }
        return Double(plain)
    }
}
