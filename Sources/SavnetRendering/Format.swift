import SavnetModel

/// How numbers and dates read on the site.
enum Format {
    /// `1,250,000` or `1,250.50`.
    static func amount(_ value: Double) -> String {
        guard value.isFinite else { return "–" }
        // Beyond what an Int holds in satang (sums of many bounded amounts): whole baht.
        guard abs(value) < 1e15 else {
            let digits = String(format: "%.0f", abs(value))
            return (value < 0 ? "-" : "") + ThaiNumerals.grouped(digits: digits)
        }
        let cents = Int((value * 100).rounded())
        let whole = ThaiNumerals.grouped(abs(cents) / 100)
        let fraction = abs(cents) % 100
        let sign = cents < 0 ? "-" : ""
        return fraction == 0 ? sign + whole : sign + whole + "." + (fraction < 10 ? "0" : "") + String(fraction)
    }

    /// `12,345`.
    static func count(_ value: Int) -> String { ThaiNumerals.grouped(value) }

    /// A date on screen: `28 กรกฎาคม 2566`.
    static func date(_ date: CalendarDate) -> String {
        "\(date.day) \(ThaiCalendar.monthNames[date.month - 1]) \(date.buddhistYear)"
    }

    /// A date in an official document: `๒๘ กรกฎาคม พ.ศ. ๒๕๖๖`.
    static func documentDate(_ date: CalendarDate) -> String {
        ThaiCalendar.longDate(date, thaiDigits: true)
    }

    /// Arabic digits to Thai digits, for documents.
    static func thai(_ text: String) -> String { ThaiNumerals.toThai(text) }

    /// Months of a plan row in fiscal-year order (ต.ค. first): `ต.ค.–ธ.ค., ก.พ.`.
    static func months(_ months: [Int]) -> String {
        let order = fiscalOrder(months)
        return order.map { ThaiCalendar.shortMonthNames[$0 - 1] }.joined(separator: " ")
    }

    /// Month numbers sorted from October to September.
    static func fiscalOrder(_ months: [Int]) -> [Int] {
        Array(Set(months)).sorted { ($0 + 2) % 12 < ($1 + 2) % 12 }
    }
}
