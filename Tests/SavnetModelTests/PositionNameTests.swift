@testable import SavnetModel
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

    /// The byte path and the Character path agree (the byte path is the fast one; text
    /// with a space other than ASCII's takes the other).
    func testOrdinalsAndVillageNumbersReadAlikeOnBothPaths() {
        let ordinals = ["รองประธานคนที่ ๑", "รองประธานคนที่ 2", "รองประธาน คนที่ ๒", "รองประธานลำดับที่ 3", "รองประธาน ๙",
                        "รองประธาน 4", "รองประธาน", "รองประธานคนที่ 10", "รองประธานคนที่ ๐", "รองประธานคนที่ 0", "ประธาน 1",
                        "รองประธานคนที่ สอง", " รองประธาน\tคนที่\n5 ", "รองประธานคนที่ +1", "รองประธานคนที่1๒"]
        for text in ordinals {
            XCTAssertEqual(PositionName.ordinal(text), PositionName.slowOrdinal(text), text)
            let spaced = text.replacingOccurrences(of: " ", with: "\u{00A0}")
            XCTAssertEqual(PositionName.ordinal(spaced), PositionName.slowOrdinal(text), spaced)
        }
        XCTAssertEqual(PositionName.ordinal("รองประธานคนที่\u{00A0}๒"), 2)
        XCTAssertEqual(PositionName.ordinal("รองประธานลำดับที่ 3"), 3)

        let villages: [(String, Int?)] = [
            ("หมู่ที่ ๕", 5), ("หมู่ที่ 12", 12), ("ม. 3", 3), ("หมู่ 7", 7), ("7", 7), ("๑๒๓", 123), ("หมู่ที่ 1234", nil),
            ("หมู่ที่ 0", nil), ("หมู่ที่", nil), ("ชุมชนบ้านใต้", nil), ("หมู่ที่ +12", 12), ("หมู่ที่ -1", nil),
            ("หมู่ที่\u{00A0}3", 3), ("หมู่ที่ ๓ ", 3), ("หมู่บ้าน 3", nil),
        ]
        for (text, number) in villages {
            XCTAssertEqual(VillageGroup.number(from: text), number, text)
        }
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
        // Every digit both ways, beside Thai letters whose bytes share a lead with the digits'.
        let arabic = "0123456789 เงิน ๆ ฯ ๏ ๚ 9ก", thai = "๐๑๒๓๔๕๖๗๘๙ เงิน ๆ ฯ ๏ ๚ ๙ก"
        XCTAssertEqual(ThaiNumerals.toThai(arabic), thai)
        XCTAssertEqual(ThaiNumerals.toArabic(thai), arabic)
        XCTAssertEqual(ThaiNumerals.toArabic("ไม่มีเลข"), "ไม่มีเลข")
        XCTAssertEqual(ThaiNumerals.toThai(""), "")
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
