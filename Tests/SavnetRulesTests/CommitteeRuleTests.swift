import SavnetModel
import SavnetTestSupport
import XCTest

final class CommitteeRuleTests: RuleTestCase {
    private let path = "84/8409/_index.md"

    func testMisspeltTreasurerWarnsAndStillCounts() {
        let text = sample(path).replacingFirst("position: เหรัญญิก\n", with: "position: ‸เกร็ดญุก\n")
        let found = assertFindings("position-name", in: path, text, severity: .warning)
        XCTAssertEqual(found.first?.hint?.en, "write `เหรัญญิก`")
        assertFindings("committee-key-positions", in: path, text.replacingOccurrences(of: "‸", with: ""))
    }

    func testUnknownPositionIsAnError() {
        let text = sample(path).replacingFirst("position: ผู้ช่วยนายทะเบียน", with: "position: ‸นายกเทศมนตรี")
        assertFindings("position-name", in: path, text)
    }

    func testMissingTreasurer() {
        let text = sample(path).replacingFirst("committee:", with: "‸committee:")
            .replacingFirst("position: เหรัญญิก\n", with: "position: กรรมการ\n")
        let found = assertFindings("committee-key-positions", in: path, text)
        XCTAssertEqual(found.map(\.message.en), ["the committee has no treasurer (เหรัญญิก)"])
    }

    func testTwoChairs() {
        let text = sample(path).replacingFirst("committee:", with: "‸committee:")
            .replacingFirst("position: เลขานุการ\n", with: "position: ‸ประธานเครือข่าย\n")
        let found = assertFindings("committee-key-positions", in: path, text)
        XCTAssertEqual(found.map(\.message.en), [
            "the committee has no secretary (เลขานุการ)",
            "the committee has 2 chairs; it must have exactly one",
        ])
    }

    func testThirdViceChairExceedsTheTemplate() {
        let text = sample(path).replacingFirst("position: ผู้ช่วยเลขานุการ", with: "position: ‸รองประธาน")
        assertFindings("committee-seats", in: path, text, severity: .warning)
    }

    func testOnePersonOnePosition() {
        let text = sample(path).replacingFirst("name: ทดสอบ8409 คนที่7", with: "name: ‸ทดสอบ8409 คนที่2")
        let found = assertFindings("committee-unique-person", in: path, text)
        XCTAssertTrue(found[0].message.en.contains("already on the committee"), found[0].message.en)
    }

    func testNamesDifferingOnlyInSpacesAreOnePerson() {
        let text = sample(path).replacingFirst("name: ทดสอบ8409 คนที่7", with: "name: ‸ทดสอบ8409  คนที่2")
        assertFindings("committee-unique-person", in: path, text)
    }
}
