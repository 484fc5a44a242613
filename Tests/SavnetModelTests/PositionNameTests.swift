import SavnetModel
import XCTest

final class PositionNameTests: XCTestCase {
    func testCanonicalNamesAndIdsAreExact() {
        for position in Position.allCases {
            XCTAssertEqual(PositionName.match(position.thaiName), .exact(position))
            XCTAssertEqual(PositionName.match(position.rawValue), .exact(position))
        }
    }

    func testTheTemplateHasTwentySeats() {
        XCTAssertEqual(Position.allCases.map(\.seats).reduce(0, +), 20)
    }

    func testSeedMisspellingOfTreasurer() {
        XCTAssertEqual(PositionName.match("เกร็ดญุก"), .misspelled(.treasurer))
    }

    func testNearMissesAreRecognised() {
        XCTAssertEqual(PositionName.match("เลขานุกร"), .misspelled(.secretary))
        XCTAssertEqual(PositionName.match("กรรมการส่งเสริมและพัฒนาอาชิพ"), .misspelled(.livelihoods))
        XCTAssertEqual(PositionName.match("ประธาน"), .misspelled(.chair))
    }

    func testUnrelatedTextIsUnknown() {
        XCTAssertEqual(PositionName.match("นายกเทศมนตรี"), .unknown)
        XCTAssertEqual(PositionName.match("ที่ปรึกษา"), .unknown)
        // ปฏิคม (host) is not ประชาสัมพันธ์ (public relations).
        XCTAssertEqual(PositionName.match("ปฏิคม"), .unknown)
    }

    func testAShortenedNameThatFitsTwoPositionsIsAmbiguous() {
        // Short for กรรมการส่งเสริมและพัฒนาศักยภาพบุคลากร, and close to …พัฒนาอาชีพ.
        XCTAssertEqual(PositionName.match("กรรมการส่งเสริมและพัฒนาศักยภาพ"), .ambiguous([.livelihoods, .capacityBuilding]))
    }

    func testNumberedViceChairs() {
        for text in ["รองประธานคนที่ ๑", "รองประธานคนที่ 2", "รองประธาน คนที่ ๒"] {
            XCTAssertEqual(PositionName.match(text), .exact(.viceChair), text)
        }
        XCTAssertEqual(PositionName.ordinal("รองประธานคนที่ ๒"), 2)
        XCTAssertNil(PositionName.ordinal("รองประธาน"))
    }

    func testFundSourcesAcceptIdsAndThaiWording() {
        XCTAssertEqual(FundSource(text: "government"), .government)
        XCTAssertEqual(FundSource(text: "เงินสนับสนุนจากรัฐบาล"), .government)
        XCTAssertEqual(FundSource(text: "รายได้อื่นๆ"), .other)
        // The template's own wording, numbered as it is there.
        XCTAssertEqual(FundSource(text: "(๑) จัดกิจกรรมเพื่อระดมทุนเข้าเครือข่ายกลุ่มออมทรัพย์เพื่อการผลิต"), .fundraising)
        XCTAssertEqual(FundSource(text: "จัดกิจกรรมเพื่อระดมทุนเข้าเครือข่ายกลุ่มออมทรัพย์เพื่อการผลิต"), .fundraising)
        XCTAssertNil(FundSource(text: "lottery"))
    }

    func testThaiNumerals() {
        XCTAssertEqual(ThaiNumerals.toArabic("ข้อ ๑๓"), "ข้อ 13")
        XCTAssertEqual(ThaiNumerals.toThai("12/2566"), "๑๒/๒๕๖๖")
        XCTAssertEqual(ThaiNumerals.parseInt("๑,๒๐๐"), 1200)
        XCTAssertEqual(ThaiNumerals.parseDecimal("1,250.50"), 1250.5)
        XCTAssertNil(ThaiNumerals.parseDecimal("12 บาท"))
    }

    func testLanguageFromEnvironment() {
        XCTAssertEqual(Language.fromEnvironment(["LANG": "th_TH.UTF-8"]), .th)
        XCTAssertEqual(Language.fromEnvironment(["LC_ALL": "en_US.UTF-8", "LANG": "th_TH.UTF-8"]), .en)
        XCTAssertEqual(Language.fromEnvironment([:]), .en)
    }
}
