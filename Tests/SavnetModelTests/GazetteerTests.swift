@testable import SavnetModel
import XCTest

final class GazetteerTests: XCTestCase {
    let gazetteer = Gazetteer.bundled

    func testCountsMatchGeoThai() {
        XCTAssertEqual(gazetteer.areas(at: .province).count, 77)
        XCTAssertEqual(gazetteer.areas(at: .district).count, 928)
        XCTAssertEqual(gazetteer.areas(at: .subdistrict).count, 7_436)
    }

    func testRowsAreReadAsTheyAreWritten() {
        // Blank lines and lines without three fields are skipped; the last line needs no
        // line break; Thai names come through whole.
        let rows = Gazetteer.rows("84\tสุราษฎร์ธานี\tSurat Thani\n\nbad\tline\n8417\tพุนพิน\tPhunphin\n841701\tท่าข้าม\tTha Kham")
        XCTAssertEqual(rows.map(\.code), ["84", "8417", "841701"])
        XCTAssertEqual(rows.map(\.nameTH), ["สุราษฎร์ธานี", "พุนพิน", "ท่าข้าม"])
        XCTAssertEqual(rows.last?.nameEN, "Tha Kham")
        XCTAssertEqual(Gazetteer.rows("").count, 0)
        XCTAssertEqual(gazetteer.area("841701")?.nameTH, "ท่าข้าม")
        XCTAssertEqual(gazetteer.area("10")?.nameEN, "Bangkok")
    }

    func testDistrictsOutsideBangkok() {
        XCTAssertEqual(gazetteer.areas(at: .district).filter { !$0.isBangkok }.count, 878)
        XCTAssertEqual(gazetteer.children(of: "10").count, 50)
    }

    func testSuratThaniHasNineteenDistricts() {
        let districts = gazetteer.children(of: "84")
        XCTAssertEqual(districts.count, 19)
        XCTAssertEqual(districts.first?.code, "8401")
        XCTAssertEqual(districts.last?.nameTH, "วิภาวดี")
        XCTAssertEqual(gazetteer.area("84")?.nameEN, "Surat Thani")
    }

    func testPathAndParents() {
        XCTAssertEqual(gazetteer.path(to: "840901").map(\.code), ["", "84", "8409", "840901"])
        XCTAssertEqual(gazetteer.area("840901")?.qualifiedNameTH, "ตำบลเขาวง")
        XCTAssertNil(gazetteer.area("8499"))
    }

    func testSearchByThaiAndEnglishNamesRanksExactFirst() {
        XCTAssertEqual(gazetteer.search("พุนพิน").first?.code, "8417")
        XCTAssertEqual(gazetteer.search("ko samui").first?.code, "8404")
        XCTAssertEqual(gazetteer.search("อำเภอพุนพิน").first?.code, "8417")
        XCTAssertTrue(gazetteer.search("zzzz").isEmpty)
        // Spaces, case, hyphens and level words do not matter.
        for query in ["Phun Phin", "PHUNPHIN", "อ.พุนพิน", "Amphoe Phunphin", "Phunphin district", " พุนพิน "] {
            XCTAssertEqual(gazetteer.search(query).first?.code, "8417", query)
        }
        XCTAssertEqual(gazetteer.search("จ.สุราษฎร์ธานี").first?.code, "84")
        XCTAssertEqual(gazetteer.search("กรุงเทพมหานคร").first?.code, "10")
    }

    /// The best match comes first: a province before a district whose name contains it.
    func testSearchRanksExactThenPrefixThenContains() {
        let gazetteer = Gazetteer.bundled
        let surat = gazetteer.search("surat").map(\.code)
        XCTAssertEqual(surat.first, "84")
        let yangSiSurat = try? XCTUnwrap(gazetteer.search("Yang Si Surat").first?.code)
        XCTAssertNotNil(yangSiSurat)
        if let yangSiSurat { XCTAssertGreaterThan(surat.firstIndex(of: yangSiSurat) ?? -1, 0) }
        // An exact district name beats subdistricts that start with it.
        let khanom = gazetteer.search("ขนอม")
        XCTAssertEqual(khanom.first?.level, .district)
    }
}
