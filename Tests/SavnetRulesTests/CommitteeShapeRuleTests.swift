import SavnetModel
import SavnetTestSupport
import XCTest

/// Rules about the shape of a committee and the signs of a copied file.
final class CommitteeShapeRuleTests: RuleTestCase {
    func testADistrictCommitteeOfOtherThanTwentyWarns() {
        let text = SampleNetwork.district("8409").replacingFirst("committee:", with: "‸committee:")
            .replacingFirst("  - position: กรรมการ\n    title: นาย\n    name: ทดสอบ8409 คนที่20\n    represents: \"840904\"\n", with: "")
        assertFindings("committee-seats", in: "84/8409/_index.md", text, severity: .warning)
    }

    func testACommitteeWithNoAdvisorWarns() {
        let text = sample("84/8409/840901.md").replacingFirst("committee:", with: "‸committee:")
            .replacingFirst("advisors:\n  - name: ที่ปรึกษา840901\n", with: "")
        assertFindings("committee-advisor", in: "84/8409/840901.md", text, severity: .warning)
    }

    func testATermStartingBeforeTheOrderWarns() {
        let text = sample("84/8409/840901.md").replacingFirst("  start: 2566-07-04", with: "  start: ‸2566-07-01")
            .replacingFirst("term:", with: "order:\n  number: 41/2566\n  date: 2566-07-04\nterm:")
        assertFindings("appointment-order", in: "84/8409/840901.md", text, severity: .warning)
    }

    func testRepresentsMayNameAVillageOrACommunity() {
        var text = sample("84/8409/840901.md")
        text = text.replacingFirst("    represents: 1\n", with: "    represents: หมู่ที่ 1\n")
        text = text.replacingFirst("    represents: 2\n", with: "    represents: ม.2\n")
        text = text.replacingFirst("    represents: 3\n", with: "    represents: ชุมชนตลาดเก่า\n")
        assertFindings("subdistrict-committee", in: "84/8409/840901.md", text)
    }

    func testTheSamePersonOnTwoCommitteesOfOneLevelWarnsOnTheSecondFile() {
        // 840902's first member is the same person as 840901's.
        let text = sample("84/8409/840902.md").replacingFirst("    name: ทดสอบ840902 คนที่1", with: "    name: ‸ทดสอบ840901 คนที่1")
        let found = assertFindings("copied-content", in: "84/8409/840902.md", text, severity: .warning)
        XCTAssertTrue(found.first?.message.en.contains("content/84/8409/840901.md") == true, "\(found.map(\.message.en))")
    }

    func testATitleThatNamesAnotherAreaWarns() {
        let text = sample("84/8409/840901.md").replacingFirst("term:", with: """
            order:
              number: 41/2566
              date: 2566-07-04
              signer: นายตัวอย่าง ทดลอง
              signer_title: ‸นายอำเภอพุนพิน
            term:
            """)
        assertFindings("copied-content", in: "84/8409/840901.md", text, severity: .warning)
        // Its own district is fine.
        let own = text.replacingFirst("‸นายอำเภอพุนพิน", with: "นายอำเภอบ้านตาขุน")
        assertFindings("copied-content", in: "84/8409/840901.md", own, severity: .warning)
    }

    func testTwoFilesClaimingOneAreaFaultTheMisplacedOne() {
        // A stray copy that sorts before the right file claims its area: the stray is wrong.
        var site = SampleNetwork.site()
        site.files["84/8409/840900.md"] = SampleNetwork.subdistrict("840901")
        let found = site.check().filter { $0.rule == "area-code" }
        XCTAssertFalse(found.isEmpty)
        XCTAssertTrue(found.allSatisfy { $0.location.path == "content/84/8409/840900.md" }, "\(found.map(\.location))")
        XCTAssertTrue(found.contains { $0.message.en == "area 840901 already has a network file: content/84/8409/840901.md" })
    }
}
