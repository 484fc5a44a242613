import SavnetModel
import SavnetTestSupport
import XCTest

/// Hostile text in names, titles and bodies must come out inert on every page.
final class EscapingTests: XCTestCase {
    private let attacks = ["<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)"]

    func testHostileValuesNeverSurvive() throws {
        var site = SampleNetwork.site()
        var text = site.files["84/8409/_index.md"]!
        text = text.replacingFirst("name: ทดสอบ8409 คนที่1", with: "name: '\(attacks[0])'")
        text = text.replacingFirst("    title: นาย\n", with: "    title: '\(attacks[1])'\n")
        text = text.replacingFirst("term:", with: """
        name: '\(attacks[1])'
        order:
          number: '\(attacks[0])'
          signer: '\(attacks[2])'
        plan:
          fiscal_year: 2567
          activities:
            - name: '\(attacks[0])'
              indicator: '\(attacks[1])'
        term:
        """)
        text += """
        # หัวข้อ <script>alert(1)</script>

        <img src=x onerror=alert(1)> [คลิก](javascript:alert(1)) <a href="javascript:alert(1)">x</a>

        <iframe src="https://evil.example"></iframe>

        """
        site.files["84/8409/_index.md"] = text
        let files = try TestBuild.render(site)
        for (path, file) in files where path.hasSuffix(".html") || path.hasSuffix(".xml") {
            let output = file.text
            XCTAssertFalse(output.contains("<script>alert"), "\(path) runs a script")
            XCTAssertFalse(output.contains("<img src=x"), "\(path) has an injected image")
            XCTAssertFalse(output.range(of: #"href="javascript:"#, options: .caseInsensitive) != nil, "\(path) has a script link")
            XCTAssertFalse(output.contains("<iframe"), "\(path) has a frame")
            XCTAssertEqual(HTMLScan.eventHandlers(in: output), [], "\(path) has an event handler")
        }
        let page = files["84/8409/index.html"]!.text
        XCTAssertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the text is shown, escaped")
        for file in files.values where file.path.hasSuffix(".json") {
            XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(file.bytes)), file.path)
        }
    }
}

/// Finds `on…=` attributes in real tags (outside quoted attribute values).
enum HTMLScan {
    static func eventHandlers(in html: String) -> [String] {
        var found: [String] = []
        let scalars = Array(html.unicodeScalars)
        var index = 0
        while index < scalars.count {
            guard scalars[index] == "<" else { index += 1; continue }
            var quote: Unicode.Scalar?
            var attribute = ""
            index += 1
            while index < scalars.count {
                let c = scalars[index]
                if let q = quote {
                    if c == q { quote = nil }
                } else if c == "\"" || c == "'" {
                    quote = c
                } else if c == ">" {
                    break
                } else if c == "=" {
                    if attribute.lowercased().hasPrefix("on") { found.append(attribute) }
                    attribute = ""
                } else if c == " " || c == "\n" || c == "\t" || c == "/" {
                    attribute = ""
                } else {
                    attribute.unicodeScalars.append(c)
                }
                index += 1
            }
        }
        return found
    }
}
