import SavnetModel
import XCTest

/// `Network` keeps its fields in one shared box: copies must still behave as values.
final class NetworkValueTests: XCTestCase {
    private let here = SourceLocation(path: "content/84/8409/840901.md", line: 3, column: 7)

    func testACopyIsIndependentOfTheOriginal() {
        var original = Network(area: Located("840901", at: here))
        original.name = Located("เครือข่ายทดลอง", at: here)
        original.committee.append(Member(positionText: Located("ประธานเครือข่าย", at: here), position: .chair,
                                          name: Located("สมชาย ใจดี", at: here), location: here))
        var copy = original
        copy.name = Located("อีกชื่อ", at: here)
        copy.committee[0].name = Located("สมหญิง ใจดี", at: here)
        copy.committee.append(copy.committee[0])
        copy.area.value = "840902"
        XCTAssertEqual(original.name?.value, "เครือข่ายทดลอง")
        XCTAssertEqual(original.committee.map(\.name.value), ["สมชาย ใจดี"])
        XCTAssertEqual(original.area.value, "840901")
        XCTAssertEqual(copy.name?.value, "อีกชื่อ")
        XCTAssertEqual(copy.committee.map(\.name.value), ["สมหญิง ใจดี", "สมหญิง ใจดี"])
        XCTAssertEqual(copy.area.value, "840902")

        // And the other way round: writing the original leaves an earlier copy alone.
        let before = original
        original.committee.removeAll()
        original.plan = DrivingPlan(location: here)
        XCTAssertEqual(before.committee.count, 1)
        XCTAssertNil(before.plan)
        XCTAssertNotNil(original.plan)
    }

    func testCopiesMadeOnSeveralThreadsStayApart() {
        var base = Network(area: Located("8409", at: here))
        base.unreadableKeys = ["x"]
        let results = ParallelMap.map(Array(0..<64)) { index -> [String] in
            var mine = base
            mine.unreadableKeys.append(String(index))
            return mine.unreadableKeys
        }
        XCTAssertEqual(results, (0..<64).map { ["x", String($0)] })
        XCTAssertEqual(base.unreadableKeys, ["x"])
    }
}
