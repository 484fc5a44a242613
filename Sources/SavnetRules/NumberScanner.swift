import SavnetModel

/// Finds numbers written in running text (Arabic or Thai digits, grouped with `-` or
/// spaces) and reports where each starts, in code-point columns.
enum NumberScanner {
    /// A run of digits as written, with its digits and where it starts.
    struct Hit: Equatable {
        var digits: String
        var line: Int
        var column: Int
    }

    /// Every way of reading consecutive space-separated groups on a line as one number,
    /// so `โทร 081 234 5678` yields `0812345678` as well as its parts.
    static func candidates(in text: String, firstLine: Int = 1) -> [Hit] {
        var hits: [Hit] = []
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let scalars = line.unicodeScalars.map(normalize)
            for run in runs(scalars) {
                for start in run.indices {
                    var digits = ""
                    for end in start..<run.count {
                        digits += run[end].digits
                        guard digits.count <= 13 else { break }
                        hits.append(Hit(digits: digits, line: firstLine + offset, column: run[start].column))
                    }
                }
            }
        }
        return hits
    }

    /// Whether 13 digits are a Thai citizen ID: the last digit is the checksum of the first 12.
    static func isCitizenID(_ digits: String) -> Bool {
        let values = digits.compactMap(\.wholeNumberValue)
        guard values.count == 13, digits.count == 13, (1...8).contains(values[0]) else { return false }
        let sum = (0..<12).reduce(0) { $0 + values[$1] * (13 - $1) }
        return (11 - sum % 11) % 10 == values[12]
    }

    /// Whether digits look like a Thai phone number: mobile `0[689]` and 10 digits,
    /// landline `0[2-7]` and 9 digits, or `66…` with the leading 0 dropped.
    static func isPhoneNumber(_ digits: String) -> Bool {
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
        var digits: String
        var column: Int
    }

    static func normalize(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        ThaiNumerals.isThaiDigit(scalar) ? Unicode.Scalar(scalar.value - 0x0E50 + 0x30)! : scalar
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x30 && scalar.value <= 0x39 }

    /// Runs of digit groups: a group is digits joined by single hyphens; groups in one run
    /// are separated by single spaces. A digit run glued to letters is not a number.
    static func runs(_ scalars: [Unicode.Scalar]) -> [[Group]] {
        var runs: [[Group]] = []
        var current: [Group] = []
        var index = 0
        while index < scalars.count {
            guard isDigit(scalars[index]), index == 0 || !isWordy(scalars[index - 1]) else {
                if !current.isEmpty, !(scalars[index] == " " && index + 1 < scalars.count && isDigit(scalars[index + 1])) {
                    runs.append(current)
                    current = []
                }
                index += 1
                continue
            }
            let start = index
            var digits = ""
            while index < scalars.count {
                if isDigit(scalars[index]) {
                    digits.unicodeScalars.append(scalars[index])
                    index += 1
                } else if scalars[index] == "-", index + 1 < scalars.count, isDigit(scalars[index + 1]) {
                    index += 1
                } else {
                    break
                }
            }
            // An international prefix belongs to the number: point at its `+`.
            let column = start > 0 && scalars[start - 1] == "+" ? start : start + 1
            current.append(Group(digits: digits, column: column))
        }
        if !current.isEmpty { runs.append(current) }
        return runs
    }

    static func isWordy(_ scalar: Unicode.Scalar) -> Bool {
        isDigit(scalar) || (scalar.properties.isAlphabetic && scalar.value < 0x0E00)
    }
}
