/// Finds numbers written in running text (Arabic or Thai digits, grouped with `-` or
/// spaces) and reports where each starts, in code-point columns.
public enum NumberScanner {
    /// A run of digits as written, with its digits and where it starts.
    public struct Hit: Equatable, Sendable {
        /// The digits read, in Arabic digits.
        public var digits: String
        /// 1-based line.
        public var line: Int
        /// 1-based code-point column of the first digit (or of a leading `+`).
        public var column: Int
    }

    /// Every way of reading consecutive space-separated groups on a line as one number,
    /// so `โทร 081 234 5678` yields `0812345678`; only readings of 9 to 13 digits (the
    /// lengths of phone and ID numbers) are returned. One pass over the UTF-8 bytes;
    /// columns count code points (every byte that does not continue a sequence).
    public static func candidates(in text: String, firstLine: Int = 1) -> [Hit] {
        var text = text
        return text.withUTF8 { scan(Array($0), firstLine: firstLine) }
    }

    private static func scan(_ bytes: [UInt8], firstLine: Int) -> [Hit] {
        var hits: [Hit] = []
        var run: [Group] = []
        var digits: [UInt8] = []
        var groupColumn = 0
        var line = firstLine
        var column = 0
        var previousWordy = false
        var previousPlus = false
        var pendingSpace = false
        var pendingHyphen = false

        func closeGroup() {
            guard !digits.isEmpty else { return }
            run.append(Group(digits: digits, column: groupColumn))
            digits.removeAll(keepingCapacity: true)
        }
        func closeRun() {
            closeGroup()
            if !run.isEmpty { emit(run, line: line, into: &hits) }
            run.removeAll(keepingCapacity: true)
        }

        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            var width = 1
            var digit: UInt8?
            var wordy = false
            if byte < 0x80 {
                if byte >= 0x30, byte <= 0x39 { digit = byte }
                wordy = (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
            } else if byte >= 0xF0 {
                width = 4
            } else if byte >= 0xE0 {
                width = 3
                // Thai digits ๐–๙ are U+0E50–U+0E59: E0 B9 90–99.
                if byte == 0xE0, index + 2 < count, bytes[index + 1] == 0xB9, bytes[index + 2] >= 0x90, bytes[index + 2] <= 0x99 {
                    digit = bytes[index + 2] - 0x90 + 0x30
                }
            } else if byte >= 0xC0 {
                width = 2
                // Latin letters with accents glue to numbers like ASCII letters.
                wordy = byte >= 0xC3 && byte <= 0xC9
            }
            column += 1
            if let digit {
                if digits.isEmpty {
                    if !pendingSpace, !run.isEmpty { closeRun() }
                    if previousWordy {
                        index += width
                        continue
                    }
                    groupColumn = previousPlus ? column - 1 : column
                }
                digits.append(digit)
                pendingSpace = false
                pendingHyphen = false
                wordy = true
            } else if byte == 0x2D, !digits.isEmpty, !pendingHyphen {
                pendingHyphen = true
            } else if byte == 0x20, !digits.isEmpty || !run.isEmpty, !pendingSpace, !pendingHyphen {
                closeGroup()
                pendingSpace = true
            } else {
                if !digits.isEmpty || !run.isEmpty { closeRun() }
                pendingSpace = false
                pendingHyphen = false
                if byte == 0x0A {
                    line += 1
                    column = 0
                }
            }
            previousWordy = wordy
            previousPlus = byte == 0x2B
            index += width
        }
        closeRun()
        return hits
    }

    /// Whether 13 digits are a Thai citizen ID: the last digit is the checksum of the first 12.
    public static func isCitizenID(_ digits: String) -> Bool {
        let values = digits.compactMap(\.wholeNumberValue)
        guard values.count == 13, digits.count == 13, (1...8).contains(values[0]) else { return false }
        let sum = (0..<12).reduce(0) { $0 + values[$1] * (13 - $1) }
        return (11 - sum % 11) % 10 == values[12]
    }

    /// Whether digits look like a Thai phone number: mobile `0[689]` and 10 digits,
    /// landline `0[2-7]` and 9 digits, or `66…` with the leading 0 dropped.
    public static func isPhoneNumber(_ digits: String) -> Bool {
        var number = digits
        if number.hasPrefix("66"), number.count == 10 || number.count == 11 { number = "0" + number.dropFirst(2) }
        guard number.hasPrefix("0"), number.count >= 9 else { return false }
        let second = number.dropFirst().first!
        if "689".contains(second) { return number.count == 10 }
        if "234567".contains(second) { return number.count == 9 }
        return false
    }
}

private extension NumberScanner {
    struct Group {
        var digits: [UInt8]
        var column: Int
    }

    /// Every reading of consecutive groups of a run that has 9 to 13 digits.
    static func emit(_ run: [Group], line: Int, into hits: inout [Hit]) {
        for start in run.indices {
            var count = 0
            for end in start..<run.count {
                count += run[end].digits.count
                guard count <= 13 else { break }
                guard count >= 9 else { continue }
                var text = ""
                text.reserveCapacity(count)
                for group in run[start...end] { text += String(decoding: group.digits, as: UTF8.self) }
                hits.append(Hit(digits: text, line: line, column: run[start].column))
            }
        }
    }
}
