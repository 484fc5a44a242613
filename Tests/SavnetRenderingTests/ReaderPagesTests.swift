import Foundation
import SavnetModel
@testable import SavnetRendering
import SavnetTestSupport
import XCTest

/// What a reader gets on the pages: key facts first, contacts, empty areas in plain Thai,
/// the home page's ways to find an area, and data whose links resolve.
final class ReaderPagesTests: XCTestCase {
    private func render(_ site: TestSite = SampleNetwork.site()) throws -> [String: OutputFile] {
        try TestBuild.render(site)
    }

    func testANetworkPageStartsWithItsKeyFactsAndDocuments() throws {
        let page = try XCTUnwrap(render()["84/8409/index.html"]).text
        let facts = try XCTUnwrap(page.range(of: "<section class=\"key-facts\""))
        let committee = try XCTUnwrap(page.range(of: "<h2 id=\"committee-h\">"))
        XCTAssertLessThan(facts.lowerBound, committee.lowerBound)
        XCTAssertTrue(page.contains("<span class=\"label\">ประธาน</span> <span class=\"value\">นายทดสอบ8409 คนที่1</span>"), page)
        XCTAssertTrue(page.contains("<a class=\"button\" href=\"order/\">คำสั่งแต่งตั้ง</a>"))
        XCTAssertTrue(page.contains("<nav class=\"toc\" aria-labelledby=\"toc-h\"><h2 id=\"toc-h\">ในหน้านี้</h2>"))
        // No contact gave consent: the district's office is whom to ask.
        XCTAssertTrue(page.contains("สอบถามได้ที่สำนักงานพัฒนาชุมชนอำเภอบ้านตาขุน"), page)
        // Every in-page link of the contents leads to a heading on the page.
        for match in page.matches(of: #/href="\#([a-z-]+)"/#) {
            XCTAssertTrue(page.contains("id=\"\(match.1)\""), "no section #\(match.1)")
        }
    }

    func testOnlyConsentedContactsArePublished() throws {
        var site = SampleNetwork.site()
        site.files["84/8409/_index.md"] = site.files["84/8409/_index.md"]!.replacingFirst("term:", with: """
        contacts:
          - name: ผู้ประสานงานเครือข่าย
            phone: 081-234-5678
            consent: true
          - name: ไม่ยินยอม
            phone: 089-999-9999
        term:
        """)
        let page = try XCTUnwrap(render(site)["84/8409/index.html"]).text
        XCTAssertTrue(page.contains("ผู้ประสานงานเครือข่าย · โทร <a href=\"tel:081-234-5678\">081-234-5678</a>"), page)
        XCTAssertFalse(page.contains("089-999-9999"))
        XCTAssertTrue(page.contains("หรือสำนักงานพัฒนาชุมชนอำเภอบ้านตาขุน"))
    }

    func testAProvincePageListsItsDistrictsBeforeTheCommittee() throws {
        let page = try XCTUnwrap(render()["84/index.html"]).text
        let districts = try XCTUnwrap(page.range(of: "<h2 id=\"districts-h\">"))
        let committee = try XCTUnwrap(page.range(of: "<h2 id=\"committee-h\">"))
        XCTAssertLessThan(districts.lowerBound, committee.lowerBound)
    }

    func testAnEmptySubdistrictNamesItsRepresentativesAndIsKeptOutOfSearch() throws {
        // District 8401 has a network whose members represent its subdistricts; they have none.
        let code = try XCTUnwrap(SampleNetwork.subdistricts(of: "8401").first)
        let page = try XCTUnwrap(render()["84/8401/\(code)/index.html"]).text
        XCTAssertTrue(page.contains("<meta name=\"robots\" content=\"noindex\">"))
        XCTAssertTrue(page.contains("กรรมการเครือข่ายนั้นที่เป็นผู้แทน"), page)
        XCTAssertTrue(page.contains("<li>นายทดสอบ8401 คนที่1 (ประธานเครือข่าย)</li>"), page)
        XCTAssertTrue(page.contains("สำนักงานพัฒนาชุมชนอำเภอเมืองสุราษฎร์ธานี"), page)
    }

    func testEveryPageHasOneHeadingOfTheFirstLevel() throws {
        var site = SampleNetwork.site()
        site.files["84/8409/_index.md"]! += "# หัวข้อในเนื้อหา\n\nข้อความ\n"
        for (path, file) in try render(site) where path.hasSuffix(".html") {
            XCTAssertEqual(file.text.components(separatedBy: "<h1").count - 1, 1, path)
        }
    }

    func testHomeFindsAreasWithoutTheSearchIndex() throws {
        let files = try render()
        let home = try XCTUnwrap(files["index.html"]).text
        XCTAssertTrue(home.contains("<title>ทำเนียบ"), "home's title is the site's, once")
        XCTAssertEqual(home.components(separatedBy: "ทำเนียบเครือข่ายกลุ่มออมทรัพย์เพื่อการผลิต · ").count, 1, "title not doubled")
        XCTAssertTrue(home.contains("id=\"find-q\""))
        XCTAssertTrue(home.contains("assets/find-area.js"))
        XCTAssertNotNil(files["assets/find-area.js"])
        let list = try JSONSerialization.jsonObject(with: Data(try XCTUnwrap(files["areas.json"]).bytes)) as! [[Any]]
        let byCode = Dictionary(uniqueKeysWithValues: list.map { ($0[0] as! String, $0) })
        XCTAssertEqual(byCode.count, Gazetteer.bundled.allNamesTH.isEmpty ? 0 : list.count)
        XCTAssertEqual(byCode["84"]?[2] as? Int, 1)
        XCTAssertEqual(byCode["840901"]?[1] as? String, "เขาวง")
        XCTAssertEqual(byCode["840901"]?[2] as? Int, 1)
        XCTAssertEqual(byCode["5001"]?[2] as? Int, 0, "a district of a province without content has no page")
        XCTAssertNil(byCode["10"], "Bangkok is outside the programme")
        // Every area flagged with a page has one.
        for (code, row) in byCode where row[2] as? Int == 1 {
            XCTAssertNotNil(files[SitePaths.folder(code) + "index.html"], code)
        }
    }

    func testHomeShowsCoverageAsAPictureAndATableByRegion() throws {
        let home = try XCTUnwrap(render()["index.html"]).text
        XCTAssertEqual(home.components(separatedBy: "<rect ").count - 1, 76 + TileMap.scale.count)
        XCTAssertTrue(home.contains("aria-hidden=\"true\""))
        XCTAssertTrue(home.contains("<th scope=\"rowgroup\" colspan=\"5\">ภาคใต้ตอนบน</th>"))
        // Surat Thani: 3 of 19 districts have a network in the sample, a light shade.
        let tile = try XCTUnwrap(home.range(of: ##"fill="#c6dbef" stroke="#9aa5b1"/><text[^>]*>สุราษฎร์ธานี<"##, options: .regularExpression))
        XCTAssertFalse(tile.isEmpty)
        XCTAssertTrue(home.contains("<h2 id=\"with-data-h\">จังหวัดที่มีข้อมูลในทำเนียบ</h2>"))
    }

    func testThe404PageIsNotACanonicalCopyOfHome() throws {
        let page = try XCTUnwrap(render()["404.html"]).text
        XCTAssertFalse(page.contains("rel=\"canonical\""))
        XCTAssertTrue(page.contains("noindex"))
    }

    func testEveryOrganisationsParentExistsInTheData() throws {
        let files = try render()
        var ids: Set<String> = []
        var parents: [String] = []
        for (path, file) in files where path.hasSuffix("directory.json") {
            let popolo = try JSONSerialization.jsonObject(with: Data(file.bytes)) as! [String: Any]
            for organisation in popolo["organizations"] as! [[String: Any]] {
                ids.insert(organisation["id"] as! String)
                if let parent = organisation["parent_id"] as? String { parents.append(parent) }
            }
        }
        XCTAssertFalse(parents.isEmpty)
        for parent in parents { XCTAssertTrue(ids.contains(parent), "\(parent) is named as a parent but is not in the data") }
        XCTAssertFalse(parents.contains("network-th"), "this site has no national network")
    }

    func testNetworkJSONCarriesPlanRegulationAndAdvisors() throws {
        var site = SampleNetwork.site()
        site.files["84/8409/_index.md"] = site.files["84/8409/_index.md"]!.replacingFirst("term:", with: """
        plan:
          fiscal_year: 2567
          activities:
            - name: ประชุมประจำเดือน
              months: [10, 11]
              budget: 1200
              responsible: เลขานุการ
        regulation:
          adopted: 2566-08-01
        term:
        """)
        let network = try JSONSerialization.jsonObject(with: Data(try render(site)["84/8409/network.json"]!.bytes)) as! [String: Any]
        let plan = try XCTUnwrap(network["plan"] as? [String: Any])
        XCTAssertEqual(plan["fiscal_year"] as? Int, 2567)
        let activity = try XCTUnwrap((plan["activities"] as? [[String: Any]])?.first)
        XCTAssertEqual(activity["months"] as? [Int], [10, 11])
        XCTAssertEqual(activity["budget"] as? Int, 1200)
        XCTAssertEqual((network["regulation"] as? [String: Any])?["adopted"] as? String, "2023-08-01")
        XCTAssertEqual((network["advisors"] as? [[String: Any]])?.first?["name"] as? String, "ที่ปรึกษา8409")
    }

    func testFeedEntriesAreDatedByTheirOwnNetwork() throws {
        var site = SampleNetwork.site()
        site.files["84/8409/840901.md"] = site.files["84/8409/840901.md"]!.replacingFirst("term:", with: "founded: 2566-12-01\nterm:")
        let feed = try XCTUnwrap(render(site)["feed.xml"]).text
        let dates = Set(feed.matches(of: #/<entry>.*?<updated>([^<]+)</updated>/#).map { String($0.1) })
        XCTAssertGreaterThan(dates.count, 1, feed)
        XCTAssertTrue(feed.contains("<updated>2023-12-01T00:00:00+07:00</updated>"))
    }
}
