import SavnetModel

/// The committee serves 4 years (network regulation ข้อ ๘ and the appointment order):
/// an expired term, or one ending within the warning window, is a status note (the file
/// is right; the office is behind), shown on the site, never stopping a build.
struct TermRule: Rule {
    let id = "term-expiry"
    let clause: Localized? = Clause.networkRegulation(8)

    func check(_ directory: Directory, _ context: RuleContext) -> [Diagnostic] {
        directory.compactMapNetworks { file, network in
            guard !network.committee.isEmpty else { return nil }
            guard let term = network.term else {
                // A start that is there but not a date has been reported already.
                if network.unreadableKeys.contains("term.start") { return nil }
                return finding(.warning, at: network.committeeLocation ?? file.location(line: 1), Localized(
                    th: "ไม่ได้ระบุวันเริ่มวาระของคณะกรรมการ จึงคำนวณวันหมดวาระไม่ได้",
                    en: "the committee's term start is not given, so its end cannot be worked out"),
                    hint: Localized(th: "เพิ่ม term: start: วันที่ในคำสั่งแต่งตั้ง (เช่น 2566-08-25)",
                                    en: "add `term: {start: …}` with the date of the appointment order (e.g. 2566-08-25)"))
            }
            let end = term.end
            let left = context.today.days(until: end)
            let endText = Localized(th: ThaiCalendar.longDate(end, thaiDigits: false), en: end.messageText)
            if left < 0 {
                return finding(.status, at: term.start.location, Localized(
                    th: "วาระ ๔ ปีของคณะกรรมการสิ้นสุดแล้วเมื่อ \(endText.th)",
                    en: "the committee's 4-year term ended on \(endText.en)"),
                    hint: Localized(th: "แต่งตั้งคณะกรรมการชุดใหม่ แล้วแก้ term.start และ order ตามคำสั่งใหม่",
                                    en: "appoint a new committee, then update `term.start` and `order` from the new order"))
            }
            if left <= context.expiryWarningDays {
                return finding(.status, at: term.start.location, Localized(
                    th: "วาระของคณะกรรมการจะสิ้นสุดใน \(left) วัน (\(endText.th))",
                    en: "the committee's term ends in \(left) days (\(endText.en))"),
                    hint: Localized(th: "เตรียมสรรหาคณะกรรมการชุดใหม่", en: "prepare to select the next committee"))
            }
            return nil
        }
    }
}
