import Foundation

/// A day in the proleptic Gregorian calendar, stored with its Common-Era year.
///
/// Content may write dates in the Buddhist Era (`2566-07-28`), the Common Era
/// (`2023-07-28`) or with Thai digits (`๒๕๖๖-๐๗-๒๘`); a year above 2400 is read as BE.
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The year, Common Era.
    public var year: Int
    /// 1–12.
    public var month: Int
    /// 1–31.
    public var day: Int

    /// Years between the Common Era and the Buddhist Era (พ.ศ. = ค.ศ. + 543).
    public static let buddhistEraOffset = 543

    /// Creates a date from a Common-Era year; returns nil when the day does not exist.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= CalendarDate.daysIn(month: month, year: year) else {
            return nil
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD` (also `YYYY/MM/DD`) in Arabic or Thai digits, BE or CE.
    public init?(parsing text: String) {
        // The common case, `2566-07-28`, read straight from the bytes.
        let bytes = Array(text.utf8)
        if bytes.count == 10, bytes[4] == 0x2D, bytes[7] == 0x2D {
            func number(_ range: Range<Int>) -> Int? {
                var value = 0
                for index in range {
                    let byte = bytes[index]
                    guard byte >= 0x30, byte <= 0x39 else { return nil }
                    value = value * 10 + Int(byte - 0x30)
                }
                return value
            }
            if let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) {
                guard let ceYear = CalendarDate.commonEraYear(year) else { return nil }
                self.init(year: ceYear, month: month, day: day)
                return
            }
        }
        let plain = ThaiNumerals.toArabic(text.trimmingCharacters(in: .whitespaces))
        let parts = plain.split(whereSeparator: { $0 == "-" || $0 == "/" }).map(String.init)
        guard parts.count == 3, parts[0].count == 4, (1...2).contains(parts[1].count), (1...2).contains(parts[2].count),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        guard let ceYear = CalendarDate.commonEraYear(year) else { return nil }
        self.init(year: ceYear, month: month, day: day)
    }

    /// Years a file may plausibly mean: 2480–2700 BE, or 1937–2157 CE (the same span).
    public static let plausibleBuddhistYears = 2480...2700
    public static let plausibleCommonEraYears = 1937...2157

    /// The Common-Era year a written year stands for, or nil when it is neither a
    /// plausible BE nor a plausible CE year (a typo such as 1566 is not read as 2109 BE).
    static func commonEraYear(_ written: Int) -> Int? {
        if plausibleBuddhistYears.contains(written) { return written - buddhistEraOffset }
        if plausibleCommonEraYears.contains(written) { return written }
        return nil
    }

    /// Why `text` is not a date, in words, and the ISO form to write when savnet can tell
    /// what was meant (`28/07/2566` and `28 ก.ค. 2566` → `2566-07-28`).
    public static func explain(_ text: String) -> (th: String, en: String, suggestion: String?) {
        let plain = ThaiNumerals.toArabic(text.trimmingCharacters(in: .whitespaces))
        let parts = plain.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == " " }).map(String.init)
        func iso(_ year: Int, _ month: Int, _ day: Int) -> String {
            "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
        }
        // Year first: the year or the day is what is wrong.
        if parts.count == 3, parts[0].count == 4, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) {
            guard commonEraYear(year) != nil else {
                return ("ปี \(year) ไม่ใช่ปี พ.ศ. (2480–2700) หรือ ค.ศ. (1937–2157)",
                        "the year \(year) is neither a Buddhist Era year (2480–2700) nor a Common Era year (1937–2157)", nil)
            }
            if (1...12).contains(month), CalendarDate(year: commonEraYear(year)!, month: month, day: 1) != nil {
                let days = daysIn(month: month, year: commonEraYear(year)!)
                return ("ไม่มีวันที่ \(day) ในเดือน\(ThaiCalendar.monthNames[month - 1]) ปี \(year) (มี \(days) วัน)",
                        "there is no day \(day) in month \(month) of \(year) (it has \(days) days)", nil)
            }
            return ("ไม่มีเดือนที่ \(month)", "there is no month \(month)", nil)
        }
        // Day first, with digits or a Thai month name: say how to write it.
        if parts.count == 3, parts[2].count == 4, let year = Int(parts[2]), let day = Int(parts[0]),
           let month = Int(parts[1]) ?? ThaiCalendar.month(named: parts[1]),
           let ce = commonEraYear(year), CalendarDate(year: ce, month: month, day: day) != nil {
            let suggestion = iso(year, month, day)
            return ("วันที่ต้องเขียนแบบ ปปปป-ดด-วว (ปี-เดือน-วัน)", "dates are written year first, as YYYY-MM-DD", suggestion)
        }
        return ("ไม่ใช่วันที่ในรูป ปปปป-ดด-วว", "not a date like YYYY-MM-DD", nil)
    }

    /// The year in the Buddhist Era.
    public var buddhistYear: Int { year + CalendarDate.buddhistEraOffset }

    /// ISO 8601, Common Era: `2023-07-28`.
    public var description: String { iso }

    /// ISO 8601, Common Era: `2023-07-28`.
    public var iso: String {
        "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// How an English message writes the date: in the era content files use, and saying
    /// so (`2566-07-28 BE`), never silently converted to the Common Era.
    public var messageText: String { buddhistISO + " BE" }

    /// The Buddhist-Era form used in content files: `2566-07-28`.
    public var buddhistISO: String {
        "\(buddhistYear)-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// The same day `years` later; 29 February falls back to the 28th.
    public func adding(years: Int) -> CalendarDate {
        let target = year + years
        let lastDay = CalendarDate.daysIn(month: month, year: target)
        return CalendarDate(year: target, month: month, day: min(day, lastDay))!
    }

    /// Days from `self` to `other` (negative when `other` is earlier).
    public func days(until other: CalendarDate) -> Int {
        other.dayNumber - dayNumber
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// Whether `year` (CE) is a leap year.
    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// The number of days in a month.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

private extension CalendarDate {
    /// Days since a fixed epoch (civil-from-days algorithm, inverted).
    var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let monthIndex = (month + 9) % 12
        let dayOfYear = (153 * monthIndex + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra
    }

    func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

public extension CalendarDate {
    /// The day before.
    var previousDay: CalendarDate {
        if day > 1 { return CalendarDate(year: year, month: month, day: day - 1)! }
        if month > 1 {
            return CalendarDate(year: year, month: month - 1, day: CalendarDate.daysIn(month: month - 1, year: year))!
        }
        return CalendarDate(year: year - 1, month: 12, day: 31)!
    }
}
