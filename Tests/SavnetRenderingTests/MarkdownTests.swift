import SavnetRendering
import XCTest

final class MarkdownTests: XCTestCase {
    func testRendersGitHubTables() {
        let html = Markdown.html("| ก | ข |\n|---|---|\n| 1 | 2 |\n")
        XCTAssertTrue(html.contains("<table>"), html)
        XCTAssertTrue(html.contains("<td>1</td>"), html)
    }

    func testDropsRawHTMLAndScriptLinks() {
        let html = Markdown.html("<script>alert(1)</script>\n\n[x](javascript:alert(1)) <img src=x onerror=alert(1)>\n")
        XCTAssertFalse(html.contains("<script"), html)
        XCTAssertFalse(html.contains("javascript:"), html)
        XCTAssertFalse(html.contains("onerror"), html)
    }

    func testHeadingsStartAtLevelTwoUnderThePageHeading() {
        let html = Markdown.html("# หัวข้อ\n\n## ย่อย\n\n###### ลึก\n\n> อ้างอิง\n")
        XCTAssertTrue(html.contains("<h2>หัวข้อ</h2>"), html)
        XCTAssertTrue(html.contains("<h3>ย่อย</h3>"), html)
        XCTAssertTrue(html.contains("<h6>ลึก</h6>"), html)
        XCTAssertFalse(html.contains("<h1"), html)
        XCTAssertTrue(html.contains("<blockquote>"), html)
    }
}
