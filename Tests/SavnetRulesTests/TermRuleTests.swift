import SavnetModel
import SavnetTestSupport
import XCTest

final class TermRuleTests: RuleTestCase {
    private let path = "84/8409/840901.md"

    /// Only the one file: every committee in the full sample ages the same way.
    private var alone: TestSite { TestSite([path: sample(path)]) }

    private var marked: String {
        sample(path).replacingFirst("  start: 2566-07-04", with: "  start: ‸2566-07-04")
    }

    func testActiveTermIsFine() {
        assertFindings("term-expiry", in: path, sample(path), today: CalendarDate(year: 2027, month: 4, day: 3)!, base: alone)
    }

    func testExpiredTermIsStatusNotAnError() {
        // The term started 4 July 2023 and ended 3 July 2027.
        let found = assertFindings("term-expiry", in: path, marked, severity: .status,
                                   today: CalendarDate(year: 2027, month: 7, day: 4)!, base: alone)
        XCTAssertEqual(found.first?.message.en, "the committee's 4-year term ended on 2570-07-03 BE")
    }

    func testLastDayOfTheTermIsStillActiveButExpiring() {
        assertFindings("term-expiry", in: path, marked, severity: .status, today: CalendarDate(year: 2027, month: 7, day: 3)!, base: alone)
    }

    func testExpiringWithinNinetyDaysIsStatus() {
        let found = assertFindings("term-expiry", in: path, marked, severity: .status,
                                   today: CalendarDate(year: 2027, month: 4, day: 4)!, base: alone)
        XCTAssertEqual(found.first?.message.en, "the committee's term ends in 90 days (2570-07-03 BE)")
    }

    func testAStartThatIsNotADateIsReportedOnceWithTheFormToWrite() {
        let text = sample(path).replacingFirst("  start: 2566-07-04", with: "  start: 04/07/2566")
        let found = TestSite([path: text]).check().filter { $0.location.path == "content/" + path }
        XCTAssertEqual(found.map(\.rule), ["front-matter-type"], "\(found.map(\.message.en))")
        XCTAssertEqual(found.first?.hint?.en, "write 2566-07-04")
    }

    func testMissingTermWarns() {
        let text = sample(path).replacingFirst("term:\n  start: 2566-07-04\n", with: "").replacingFirst("committee:", with: "‸committee:")
        assertFindings("term-expiry", in: path, text, severity: .warning, base: alone)
    }
}
