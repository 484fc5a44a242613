import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import SavnetModel
@testable import SavnetRendering
import SavnetTestSupport
import XCTest

final class SiteRendererTests: XCTestCase {
    private func render(_ site: TestSite = SampleNetwork.site()) throws -> [String: OutputFile] {
        try TestBuild.render(site)
    }

    func testEveryAreaOfACoveredProvinceGetsAPage() throws {
        let files = try render()
        // 76 provinces outside Bangkok, Surat Thani's 19 districts, and the subdistricts of the 3 districts with files.
        let provinces = files.keys.filter { $0.range(of: #"^\d{2}/index\.html$"#, options: .regularExpression) != nil }
        XCTAssertEqual(provinces.count, 76)
        XCTAssertNil(files["10/index.html"])
        let districts = files.keys.filter { $0.range(of: #"^84/\d{4}/index\.html$"#, options: .regularExpression) != nil }
        XCTAssertEqual(districts.count, 19)
        let subdistricts = files.keys.filter { $0.range(of: #"^84/\d{4}/\d{6}/index\.html$"#, options: .regularExpression) != nil }
        let expected = ["8401", "8402", "8409"].map { Gazetteer.bundled.children(of: $0).count }.reduce(0, +)
        XCTAssertEqual(subdistricts.count, expected)
    }

    func testAreaWithoutNetworkSaysSo() throws {
        let files = try render()
        let page = try XCTUnwrap(files["84/8403/index.html"]).text
        XCTAssertTrue(page.contains("ทำเนียบนี้ยังไม่มีข้อมูลเครือข่ายกลุ่มออมทรัพย์เพื่อการผลิตอำเภอดอนสัก"), page)
        XCTAssertTrue(page.contains("สอบถามหรือแจ้งข้อมูลเครือข่ายได้ที่สำนักงานพัฒนาชุมชนอำเภอดอนสัก"), "whom to ask")
        XCTAssertFalse(page.contains("content/84/8403/_index.md"), "no file paths shown to the public")
        // What is known: the province network, which has a page.
        XCTAssertTrue(page.contains("<a href=\"../\">เครือข่ายกลุ่มออมทรัพย์เพื่อการผลิตจังหวัดสุราษฎร์ธานี</a>"), page)
        // Kept out of search engines and the sitemap; a page with a network is in both.
        XCTAssertTrue(page.contains("<meta name=\"robots\" content=\"noindex\">"))
        let sitemap = try XCTUnwrap(files["sitemap.xml"]).text
        XCTAssertFalse(sitemap.contains("/84/8403/<"))
        XCTAssertTrue(sitemap.contains("/84/8409/<"))
        XCTAssertFalse(try XCTUnwrap(files["84/8409/index.html"]).text.contains("noindex"))
    }

    func testDistrictPageShowsCommitteeInTemplateOrderWithTerm() throws {
        var site = SampleNetwork.site()
        // Put the treasurer first in the file: the page still lists the chair first.
        site.files["84/8409/_index.md"] = site.files["84/8409/_index.md"]!
            .replacingFirst("  - position: ประธานเครือข่าย", with: "  - position: ประธานเครือข่าย")
        let page = try XCTUnwrap(render(site)["84/8409/index.html"]).text
        let chair = try XCTUnwrap(page.range(of: "ทดสอบ8409 คนที่1"))
        let treasurer = try XCTUnwrap(page.range(of: "ทดสอบ8409 คนที่6"))
        XCTAssertLessThan(chair.lowerBound, treasurer.lowerBound)
        XCTAssertTrue(page.contains("วาระ 20 กรกฎาคม 2566 ถึง 19 กรกฎาคม 2570"), page)
        XCTAssertTrue(page.contains("<a href=\"840901/\">ตำบลเขาวง</a>"), page)
    }

    func testBreadcrumbsLeadHome() throws {
        let page = try XCTUnwrap(render()["84/8409/840901/index.html"]).text
        XCTAssertTrue(page.contains("""
        <li><a href="../../../">ทั้งประเทศ</a></li><li><a href="../../">จังหวัดสุราษฎร์ธานี</a></li>\
        <li><a href="../">อำเภอบ้านตาขุน</a></li><li><span aria-current="page">ตำบลเขาวง</span></li>
        """), page)
    }

    func testProvincePageListsNomineesAgainstTheDeadline() throws {
        var site = SampleNetwork.site()
        site.files["84/8402/_index.md"] = SampleNetwork.district("8402", subdistricts: SampleNetwork.subdistricts(of: "8402"),
                                                                 reported: "2566-08-05")
        let page = try XCTUnwrap(render(site)["84/index.html"]).text
        XCTAssertTrue(page.contains("แจ้งจังหวัดภายใน 31 กรกฎาคม 2566"), page)
        XCTAssertTrue(page.contains("<td data-label=\"วันที่แจ้ง\">5 สิงหาคม 2566</td><td data-label=\"สถานะ\"><span class=\"badge badge-late\">ส่งเกินกำหนด</span></td>"), page)
        XCTAssertTrue(page.contains("<td data-label=\"ผู้แทน\">–</td><td data-label=\"วันที่แจ้ง\">–</td><td data-label=\"สถานะ\"><span class=\"badge badge-missing\">ยังไม่ส่ง เกินกำหนดแล้ว</span></td>"),
                      "districts without a file have not reported")
    }

    func testRollUpSumsGroupsUpTheTree() throws {
        let files = try render()
        // Four subdistricts × three groups × 100 members (SampleNetwork.subdistrict).
        let district = try XCTUnwrap(files["84/8409/index.html"]).text
        XCTAssertTrue(district.contains("<span class=\"label\">กลุ่มออมทรัพย์</span> <span class=\"value\">12</span>"), district)
        XCTAssertTrue(district.contains("<span class=\"label\">สมาชิก (คน)</span> <span class=\"value\">1,200</span>"), district)
        XCTAssertTrue(district.contains("<span class=\"label\">เงินสัจจะสะสม (บาท)</span> <span class=\"value\">3,000,000</span>"), district)
        let home = try XCTUnwrap(files["index.html"]).text
        XCTAssertTrue(home.contains("<span class=\"label\">กลุ่มออมทรัพย์</span> <span class=\"value\">12</span>"), home)
    }

    func testOrderDocumentUsesThaiDigitsAndTheLegalBasis() throws {
        var site = SampleNetwork.site()
        site.files["84/8409/_index.md"] = site.files["84/8409/_index.md"]!.replacingFirst(
            "term:", with: "order:\n  number: 109/2566\n  date: 2566-07-20\n  signer: นายทดสอบ ลงนาม\n  signer_title: นายอำเภอบ้านตาขุน\nterm:")
        let order = try XCTUnwrap(render(site)["84/8409/order/index.html"]).text
        XCTAssertTrue(order.contains("<h1>คำสั่งอำเภอบ้านตาขุน</h1>"), order)
        XCTAssertTrue(order.contains("<p>ที่ ๑๐๙/๒๕๖๖</p>"), order)
        XCTAssertTrue(order.contains("ข้อ ๒๑ และข้อ ๒๓ แห่งระเบียบกรมการพัฒนาชุมชน"), order)
        XCTAssertTrue(order.contains("สั่ง ณ วันที่ ๒๐ กรกฎาคม พ.ศ. ๒๕๖๖"), order)
        XCTAssertTrue(order.contains("มีวาระการดำรงตำแหน่ง ๔ ปี นับตั้งแต่วันที่ ๒๐ กรกฎาคม พ.ศ. ๒๕๖๖ ถึงวันที่ ๑๙ กรกฎาคม พ.ศ. ๒๕๗๐"), order)
        XCTAssertTrue(order.contains("<span class=\"num\">๒๐.</span>"), "twenty numbered members")
        XCTAssertTrue(order.contains("assets/document.css"))
    }

    func testRenderingIsDeterministic() throws {
        let first = try render()
        let second = try render()
        XCTAssertEqual(first.keys.sorted(), second.keys.sorted())
        for (path, file) in first { XCTAssertEqual(file.bytes, second[path]?.bytes, path) }
    }

    func testEveryPageIsThaiAndFetchesNothingFromOutside() throws {
        for (path, file) in try render() where path.hasSuffix(".html") {
            let html = file.text
            XCTAssertTrue(html.contains("<html lang=\"th\">"), path)
            for pattern in [#"<script[^>]+src="https?:"#, #"<link[^>]+href="https?:[^"]*"[^>]*rel="stylesheet""#,
                            #"<link rel="stylesheet" href="https?:"#, #"<img[^>]+src="https?:"#, #"url\(https?:"#] {
                XCTAssertNil(html.range(of: pattern, options: .regularExpression), "\(path) fetches from outside")
            }
        }
    }

    func testWebFontsOnlyInPrintableDocuments() throws {
        let files = try render()
        XCTAssertFalse(files["assets/style.css"]!.text.contains("@font-face"))
        XCTAssertTrue(files["assets/document.css"]!.text.contains("@font-face"))
        XCTAssertNotNil(files["assets/fonts/Laksaman.woff2"])
        for (path, file) in files where path.hasSuffix(".html") && file.text.contains("document.css") {
            XCTAssertTrue(path.hasSuffix("order/index.html") || path.hasSuffix("regulation/index.html")
                          || path.hasSuffix("plan/index.html"), path)
        }
    }

    func testDistrictPageIsLightForPhones() throws {
        let files = try render()
        let size = files["84/8409/index.html"]!.bytes.count + files["assets/style.css"]!.bytes.count
        XCTAssertLessThan(size, 100_000)
    }

    func testFeedsAndData() throws {
        let files = try render()
        let sitemap = files["sitemap.xml"]!.text
        XCTAssertTrue(sitemap.contains("<loc>https://example.org/savnet/84/8409/</loc>"), sitemap)
        XCTAssertTrue(files["robots.txt"]!.text.contains("Sitemap: https://example.org/savnet/sitemap.xml"))
        let feed = files["feed.xml"]!.text
        XCTAssertTrue(feed.contains("<entry><title>เครือข่ายกลุ่มออมทรัพย์เพื่อการผลิตจังหวัดสุราษฎร์ธานี</title>"), feed)
        XCTAssertNotNil(try XMLDocument.parse(files["feed.xml"]!.bytes))
        let network = try JSONSerialization.jsonObject(with: Data(files["84/8409/network.json"]!.bytes)) as! [String: Any]
        XCTAssertEqual((network["committee"] as! [Any]).count, 20)
        // The directory data is split by province; directory.json indexes the province files.
        let index = try JSONSerialization.jsonObject(with: Data(files["directory.json"]!.bytes)) as! [String: Any]
        let provinces = index["provinces"] as! [[String: Any]]
        XCTAssertEqual(provinces.map { $0["url"] as? String }, ["84/directory.json"])
        XCTAssertEqual(provinces.first?["networks"] as? Int, 8)
        XCTAssertEqual((index["organizations"] as! [Any]).count, 0, "no national network in this site")
        let popolo = try JSONSerialization.jsonObject(with: Data(files["84/directory.json"]!.bytes)) as! [String: Any]
        XCTAssertEqual((popolo["organizations"] as! [Any]).count, 8)
        XCTAssertEqual((popolo["memberships"] as! [Any]).count, 6 + 20 * 3 + 15 * 4)
        XCTAssertTrue((popolo["areas"] as! [[String: Any]]).contains { $0["id"] as? String == "8409" })
        XCTAssertNotNil(files["404.html"])
    }
}

/// A minimal well-formedness check for XML output.
enum XMLDocument {
    static func parse(_ bytes: [UInt8]) throws -> Bool {
        final class Delegate: NSObject, XMLParserDelegate {}
        let parser = XMLParser(data: Data(bytes))
        let delegate = Delegate()
        parser.delegate = delegate
        guard parser.parse() else { throw parser.parserError ?? NSError(domain: "xml", code: 1) }
        return true
    }
}

final class DataFileTests: XCTestCase {
    /// The keys of the outermost object, in file order.
    private func topLevelKeys(_ text: String) -> [String] {
        var keys: [String] = []
        var depth = 0
        var inString = false
        var escaped = false
        var current = ""
        var expectingKey = false
        for character in text {
            if inString {
                if escaped { escaped = false } else if character == "\\" { escaped = true } else if character == "\"" {
                    inString = false
                    if expectingKey, depth == 1 { keys.append(current) }
                    expectingKey = false
                } else { current.append(character) }
                continue
            }
            switch character {
            case "\"": inString = true; current = ""
            case "{", "[": depth += 1; expectingKey = character == "{" && depth == 1
            case "}", "]": depth -= 1
            case ",": expectingKey = depth == 1
            default: break
            }
        }
        return keys
    }

    func testNetworkJSONKeysAreSorted() throws {
        var site = SampleNetwork.site()
        site.files["84/8409/_index.md"] = site.files["84/8409/_index.md"]!.replacingFirst(
            "term:", with: "finance:\n  as_of: 2566-09-30\n  fund_balance: 1000\nfunds:\n  sources: [government]\nterm:")
        let files = try TestBuild.render(site)
        let keys = topLevelKeys(files["84/8409/network.json"]!.text)
        XCTAssertTrue(keys.contains("finance_as_of") && keys.contains("finance_fund_balance"), "\(keys)")
        XCTAssertEqual(keys, keys.sorted())
        XCTAssertEqual(topLevelKeys(files["84/directory.json"]!.text), ["areas", "memberships", "organizations", "persons", "posts"])
        XCTAssertEqual(topLevelKeys(files["directory.json"]!.text),
                       ["areas", "memberships", "organizations", "persons", "posts", "provinces"])
    }
}
