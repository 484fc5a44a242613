import SavnetLoading
import SavnetModel
import XCTest

final class AreasLoaderTests: XCTestCase {
    func testExtraAreasJoinTheGazetteer() {
        let text = "# synthetic\nA0\tจังหวัดทดสอบ\tTest\nA001\tอำเภอทดสอบ\tTest District\n840999\tตำบลใหม่\tNew\n"
        let (areas, problems) = AreasLoader.parse(text, path: "areas.tsv", gazetteer: .bundled)
        XCTAssertEqual(problems, [])
        let gazetteer = Gazetteer.bundled.adding(areas)
        XCTAssertEqual(gazetteer.children(of: "A0").map(\.code), ["A001"])
        XCTAssertEqual(gazetteer.children(of: "8409").last?.code, "840999")
        XCTAssertEqual(gazetteer.area("84")?.nameEN, "Surat Thani")
    }

    /// A file saved with Windows line ends reads as the same areas, names whole.
    func testWindowsLineEndsReadAsTheSameAreas() {
        let text = "# synthetic\nA0\tจังหวัดทดสอบ\tTest\nA001\tอำเภอทดสอบ\tTest District\n"
        let (unix, unixProblems) = AreasLoader.parse(text, path: "areas.tsv", gazetteer: .bundled)
        let (windows, windowsProblems) = AreasLoader.parse(text.replacingOccurrences(of: "\n", with: "\r\n"),
                                                          path: "areas.tsv", gazetteer: .bundled)
        XCTAssertEqual(unixProblems, [])
        XCTAssertEqual(windowsProblems, [])
        XCTAssertEqual(windows.map(\.code), ["A0", "A001"])
        XCTAssertEqual(windows.map(\.code), unix.map(\.code))
        XCTAssertEqual(windows.map(\.nameTH), ["จังหวัดทดสอบ", "อำเภอทดสอบ"])
        XCTAssertEqual(windows.map(\.nameEN), ["Test", "Test District"])
    }

    func testBadLinesAndOrphansAreReportedByLine() {
        let text = "A0\tทดสอบ\n\nB001\tอำเภอ\tDistrict\n"
        let (areas, problems) = AreasLoader.parse(text, path: "areas.tsv", gazetteer: .bundled)
        XCTAssertEqual(areas.count, 0)
        XCTAssertEqual(problems.map(\.location.line), [1, 3])
        XCTAssertEqual(problems.map(\.rule), ["areas-file", "areas-file"])
    }
}
