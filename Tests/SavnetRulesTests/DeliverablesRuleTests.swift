import SavnetModel
import SavnetTestSupport
import XCTest

/// Deliverables judged against the deadlines a province sets: status, never errors.
final class DeliverablesRuleTests: RuleTestCase {
    /// The other districts sent everything on time, so findings are the edited file's.
    private static func onTime(_ site: inout TestSite) {
        for code in ["8401", "8402"] {
            site.files["84/\(code)/_index.md"] = SampleNetwork.district(code, subdistricts: SampleNetwork.subdistricts(of: code), extra: """
                deliverables:
                  order: {date: 2566-09-01}
                  plan: {date: 2566-09-01}
                  bpm: {date: 2566-09-01}
                """)
        }
    }

    private var site: TestSite {
        var site = SampleNetwork.site()
        Self.onTime(&site)
        site.files["84/_index.md"] = SampleNetwork.province(districts: ["8401", "8402", "8409"], extra: """
            deadlines:
              order: 2566-09-20
              plan: 2566-09-20
            """)
        return site
    }

    func testStatusOfADelivery() {
        let deadline = CalendarDate(year: 2023, month: 9, day: 20)!
        let before = CalendarDate(year: 2023, month: 9, day: 1)!
        let after = CalendarDate(year: 2023, month: 10, day: 1)!
        XCTAssertEqual(DeliveryStatus(sent: before, deadline: deadline, today: after), .onTime(before))
        XCTAssertEqual(DeliveryStatus(sent: after, deadline: deadline, today: after), .late(after, deadline: deadline))
        XCTAssertEqual(DeliveryStatus(sent: nil, deadline: deadline, today: after), .missing(deadline: deadline))
        XCTAssertEqual(DeliveryStatus(sent: nil, deadline: deadline, today: before), .notYetDue(deadline: deadline))
        XCTAssertEqual(DeliveryStatus(sent: before, deadline: nil, today: after).thaiLabel, "ส่งแล้ว", "no deadline: never ทันกำหนด")
        XCTAssertEqual(DeliveryStatus(sent: nil, deadline: nil, today: after).thaiLabel, "ยังไม่ส่ง")
    }

    func testLateAndMissingDeliverablesAreStatus() {
        let text = SampleNetwork.district("8409", extra: "deliverables:\n  order: {date: ‸2566-09-25}\n")
            .replacingFirst("committee:", with: "‸committee:")
        // The order was sent late; the plan was not sent at all (reported at the committee).
        let found = assertFindings("deliverables", in: "84/8409/_index.md", text, severity: .status,
                                   today: CalendarDate(year: 2023, month: 10, day: 1)!, base: site)
        XCTAssertEqual(found.map(\.message.en).sorted(), [
            "the appointment order sent to the province: done on 2566-09-25 BE, after the deadline of 2566-09-20 BE",
            "the driving plan sent to the province: not done, and the deadline of 2566-09-20 BE has passed",
        ])
    }

    func testNothingIsSaidBeforeTheDeadlineOrWithoutOne() {
        let text = SampleNetwork.district("8409")
        assertFindings("deliverables", in: "84/8409/_index.md", text, severity: .status,
                       today: CalendarDate(year: 2023, month: 9, day: 1)!, base: site)
        assertFindings("deliverables", in: "84/8409/_index.md", text, severity: .status,
                       today: CalendarDate(year: 2023, month: 10, day: 1)!)
    }

    func testTheNationalFileSetsDeadlinesForEveryProvince() {
        var site = SampleNetwork.site()
        Self.onTime(&site)
        site.files["_index.md"] = "---\nlevel: national\narea: \"\"\ndeadlines:\n  bpm: 2566-09-20\n---\n"
        let text = SampleNetwork.district("8409").replacingFirst("committee:", with: "‸committee:")
        assertFindings("deliverables", in: "84/8409/_index.md", text, severity: .status,
                       today: CalendarDate(year: 2023, month: 10, day: 1)!, base: site)
    }
}
