import Foundation

/// Thai month names and the official way of writing a date: `๒๘ กรกฎาคม พ.ศ. ๒๕๖๖`.
public enum ThaiCalendar {
    /// Full Thai month names, January first.
    public static let monthNames = [
        "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
        "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
    ]

    /// Abbreviated Thai month names (ม.ค. … ธ.ค.).
    public static let shortMonthNames = [
        "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
        "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
    ]

    /// The official long form, `๒๘ กรกฎาคม พ.ศ. ๒๕๖๖` (Thai digits when `thaiDigits`).
    public static func longDate(_ date: CalendarDate, thaiDigits: Bool = true) -> String {
        let text = "\(date.day) \(monthNames[date.month - 1]) พ.ศ. \(date.buddhistYear)"
        return thaiDigits ? ThaiNumerals.toThai(text) : text
    }

    /// Full and abbreviated names (with and without dots) by their UTF-8 bytes.
    static let monthsByName: ByteTable<Int> = {
        var names: [(String, Int)] = []
        for index in 0..<12 {
            names.append((monthNames[index], index + 1))
            names.append((shortMonthNames[index], index + 1))
            names.append((shortMonthNames[index].replacingOccurrences(of: ".", with: ""), index + 1))
        }
        return ByteTable(names)
    }()

    /// The month number (1–12) of a Thai month name, full or abbreviated.
    public static func month(named name: String) -> Int? {
        if let month = monthsByName[name] { return month }
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        if let index = monthNames.firstIndex(of: trimmed) { return index + 1 }
        if let index = shortMonthNames.firstIndex(of: trimmed) { return index + 1 }
        let noDots = trimmed.replacingOccurrences(of: ".", with: "")
        if let index = shortMonthNames.firstIndex(where: { $0.replacingOccurrences(of: ".", with: "") == noDots }) {
            return index + 1
        }
        return nil
    }
}
