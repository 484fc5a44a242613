import SavnetModel

/// After appointing its committee a district sends its order and driving plan to the
/// province and enters the results in BPM, and the province forwards the orders and
/// plans to the department, each by the deadline its province (or the national file)
/// sets. Late or missing deliverables are status notes: published, never blocking
/// (provincial letter on activity 1.4.2). Nominees have their own rule.
struct DeliverablesRule: Rule {
    let id = "deliverables"
    let clause: Localized? = Clause.provincialLetter

    func check(_ directory: Directory, _ context: RuleContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        directory.forEachNetwork { file, network in
            let code = network.area.value
            let level: Level? = [.district, .province].contains(AreaCode(unchecked: code).level) ? AreaCode(unchecked: code).level : nil
            guard let level, !network.committee.isEmpty else { return }
            for kind in Deliverable.allCases where kind != .nominees && kind.sender == level {
                let status = directory.status(kind, forArea: code, today: context.today)
                let at = network.delivery(kind)?.date?.location ?? network.delivery(kind)?.location
                    ?? network.committeeLocation ?? file.location(line: 1)
                switch status {
                case let .late(date, deadline):
                    findings.append(finding(.status, at: at, Localized(
                        th: "\(kind.thaiName)เมื่อวันที่ \(ThaiCalendar.longDate(date, thaiDigits: false)) ซึ่งเกินกำหนด (วันที่ \(ThaiCalendar.longDate(deadline, thaiDigits: false)))",
                        en: "\(kind.englishName): done on \(date.messageText), after the deadline of \(deadline.messageText)")))
                case let .missing(deadline):
                    findings.append(finding(.status, at: at, Localized(
                        th: "ยังไม่ได้\(kind.thaiName) ซึ่งกำหนดไว้ภายในวันที่ \(ThaiCalendar.longDate(deadline, thaiDigits: false))",
                        en: "\(kind.englishName): not done, and the deadline of \(deadline.messageText) has passed"),
                        hint: Localized(th: "เมื่อส่งแล้ว ให้บันทึก deliverables: \(kind.rawValue): {date: วันที่ส่ง, letter: เลขที่หนังสือ}",
                                        en: "once done, record `deliverables: {\(kind.rawValue): {date: …, letter: …}}`")))
                default:
                    continue
                }
            }
        }
        return findings
    }
}
