import SavnetModel
import SavnetTestSupport
import XCTest

final class SubdistrictCommitteeRuleTests: RuleTestCase {
    private let path = "84/8409/840902.md"

    func testFewerThanFifteenMembers() {
        let marked = SampleNetwork.subdistrict("840902", villages: 3, members: 14).replacingFirst("committee:", with: "‸committee:")
        let found = assertFindings("subdistrict-committee", in: path, marked)
        XCTAssertEqual(found.first?.message.en, "a subdistrict committee needs at least 15 members; this one has 14")
    }

    func testFifteenIsEnough() {
        assertFindings("subdistrict-committee", in: path, SampleNetwork.subdistrict("840902", villages: 3, members: 15))
    }

    func testEveryVillageGroupNeedsARepresentative() {
        // Five villages, but members represent villages 1-3 only (member n represents (n-1) % 3 + 1).
        let text = SampleNetwork.subdistrict("840902", villages: 3, members: 15)
            .replacingFirst("groups:", with: "groups:\n  - village: ‸4\n  - village: ‸5")
        assertFindings("subdistrict-committee", in: path, text)
    }

    func testRepresentsMustBeAListedVillage() {
        let text = SampleNetwork.subdistrict("840902", villages: 3, members: 15)
            .replacingFirst("represents: 3\n", with: "represents: ‸9\n")
        assertFindings("subdistrict-committee", in: path, text)
    }
}

final class DistrictRepresentationRuleTests: RuleTestCase {
    private let path = "84/8409/_index.md"

    func testEverySubdistrictNetworkNeedsARepresentative() {
        // Members now represent only 840901–840903, while 840904 has a network file.
        let text = SampleNetwork.district("8409", subdistricts: ["840901", "840902", "840903"])
            .replacingFirst("committee:", with: "‸committee:")
        let found = assertFindings("district-representation", in: path, text)
        XCTAssertTrue(found[0].message.en.contains("840904"), found[0].message.en)
    }

    func testSubdistrictWithoutANetworkFileNeedsNoRepresentative() {
        var site = SampleNetwork.site()
        site.files.removeValue(forKey: "84/8409/840904.md")
        site.files[path] = SampleNetwork.district("8409", subdistricts: ["840901", "840902", "840903"])
        XCTAssertEqual(site.check(rule: "district-representation"), [])
    }

    func testRepresentsMustBeASubdistrictOfTheDistrict() {
        let text = sample(path).replacingFirst("represents: \"840903\"", with: "represents: ‸\"841701\"")
        assertFindings("district-representation", in: path, text)
    }
}

final class ProvinceNomineesRuleTests: RuleTestCase {
    func testProvinceMemberMustBeANominee() {
        let text = sample("84/_index.md").replacingFirst("name: ทดสอบ8402 คนที่4", with: "name: ‸ทดสอบ8402 คนที่5")
        assertFindings("province-nominees", in: "84/_index.md", text)
    }

    func testAtMostTwoPerDistrict() {
        let text = sample("84/_index.md")
        // Add a third member for 8401 who was nominated nowhere: two findings on that entry.
        let third = text.replacingFirst("\n---\n", with: """

          - position: กรรมการ
            name: ‸ทดสอบ8401 คนที่9
            represents: ‸"8401"
        ---

        """)
        let found = assertFindings("province-nominees", in: "84/_index.md", third)
        XCTAssertEqual(found.map(\.message.en).sorted(), [
            "the province committee takes at most 2 people from district 8401",
            "ทดสอบ8401 คนที่9 is not among the nominees of district 8401",
        ].sorted())
    }

    func testRepresentsMustBeADistrictOfTheProvince() {
        let text = sample("84/_index.md").replacingFirst("represents: \"8409\"", with: "represents: ‸\"8001\"")
        assertFindings("province-nominees", in: "84/_index.md", text)
    }

    func testDistrictMustNameItsChair() {
        let text = SampleNetwork.district("8401", subdistricts: SampleNetwork.subdistricts(of: "8401"), nominated: [2, 4])
            .replacingFirst("nominees:", with: "‸nominees:")
        var site = SampleNetwork.site()
        // The province picked member 1, who is no longer nominated: that is the province's finding, not this one's.
        site.files["84/_index.md"] = SampleNetwork.province(districts: ["8402", "8409"])
        assertFindings("province-nominees", in: "84/8401/_index.md", text, base: site)
    }

    func testNomineeMustBeOnTheCommittee() {
        let text = sample("84/8409/_index.md").replacingFirst("    - ทดสอบ8409 คนที่4", with: "    - ‸คนนอก ไม่มีชื่อ")
        var site = SampleNetwork.site()
        site.files["84/_index.md"] = SampleNetwork.province(districts: ["8401", "8402"])
        assertFindings("province-nominees", in: "84/8409/_index.md", text, base: site)
    }

    func testReportedAfterTheDeadlineIsStatus() {
        let text = sample("84/8409/_index.md").replacingFirst("reported: 2566-07-28", with: "reported: ‸2566-08-02")
        let found = assertFindings("province-nominees", in: "84/8409/_index.md", text, severity: .status)
        XCTAssertEqual(found.first?.message.en, "the nominees were reported on 2566-08-02 BE, after the deadline of 2566-07-31 BE")
    }

    func testNotNamedIsStatusBeforeAndAfterTheDeadline() {
        let text = SampleNetwork.district("8409").replacingFirst("committee:", with: "‸committee:")
            .components(separatedBy: "nominees:")[0] + "---\n"
        var site = SampleNetwork.site()
        site.files["84/_index.md"] = SampleNetwork.province(districts: ["8401", "8402"])
        assertFindings("province-nominees", in: "84/8409/_index.md", text, severity: .status, base: site)
        // Before the deadline too: the file is right, the office has not reported yet.
        assertFindings("province-nominees", in: "84/8409/_index.md", text, severity: .status,
                       today: CalendarDate(year: 2023, month: 7, day: 20)!, base: site)
    }
}
