import SavnetModel

/// An appointment order is numbered `number/BE-year`, the year agreeing with its date
/// (order template, based on clauses 21 and 23 of the 2012 CDD regulation).
struct AppointmentOrderRule: Rule {
    let id = "appointment-order"
    let clause: Localized? = Clause.orderTemplate

    func check(_ directory: Directory, _ context: RuleContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        directory.forEachNetwork { _, network in
            guard let order = network.order else { return }
            // The term runs from the order: it cannot start before the order was signed.
            if let date = order.date, let start = network.term?.start, start.value < date.value {
                findings.append(finding(.warning, at: start.location, Localized(
                    th: "วาระเริ่มวันที่ \(ThaiCalendar.longDate(start.value, thaiDigits: false)) ก่อนวันที่ออกคำสั่ง (\(ThaiCalendar.longDate(date.value, thaiDigits: false)))",
                    en: "the term starts on \(start.value.messageText), before the order was signed (\(date.value.messageText))"),
                    hint: Localized(th: "วาระเริ่มนับตั้งแต่วันที่ในคำสั่ง ตรวจ term.start และ order.date",
                                    en: "the term runs from the order: check `term.start` and `order.date`")))
            }
            guard let number = order.number else {
                findings.append(finding(.warning, at: order.location, Localized(
                    th: "คำสั่งแต่งตั้งไม่มีเลขที่", en: "the appointment order has no number"),
                    hint: Localized(th: "เพิ่ม number: เช่น 12/2566", en: "add `number:`, e.g. 12/2566")))
                return
            }
            let parts = ThaiNumerals.toArabic(number.value).split(separator: "/")
            guard parts.count == 2, Int(parts[0]) != nil, let year = Int(parts[1]), parts[1].count == 4 else {
                findings.append(finding(.error, at: number.location, Localized(
                    th: "เลขที่คำสั่ง `\(number.value)` ต้องอยู่ในรูป เลขที่/ปี พ.ศ. เช่น 12/2566",
                    en: "order number `\(number.value)` must read number/BE year, e.g. 12/2566")))
                return
            }
            if let date = order.date, date.value.buddhistYear != year {
                findings.append(finding(.warning, at: number.location, Localized(
                    th: "ปีในเลขที่คำสั่ง (\(year)) ไม่ตรงกับปีของวันที่สั่ง (พ.ศ. \(date.value.buddhistYear))",
                    en: "the year in the order number (\(year)) differs from the order date's BE year (\(date.value.buddhistYear))"),
                    hint: Localized(th: "ตรวจเลขที่คำสั่งหรือวันที่สั่งให้ตรงกับต้นฉบับ",
                                    en: "check the order number and date against the signed order")))
            }
        }
        return findings
    }
}
