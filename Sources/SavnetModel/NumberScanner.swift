/// Finds numbers written in running text, as a reader would see them on the page, and
/// reports where each starts, in code-point columns.
///
/// Digit groups (Arabic or Thai digits, or digits written as HTML character references
/// such as `&#49;`) are read as one number when only separators stand between them: any
/// run of spaces (NBSP and other Unicode spaces included), zero-width characters, `.`,
/// `/`, `-`, `–`, `(`, `)`, Markdown emphasis and escapes (`*`, `_`, `~`, `` ` ``, `\`),
/// HTML tags and comments, and line breaks. A letter, `|`, `,`, `:` or a new list item
/// ends a number. So `(077) 123 456`, `081.234.5678`, `**081**2345678` and
/// `081<!-- -->234&#53;678` are all read as the numbers they show.
public enum NumberScanner {
    /// A run of digits as written, with its digits and where it starts.
    public struct Hit: Equatable, Sendable {
        /// The digits read, in Arabic digits.
        public var digits: String
        /// 1-based line.
        public var line: Int
        /// 1-based code-point column of the first digit (or of a leading `+`).
        public var column: Int

        public init(digits: String, line: Int, column: Int) {
            self.digits = digits
            self.line = line
            self.column = column
        }
    }

    /// Every way of reading consecutive groups of a number as one number, so
    /// `โทร 081 234 5678` yields `0812345678`; only readings of 9 to 13 digits (the
    /// lengths of phone and ID numbers) are returned. One pass over the UTF-8 bytes.
    public static func candidates(in text: String, firstLine: Int = 1) -> [Hit] {
        var text = text
        return text.withUTF8 { buffer in
            var scanner = Scanner(bytes: buffer, line: firstLine)
            scanner.run()
            return scanner.hits
        }
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
    /// A group of the current run: its digits are `runDigits[start..<start + count]`.
    struct Group {
        var start: Int
        var count: Int
        var line: Int
        var column: Int
    }

    /// What one character (or reference, tag or comment) is to the scanner.
    enum Piece {
        case digit(UInt8)
        case separator
        case letter
        case breaker
    }

    struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var line: Int
        var column = 0
        var index = 0
        var hits: [Hit] = []
        var groups: [Group] = []
        /// The digits of the run's groups, one after another, then those of the group being
        /// read (one buffer, reused).
        var runDigits: [UInt8] = []
        /// Where the group being read starts in `runDigits`.
        var groupStart = 0
        /// Whether a group is being read.
        var inGroup: Bool { runDigits.count > groupStart }
        var groupLine = 0
        var groupColumn = 0
        /// Only separators since the last digit: the next digit continues the number.
        var joinable = false
        /// A letter touches the digits: `A0812345678` is a code, not a number.
        var glued = false
        var previousLetter = false
        var previousPlus = false
        /// Only spaces since the start of the line (a `- ` there starts a list item).
        var atLineStart = true

        init(bytes: UnsafeBufferPointer<UInt8>, line: Int) {
            self.bytes = bytes
            self.line = line
        }

        func byte(_ offset: Int) -> UInt8? {
            index + offset < bytes.count ? bytes[index + offset] : nil
        }

        mutating func closeGroup() {
            guard inGroup else { return }
            if glued {
                runDigits.removeLast(runDigits.count - groupStart)
            } else {
                groups.append(Group(start: groupStart, count: runDigits.count - groupStart, line: groupLine, column: groupColumn))
            }
            groupStart = runDigits.count
            glued = false
        }

        mutating func closeRun() {
            // Most calls find nothing to close (a new group after a skip): no array is touched.
            guard !groups.isEmpty || !runDigits.isEmpty else {
                joinable = false
                return
            }
            closeGroup()
            if !groups.isEmpty { emit() }
            groups.removeAll(keepingCapacity: true)
            runDigits.removeAll(keepingCapacity: true)
            groupStart = 0
            joinable = false
        }

        mutating func run() {
            while index < bytes.count {
                if groups.isEmpty, !inGroup {
                    skipToNextDigit()
                    guard index < bytes.count else { break }
                }
                let startColumn = column + 1
                let (piece, width, columns) = next()
                let plus = width == 1 && bytes[index] == 0x2B
                switch piece {
                case let .digit(value):
                    if !inGroup {
                        if !joinable { closeRun() }
                        groupLine = line
                        groupColumn = previousPlus ? startColumn - 1 : startColumn
                        glued = previousLetter
                    }
                    runDigits.append(value)
                    joinable = true
                    atLineStart = false
                case .separator:
                    closeGroup()
                case .letter:
                    closeRun()
                    atLineStart = false
                case .breaker:
                    closeRun()
                    atLineStart = false
                }
                previousLetter = { if case .letter = piece { return true }; return false }()
                previousPlus = plus
                index += width
                column += columns
                // The rest of a run of ASCII digits, or of spaces and tabs, at once (a space
                // after a separator changes nothing but the column).
                if case .separator = piece, width == 1 {
                    while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 {
                        index += 1
                        column += 1
                    }
                }
                if case .digit = piece {
                    while index < bytes.count, bytes[index] &- 0x30 < 10 {
                        runDigits.append(bytes[index])
                        index += 1
                        column += 1
                    }
                }
            }
            closeRun()
        }

        /// Non-zero for the bytes `skipToNextDigit` stops at to look closer.
        static let skipTable: [UInt8] = (0...255).map { byte in
            (0x30...0x39).contains(byte) || byte == 0x26 || byte == 0x0A || (0x90...0x99).contains(byte) ? 1 : 0
        }

        /// Outside a number, only a digit (or `&`, which may write one) can start one: skip
        /// straight to it, counting lines and code points, and note what touches it.
        mutating func skipToNextDigit() {
            let count = bytes.count
            guard let base = bytes.baseAddress else { return }
            var i = index
            // Lines are counted on the way; columns and the line-start state afterwards,
            // over the skipped part of the last line only.
            var lastLineStart = -1
            let table = Scanner.skipTable
            let vectors = ByteScan.Digits()
            scan: while i < count {
                // Sixteen bytes at a time while none of them can start a number (line
                // breaks are counted on the way).
                while i >= 1, i + 16 <= count {
                    let block = ByteScan.block(base, i)
                    if vectors.mayStart(block, after: ByteScan.block(base, i - 1)) { break }
                    if vectors.hasLineFeed(block) {
                        for at in i..<(i + 16) where base[at] == 0x0A {
                            line += 1
                            lastLineStart = at + 1
                        }
                    }
                    i += 16
                }
                // Then byte by byte, to the end of the block that may.
                let stop = min(i + 16, count)
                while i < stop {
                    // Bytes that are none of a digit, `&`, a line break or the last byte of
                    // a Thai digit (E0 B9 90–99) are passed in a tight loop.
                    if table[Int(base[i])] == 0 {
                        i += 1
                        continue
                    }
                    switch base[i] {
                    case 0x0A:
                        line += 1
                        lastLineStart = i + 1
                    case 0x90...0x99:
                        if i >= index + 2, base[i - 1] == 0xB9, base[i - 2] == 0xE0 {
                            i -= 2
                            break scan
                        }
                    default:
                        break scan
                    }
                    i += 1
                }
            }
            var from = index
            if lastLineStart >= 0 {
                from = lastLineStart
                column = 0
                atLineStart = true
            }
            while from < i {
                let b = base[from]
                if b & 0xC0 != 0x80 {
                    column += 1
                    if b != 0x20, b != 0x09, b != 0x0D { atLineStart = false }
                }
                from += 1
            }
            guard i != index else { return }
            index = i
            // What stands right before: an ASCII letter or a Latin letter with an accent
            // glues to the digits; a `+` belongs to the number.
            let before = bytes[i - 1]
            previousPlus = before == 0x2B
            previousLetter = (before | 0x20 >= 0x61 && before | 0x20 <= 0x7A)
                || (i >= 2 && before & 0xC0 == 0x80 && bytes[i - 2] >= 0xC3 && bytes[i - 2] <= 0xC9)
        }

        /// The piece at `index`: what it is, how many bytes and code points it takes.
        /// Line breaks are counted here.
        mutating func next() -> (Piece, Int, Int) {
            let b = bytes[index]
            switch b {
            case 0x30...0x39: return (.digit(b), 1, 1)
            case 0x0A:
                line += 1
                column = -1  // the next code point is column 1
                atLineStart = true
                return (.separator, 1, 1)
            case 0x20, 0x09, 0x0D:
                return (.separator, 1, 1)
            case 0x2D, 0x2A, 0x2B:  // - * +: a list item at the start of a line ends the number
                if atLineStart, byte(1) == 0x20 || byte(1) == 0x09 { return (.breaker, 1, 1) }
                return (b == 0x2B ? .breaker : .separator, 1, 1)
            case 0x2E, 0x2F, 0x28, 0x29, 0x5F, 0x7E, 0x60, 0x5C:  // . / ( ) _ ~ ` \
                atLineStart = false
                return (.separator, 1, 1)
            case 0x3C: return markup()
            case 0x26: return reference()
            case 0x41...0x5A, 0x61...0x7A: return (.letter, 1, 1)
            case 0x00...0x7F: return (.breaker, 1, 1)
            default: break
            }
            // Multi-byte: Thai digits, Unicode spaces and zero-width characters, dashes.
            let b1 = byte(1) ?? 0
            let b2 = byte(2) ?? 0
            if b == 0xC2, b1 == 0xA0 { return (.separator, 2, 1) }  // NBSP
            if b == 0xC2, b1 == 0xAD { return (.separator, 2, 1) }  // soft hyphen
            if b == 0xE0, b1 == 0xB9, (0x90...0x99).contains(b2) { return (.digit(b2 - 0x90 + 0x30), 3, 1) }
            if b == 0xE2, b1 == 0x80, (0x80...0x95).contains(b2) || (0xA8...0xAF).contains(b2) { return (.separator, 3, 1) }
            if b == 0xE2, b1 == 0x81, b2 == 0xA0 || b2 == 0x9F { return (.separator, 3, 1) }  // word joiner, math space
            if b == 0xEF, b1 == 0xBB, b2 == 0xBF { return (.separator, 3, 1) }  // zero-width no-break space
            if b == 0xE3, b1 == 0x80, b2 == 0x80 { return (.separator, 3, 1) }  // ideographic space
            let width = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
            // Latin letters with accents glue to numbers like ASCII letters.
            return (b >= 0xC3 && b <= 0xC9 ? .letter : .breaker, min(width, bytes.count - index), 1)
        }

        /// `<!-- … -->` or a tag `<a …>`, `</b>`: a separator; any other `<` ends a number.
        mutating func markup() -> (Piece, Int, Int) {
            if byte(1) == 0x21, byte(2) == 0x2D, byte(3) == 0x2D {
                var end = index + 4
                var lines = 0
                var lastBreak = -1
                while end + 2 < bytes.count, !(bytes[end] == 0x2D && bytes[end + 1] == 0x2D && bytes[end + 2] == 0x3E) {
                    if bytes[end] == 0x0A { lines += 1; lastBreak = end }
                    end += 1
                }
                guard end + 2 < bytes.count else { return (.breaker, 1, 1) }
                let width = end + 3 - index
                return (.separator, width, skipLines(lines, lastBreak: lastBreak, end: end + 3))
            }
            guard let first = byte(1), first == 0x2F || (first | 0x20 >= 0x61 && first | 0x20 <= 0x7A) else { return (.breaker, 1, 1) }
            var end = index + 1
            var lines = 0
            var lastBreak = -1
            while end < bytes.count, end - index < 512, bytes[end] != 0x3E, bytes[end] != 0x3C {
                if bytes[end] == 0x0A { lines += 1; lastBreak = end }
                end += 1
            }
            guard end < bytes.count, bytes[end] == 0x3E else { return (.breaker, 1, 1) }
            let width = end + 1 - index
            return (.separator, width, skipLines(lines, lastBreak: lastBreak, end: end + 1))
        }

        /// Counts the line breaks inside a skipped piece; returns the code points it adds
        /// to the column.
        mutating func skipLines(_ lines: Int, lastBreak: Int, end: Int) -> Int {
            guard lines > 0 else { return codePoints(index, end) }
            line += lines
            column = 0
            return codePoints(lastBreak + 1, end)
        }

        func codePoints(_ from: Int, _ to: Int) -> Int {
            var count = 0
            for i in from..<to where bytes[i] & 0xC0 != 0x80 { count += 1 }
            return count
        }

        /// `&#49;`, `&#x31;` (a digit or a space as the page shows it) or `&nbsp;`.
        mutating func reference() -> (Piece, Int, Int) {
            var end = index + 1
            while end < bytes.count, end - index < 12, bytes[end] != 0x3B,
                  bytes[end] == 0x23 || (bytes[end] | 0x20 >= 0x61 && bytes[end] | 0x20 <= 0x7A) || (0x30...0x39).contains(bytes[end]) {
                end += 1
            }
            guard end < bytes.count, bytes[end] == 0x3B, end > index + 1 else { return (.breaker, 1, 1) }
            let name = String(decoding: bytes[(index + 1)..<end], as: UTF8.self).lowercased()
            let width = end + 1 - index
            var value: UInt32?
            if name.hasPrefix("#x") { value = UInt32(name.dropFirst(2), radix: 16) } else if name.hasPrefix("#") { value = UInt32(name.dropFirst()) }
            if let value {
                if (0x30...0x39).contains(value) { return (.digit(UInt8(value)), width, width) }
                if (0x0E50...0x0E59).contains(value) { return (.digit(UInt8(value - 0x0E50 + 0x30)), width, width) }
                if [0x20, 0x09, 0x0A, 0xA0, 0xAD, 0x2E, 0x2F, 0x2D, 0x28, 0x29, 0x2060, 0xFEFF, 0x3000].contains(value)
                    || (0x2000...0x2015).contains(value) || (0x2028...0x202F).contains(value) {
                    return (.separator, width, width)
                }
                return (.breaker, width, width)
            }
            let spaces: Set<String> = ["nbsp", "ensp", "emsp", "thinsp", "hairsp", "numsp", "puncsp", "zwsp", "zwj", "zwnj",
                                       "shy", "ndash", "mdash", "hyphen", "dash", "period", "sol", "lpar", "rpar", "nobreak",
                                       "newline", "tab", "wj", "lowbar", "ast"]
            return (spaces.contains(name) ? .separator : .breaker, width, width)
        }

        /// Every reading of consecutive groups of the run that has 9 to 13 digits.
        mutating func emit() {
            for start in groups.indices {
                var count = 0
                for end in start..<groups.count {
                    count += groups[end].count
                    guard count <= 13 else { break }
                    guard count >= 9 else { continue }
                    let first = groups[start].start
                    let text = String(decoding: runDigits[first..<(first + count)], as: UTF8.self)
                    hits.append(Hit(digits: text, line: groups[start].line, column: groups[start].column))
                }
            }
        }
    }
}
