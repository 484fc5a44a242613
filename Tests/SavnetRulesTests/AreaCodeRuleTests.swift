import SavnetModel
import SavnetTestSupport
import XCTest

final class AreaCodeRuleTests: RuleTestCase {
    func testUnknownCode() {
        let text = sample("84/8409/840901.md").replacingFirst("area: \"840901\"", with: "area: ‸\"840999\"")
        assertFindings("area-code", in: "84/8409/840901.md", text)
    }

    func testLevelMustFitTheCode() {
        let text = sample("84/8409/840901.md").replacingFirst("level: subdistrict", with: "level: ‸district")
        assertFindings("area-code", in: "84/8409/840901.md", text)
    }

    func testFileMustSitWhereTheCodeSays() {
        var site = SampleNetwork.site()
        let moved = site.files.removeValue(forKey: "84/8409/840904.md")!
        site.files["84/8409/extra.md"] = moved
        let found = site.check(rule: "area-code")
        XCTAssertEqual(found.map(\.location), [SourceLocation(path: "content/84/8409/extra.md", line: 3, column: 7)])
        XCTAssertTrue(found[0].message.en.contains("84/8409/840904.md"), found[0].message.en)
    }

    func testTwoFilesForOneArea() {
        var site = SampleNetwork.site()
        site.files["84/8409/840905.md"] = SampleNetwork.subdistrict("840901")
        let found = site.check(rule: "area-code")
        // The copy is both misplaced and a duplicate: two findings on its area line.
        XCTAssertEqual(found.map(\.location.path), ["content/84/8409/840905.md", "content/84/8409/840905.md"])
        XCTAssertTrue(found.contains { $0.message.en.contains("already has a network file: content/84/8409/840901.md") })
    }

    func testBangkokIsOutsideTheProgramme() {
        var site = SampleNetwork.site()
        site.files["10/1001/_index.md"] = "---\narea: \"1001\"\n---\n"
        let found = site.check(rule: "area-code")
        XCTAssertEqual(found.map(\.severity), [.warning])
    }
}
