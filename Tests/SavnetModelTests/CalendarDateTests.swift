import SavnetModel
import XCTest

final class CalendarDateTests: XCTestCase {
    func testBuddhistCommonAndThaiDigitsAreTheSameDay() {
        let expected = CalendarDate(year: 2023, month: 7, day: 28)
        XCTAssertEqual(CalendarDate(parsing: "2566-07-28"), expected)
        XCTAssertEqual(CalendarDate(parsing: "2023-07-28"), expected)
        XCTAssertEqual(CalendarDate(parsing: "๒๕๖๖-๐๗-๒๘"), expected)
        XCTAssertEqual(CalendarDate(parsing: "2566/7/28"), expected)
    }

    func testRejectsImpossibleDates() {
        XCTAssertNil(CalendarDate(parsing: "2566-02-29"))  // 2023 is not a leap year
        XCTAssertNotNil(CalendarDate(parsing: "2567-02-29"))
        XCTAssertNil(CalendarDate(parsing: "2566-13-01"))
        XCTAssertNil(CalendarDate(parsing: "28/07/2566"))
        XCTAssertNil(CalendarDate(parsing: "yesterday"))
    }

    func testTermEndsTheDayBeforeTheFourthAnniversary() {
        let start = Located(CalendarDate(year: 2023, month: 7, day: 4)!, at: SourceLocation(path: "x", line: 1, column: 1))
        XCTAssertEqual(Term(start: start).end, CalendarDate(year: 2027, month: 7, day: 3))
        let leap = Located(CalendarDate(year: 2024, month: 2, day: 29)!, at: start.location)
        XCTAssertEqual(Term(start: leap).end, CalendarDate(year: 2028, month: 2, day: 28))  // 2028 is a leap year too
        let newYear = Located(CalendarDate(year: 2024, month: 1, day: 1)!, at: start.location)
        XCTAssertEqual(Term(start: newYear).end, CalendarDate(year: 2027, month: 12, day: 31))
    }

    func testDaysBetween() {
        let a = CalendarDate(year: 2023, month: 12, day: 31)!
        XCTAssertEqual(a.days(until: CalendarDate(year: 2024, month: 3, day: 1)!), 61)
        XCTAssertEqual(CalendarDate(year: 2024, month: 3, day: 1)!.days(until: a), -61)
    }

    func testThaiLongDate() {
        let date = CalendarDate(year: 2023, month: 7, day: 28)!
        XCTAssertEqual(ThaiCalendar.longDate(date), "๒๘ กรกฎาคม พ.ศ. ๒๕๖๖")
        XCTAssertEqual(ThaiCalendar.longDate(date, thaiDigits: false), "28 กรกฎาคม พ.ศ. 2566")
        XCTAssertEqual(date.buddhistISO, "2566-07-28")
        XCTAssertEqual(ThaiCalendar.month(named: "ต.ค."), 10)
        XCTAssertEqual(ThaiCalendar.month(named: "ตค"), 10)
    }
}

final class DateProblemTests: XCTestCase {
    func testImplausibleYearsAreNotDates() {
        XCTAssertNil(CalendarDate(parsing: "1566-07-28"), "a typo for 2566 must not be read as 2109 BE")
        XCTAssertNil(CalendarDate(parsing: "2800-01-01"))
        XCTAssertEqual(CalendarDate(parsing: "2480-01-01"), CalendarDate(year: 1937, month: 1, day: 1))
        XCTAssertEqual(CalendarDate(parsing: "2157-01-01"), CalendarDate(year: 2157, month: 1, day: 1))
        XCTAssertTrue(CalendarDate.explain("1566-07-28").en.contains("neither a Buddhist Era year"))
    }

    func testAnImpossibleDaySaysSo() {
        let why = CalendarDate.explain("2566-02-30")
        XCTAssertEqual(why.en, "there is no day 30 in month 2 of 2566 (it has 28 days)")
        XCTAssertEqual(why.th, "ไม่มีวันที่ 30 ในเดือนกุมภาพันธ์ ปี 2566 (มี 28 วัน)")
        XCTAssertNil(why.suggestion)
    }

    func testDayFirstDatesGetTheFormToWrite() {
        XCTAssertEqual(CalendarDate.explain("28/07/2566").suggestion, "2566-07-28")
        XCTAssertEqual(CalendarDate.explain("28 ก.ค. 2566").suggestion, "2566-07-28")
        XCTAssertEqual(CalendarDate.explain("๒๘ กรกฎาคม ๒๕๖๖").suggestion, "2566-07-28")
        XCTAssertNil(CalendarDate.explain("soon").suggestion)
    }
}

final class LeapYearTests: XCTestCase {
    func testTwentyNinthOfFebruaryFallsBackInCommonYears() {
        XCTAssertEqual(CalendarDate(year: 2024, month: 2, day: 29)!.adding(years: 1), CalendarDate(year: 2025, month: 2, day: 28))
    }
}
