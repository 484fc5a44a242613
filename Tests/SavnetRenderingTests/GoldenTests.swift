import Foundation
import SavnetTestSupport
import XCTest

/// Representative pages compared byte for byte with reviewed copies in `Golden/`.
/// After an intended change, regenerate with `SAVNET_UPDATE_GOLDEN=1 swift test --filter GoldenTests`
/// and review the diff.
final class GoldenTests: XCTestCase {
    static let pages = [
        "84/8409/index.html": "district.html",
        "84/8409/840901/index.html": "subdistrict.html",
        "84/index.html": "province.html",
        "84/8409/order/index.html": "order.html",
    ]

    func testRepresentativePagesMatchGoldenFiles() throws {
        var site = SampleNetwork.site()
        site.files["84/8409/_index.md"] = site.files["84/8409/_index.md"]!.replacingFirst("term:", with: """
        order:
          number: 109/2566
          date: 2566-07-20
          signer: นายทดสอบ ลงนาม
          signer_title: นายอำเภอบ้านตาขุน
        funds:
          sources: [fundraising, government]
          accounts:
            - bank: ธนาคารออมสิน
              signatories: [ประธานเครือข่าย, รองประธาน, เหรัญญิก]
              withdrawal: {required: 2, always: ประธานเครือข่าย}
        finance:
          as_of: 2566-09-30
          fund_balance: 125000
          income: 30000
          expenses: 12000.50
        plan:
          fiscal_year: 2567
          activities:
            - name: ประชุมประจำเดือน
              months: [ต.ค., 11, ธันวาคม]
              budget: 6000
              responsible: secretary
              indicator: ครบ ๑๒ ครั้ง
        term:
        """) + "\n## ประวัติ\n\nก่อตั้งเมื่อ **2550** | ตาราง\n"
        let files = try TestBuild.render(site)
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
        let update = ProcessInfo.processInfo.environment["SAVNET_UPDATE_GOLDEN"] == "1"
        for (path, golden) in Self.pages.sorted(by: { $0.key < $1.key }) {
            let actual = try XCTUnwrap(files[path], path).text
            let url = folder.appendingPathComponent(golden)
            if update {
                try actual.write(to: url, atomically: true, encoding: .utf8)
                continue
            }
            let expected = try String(contentsOf: url, encoding: .utf8)
            XCTAssertEqual(actual, expected, "\(path) differs from Golden/\(golden)")
        }
    }
}
