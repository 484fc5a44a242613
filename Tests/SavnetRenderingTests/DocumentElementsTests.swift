import Foundation
import SavnetModel
import SavnetTestSupport
import XCTest

/// Every element DOMAIN.md lists for each printable ("Document elements") is in the
/// default output, and an office's own wording replaces savnet's where it is set.
final class DocumentElementsTests: XCTestCase {
    private func page(_ path: String, _ site: TestSite = SampleNetwork.site()) throws -> String {
        try XCTUnwrap(TestBuild.render(site)[path]).text
    }

    private func assertElements(_ page: String, _ elements: [(String, String)], file: StaticString = #filePath, line: UInt = #line) {
        for (element, text) in elements {
            XCTAssertTrue(page.contains(text), "missing \(element): \(text)", file: file, line: line)
        }
    }

    func testTheDistrictOrderHasEveryElementOfTheTemplate() throws {
        let order = try page("84/8409/order/index.html")
        assertElements(order, [
            ("1 issuer", "<h1>คำสั่งอำเภอบ้านตาขุน</h1>"),
            ("2 number", "<p>ที่ ......../......</p>"),
            ("3 subject naming the area", "เรื่อง แต่งตั้งคณะกรรมการเครือข่ายกลุ่มออมทรัพย์เพื่อการผลิตอำเภอบ้านตาขุน จังหวัดสุราษฎร์ธานี"),
            ("4 background since 2517", "มาตั้งแต่ พ.ศ. ๒๕๑๗"),
            ("4 the four principles", "หลักการพึ่งพาตนเอง หลักคุณธรรม หลักความเป็นเจ้าของ และหลักการควบคุมตนเอง"),
            ("4 managed by committees, saving, community fund", "บริหารจัดการโดยคณะกรรมการกลุ่ม"),
            ("5 หมวด ๗ and the four levels", "หมวด ๗ กำหนดให้มีเครือข่าย"),
            ("5 four levels", "ระดับตำบล ระดับอำเภอ ระดับจังหวัด และระดับประเทศ"),
            ("6 purpose", "เป็นไปอย่างมีประสิทธิภาพ"),
            ("6 power", "อาศัยอำนาจตามความในข้อ ๒๑ และข้อ ๒๓ แห่งระเบียบกรมการพัฒนาชุมชน"),
            ("6 ดังนี้", "จังหวัดสุราษฎร์ธานี ดังนี้</p>"),
            ("7 members numbered with positions", "<span class=\"num\">๑.</span><span class=\"who\">นายทดสอบ8409 คนที่1</span><span class=\"what\">ประธานเครือข่าย</span>"),
            ("7 twenty members", "<span class=\"num\">๒๐.</span>"),
            ("8 duty 1", "ด้านการบริหารจัดการ ด้านบุคลากร ด้านแหล่งทุน และด้านอื่น ๆ ตามที่เครือข่ายเห็นสมควร"),
            ("8 duty 2", "หลักเกณฑ์การใช้จ่ายงบประมาณของเครือข่าย และจัดประชุมคณะกรรมการเป็นประจำทุกเดือน"),
            ("8 duty 3", "ภาระผูกพัน"),
            ("8 duty 4", "จัดทำทะเบียน บัญชี และเอกสาร"),
            ("8 duty 5", "ประสานงานและให้ความร่วมมือกับหน่วยงาน"),
            ("8 duty 6", "ติดตาม ตรวจสอบ และให้คำแนะนำ"),
            ("8 duty 7", "เชื่อมโยงและประสานความร่วมมือระหว่างกลุ่มออมทรัพย์เพื่อการผลิตในแต่ละระดับ"),
            ("8 duty 8", "<span class=\"num\">๘.</span> ปฏิบัติหน้าที่อื่น ๆ ตามที่ได้รับมอบหมาย"),
            ("9 term", "มีวาระการดำรงตำแหน่ง ๔ ปี นับตั้งแต่วันที่ ๒๐ กรกฎาคม พ.ศ. ๒๕๖๖"),
            ("10 effective", "ทั้งนี้ ตั้งแต่บัดนี้เป็นต้นไป"),
            ("11 date", "สั่ง ณ วันที่"),
            ("12 signature", "<div class=\"signature\">"),
        ])
        XCTAssertFalse(order.contains("ระดับอำเภอบ้านตาขุน"), "natural names, not …ระดับอำเภอX")
    }

    func testTheSubdistrictOrderNamesTheAreaInFullAndIsIssuedByTheDistrict() throws {
        let order = try page("84/8409/840901/order/index.html")
        assertElements(order, [
            ("issuer", "<h1>คำสั่งอำเภอบ้านตาขุน</h1>"),
            ("subject", "เรื่อง แต่งตั้งคณะกรรมการเครือข่ายกลุ่มออมทรัพย์เพื่อการผลิตตำบลเขาวง อำเภอบ้านตาขุน จังหวัดสุราษฎร์ธานี"),
        ])
    }

    func testTheActingLinePrintsUnderTheSignerWhenGiven() throws {
        var site = SampleNetwork.site()
        site.files["84/8409/_index.md"] = SampleNetwork.district("8409", extra: """
            order:
              number: 109/2566
              date: 2566-07-20
              signer: นายตัวอย่าง ทดลอง
              signer_title: ปลัดอำเภออาวุโส
              acting: ปฏิบัติราชการแทนนายอำเภอบ้านตาขุน
            """)
        let order = try page("84/8409/order/index.html", site)
        XCTAssertTrue(order.contains("<p>ปลัดอำเภออาวุโส</p>\n<p>ปฏิบัติราชการแทนนายอำเภอบ้านตาขุน</p>"), order)
    }

    func testTheDefaultRegulationHasFourChaptersAndFourteenClauses() throws {
        // A file that records only when its regulation was adopted prints savnet's full text.
        var site = SampleNetwork.site()
        site.files["84/8409/_index.md"] = SampleNetwork.district("8409", extra: "regulation:\n  adopted: 2566-08-19\n")
        site.files["84/8409/840901.md"] = SampleNetwork.subdistrict("840901", extra: "regulation:\n  adopted: 2566-07-11\n")
        let regulation = try page("84/8409/regulation/index.html", site)
        for chapter in ["หมวด ๑<br>บททั่วไป", "หมวด ๒<br>เครือข่าย", "หมวด ๓<br>คณะกรรมการเครือข่าย", "หมวด ๔<br>ทุน"] {
            XCTAssertTrue(regulation.contains(chapter), chapter)
        }
        for number in 1...14 {
            let thai = ThaiNumerals.toThai(String(number))
            XCTAssertEqual(regulation.components(separatedBy: "<strong>ข้อ \(thai)</strong>").count - 1, 1, "ข้อ \(thai) once")
        }
        assertElements(regulation, [
            ("preamble", "จึงวางระเบียบไว้ ดังนี้"),
            ("1 name", "ระเบียบนี้เรียกว่า"),
            ("2 in force", "ให้ใช้บังคับตั้งแต่วันประกาศเป็นต้นไป"),
            ("3 administered by the chair", "ให้ประธานคณะกรรมการเครือข่ายเป็นผู้รักษาการ"),
            ("4 eight definitions", "&quot;ทุน&quot; หมายความว่า"),
            ("4 เงินสัจจะสะสม", "&quot;เงินสัจจะสะสม&quot; หมายความว่า"),
            ("6 objectives: financial data", "ศูนย์รวมข้อมูลทางการเงิน"),
            ("7 district composition", "อย่างน้อยตำบลละ ๑ คน"),
            ("8 term and meetings", "คราวละ ๔ ปี"),
            ("8 meetings", "ประชุมสามัญ และประชุมวิสามัญ"),
            ("9 key positions and advisors", "ให้เจ้าหน้าที่เป็นที่ปรึกษาของเครือข่าย"),
            ("10 endorsed representatives", "ต้องได้รับความเห็นชอบจากกลุ่ม"),
            ("11 four sources", "(๔) รายได้อื่น ๆ"),
            ("12 deposits", "ธนาคารออมสิน"),
            ("13 2 of 3 with the chair", "๒ ใน ๓ คน และประธานต้องลงนามทุกครั้ง"),
            ("14 spending by resolution", "ตามมติที่ประชุมคณะกรรมการเครือข่าย"),
            ("announced", "ประกาศ ณ วันที่"),
            ("signed", "ลงชื่อ"),
            ("chair's title", "ประธานคณะกรรมการเครือข่ายกลุ่มออมทรัพย์เพื่อการผลิตอำเภอบ้านตาขุน จังหวัดสุราษฎร์ธานี"),
        ])
        let subdistrict = try page("84/8409/840901/regulation/index.html", site)
        XCTAssertTrue(subdistrict.contains("อย่างน้อยกลุ่มละ ๑ คน และมีจำนวนรวมไม่น้อยกว่า ๑๕ คน"))
    }

    func testTheProvinceWordingReplacesTheDefaultsAndAFileItsOwnClause() throws {
        var site = SampleNetwork.site()
        site.files["84/_index.md"] = SampleNetwork.province(districts: ["8401", "8402", "8409"], extra: """
            wording:
              order:
                background: ข้อความภูมิหลังของจังหวัด
                duties: [หน้าที่แรกของจังหวัด, หน้าที่ที่สองของจังหวัด]
                closing: ทั้งนี้ ตั้งแต่วันที่ลงนามเป็นต้นไป
              regulation:
                clauses:
                  - number: 12
                    text: ข้อความข้อ ๑๒ ของจังหวัด
            """)
        site.files["84/8409/840901.md"] = SampleNetwork.subdistrict("840901", extra: """
            regulation:
              chapters:
                - number: 4
                  clauses:
                    - number: 14
                      text: ข้อ ๑๔ ของตำบลเอง
            """)
        let order = try page("84/8409/order/index.html", site)
        XCTAssertTrue(order.contains("ข้อความภูมิหลังของจังหวัด"))
        XCTAssertFalse(order.contains("หลักการพึ่งพาตนเอง"), "the province's background replaces savnet's")
        XCTAssertTrue(order.contains("หน้าที่ที่สองของจังหวัด"))
        XCTAssertTrue(order.contains("ทั้งนี้ ตั้งแต่วันที่ลงนามเป็นต้นไป"))
        XCTAssertTrue(order.contains("หมวด ๗ กำหนดให้มีเครือข่าย"), "parts the province does not set keep savnet's wording")
        let regulation = try page("84/8409/840901/regulation/index.html", site)
        XCTAssertTrue(regulation.contains("ข้อความข้อ ๑๒ ของจังหวัด"))
        XCTAssertTrue(regulation.contains("ข้อ ๑๔ ของตำบลเอง"))
        XCTAssertFalse(regulation.contains("การใช้จ่ายทุนของเครือข่ายให้เป็นไปตามมติ"), "the file's own clause replaces the default")
    }

    func testThePlanHasItsFiscalYearSignatureAndDateLine() throws {
        var site = SampleNetwork.site()
        site.files["84/8409/_index.md"] = SampleNetwork.district("8409", extra: """
            plan:
              fiscal_year: 2567
              date: 2566-09-15
              activities:
                - name: ประชุมคณะกรรมการ
                  months: [10, 11]
            """)
        let plan = try page("84/8409/plan/index.html", site)
        assertElements(plan, [
            ("fiscal year", "ปีงบประมาณ พ.ศ. ๒๕๖๗"),
            ("signature", "ลงชื่อ"),
            ("date line", "วันที่ ๑๕ กันยายน พ.ศ. ๒๕๖๖"),
        ])
    }

    func testACommonEraFiscalYearIsAnErrorWithTheBuddhistYear() {
        var site = SampleNetwork.site()
        site.files["84/8409/_index.md"] = SampleNetwork.district("8409", extra: "plan:\n  fiscal_year: 2024\n")
        let found = site.check().filter { $0.rule == "front-matter-type" }
        XCTAssertEqual(found.first?.hint?.en, "write the BE year: 2567")
    }
}
