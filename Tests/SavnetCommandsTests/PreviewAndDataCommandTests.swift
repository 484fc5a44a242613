import Foundation
import XCTest

/// `serve`, `report` and `export`, end to end on a copy of the sample project.
final class PreviewAndDataCommandTests: SampleProjectTestCase {
    // MARK: serve

    /// GET over a plain socket (HTTP/1.1, Connection: close): status and body.
    private func fetch(_ url: URL) throws -> (status: Int, body: String) {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(url.port ?? 80).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { return (0, "") }
        let target = url.path + (url.path.hasSuffix("/") || url.absoluteString.hasSuffix("/") ? (url.path.hasSuffix("/") ? "" : "/") : "")
            + (url.query.map { "?" + $0 } ?? "")
        let request = Array("GET \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".utf8)
        _ = request.withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, 0) }
        var response: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
            response += buffer[..<count]
        }
        let text = String(decoding: response, as: UTF8.self).withoutWordMarks
        guard let split = text.range(of: "\r\n\r\n") else { return (0, "") }
        let status = Int(text.split(separator: " ").dropFirst().first ?? "") ?? 0
        return (status, String(text[split.upperBound...]))
    }

    /// Waits until the site's version passes `version`; returns the new one.
    private func waitForChange(_ base: URL, after version: Int) throws -> Int {
        let answer = try fetch(base.appendingPathComponent("_savnet/wait").appendingQuery("v=\(version)"))
        let object = try JSONSerialization.jsonObject(with: Data(answer.body.utf8)) as? [String: Int]
        return object?["version"] ?? version
    }

    func testServeServesEditsAndShowsErrorsUntilTheyAreFixed() throws {
        // The first line names the address: loopback, an ephemeral port.
        let (process, text) = try CLI.start(["serve", "--port", "0", "--today", "2566-09-25"], in: work)
        defer { process.terminate(); process.waitUntilExit() }
        guard let range = text.range(of: "http://127.0.0.1:"), let base = URL(string: String(text[range.lowerBound...].prefix { !$0.isWhitespace })) else {
            return XCTFail("no address in \(text)")
        }
        let page = base.appendingPathComponent("84/8409/840901/")
        let first = try fetch(page)
        XCTAssertEqual(first.status, 200)
        XCTAssertTrue(first.body.contains("/_savnet/wait"), "no live reload script")
        XCTAssertFalse(first.body.contains("savnet-errors"))
        XCTAssertEqual(try fetch(base.appendingPathComponent("assets/style.css")).status, 200)
        XCTAssertEqual(try fetch(base.appendingPathComponent("no/such/page/")).status, 404)
        let version = try waitForChange(base, after: 0)

        // An edit is reflected.
        let file = work.appendingPathComponent("content/84/8409/840901.md")
        let original = try String(contentsOf: file, encoding: .utf8)
        try (original + "\nบันทึกการประชุมครั้งใหม่\n").write(to: file, atomically: true, encoding: .utf8)
        let edited = try waitForChange(base, after: version)
        XCTAssertGreaterThan(edited, version)
        XCTAssertTrue(try fetch(page).body.contains("บันทึกการประชุมครั้งใหม่"))

        // An error shows over the page, with its file and line, and the server keeps going.
        try original.replacingOccurrences(of: "position: เหรัญญิก\n", with: "position: กรรมการ\n")
            .write(to: file, atomically: true, encoding: .utf8)
        let broken = try waitForChange(base, after: edited)
        let withError = try fetch(page)
        XCTAssertTrue(withError.body.contains("id=\"savnet-errors\""), withError.body)
        XCTAssertTrue(withError.body.contains("content/84/8409/840901.md:"), withError.body)
        XCTAssertTrue(withError.body.contains("committee-key-positions"), withError.body)
        // Fixing it clears the error.
        try original.write(to: file, atomically: true, encoding: .utf8)
        _ = try waitForChange(base, after: broken)
        let fixed = try fetch(page)
        XCTAssertEqual(fixed.status, 200)
        XCTAssertFalse(fixed.body.contains("savnet-errors"))
        XCTAssertTrue(process.isRunning)
    }

    func testServeRefusesABadHost() throws {
        let result = try CLI.run(["serve", "--host", "localhost-ish", "--port", "0"], in: work)
        XCTAssertEqual(result.status, 64)
        XCTAssertTrue(result.stderr.contains("--host must be an IPv4 address"), result.stderr)
    }

    // MARK: report

    func testReportsForAProvinceOffice() throws {
        let coverage = try CLI.run(["report", "coverage", "--province", "84", "--format", "csv"], in: work)
        XCTAssertEqual(coverage.status, 0, coverage.stderr)
        let rows = coverage.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        XCTAssertEqual(rows.first, "\u{FEFF}code,level,area,network file,order,regulation,plan")
        XCTAssertTrue(rows.contains("8409,district,อำเภอบ้านตาขุน,yes,yes,yes,yes"), "\(rows.prefix(5))")
        XCTAssertTrue(rows.contains("840101,subdistrict,ตำบลตลาด,no,no,no,no"))
        // 1 province, 19 districts and their subdistricts.
        XCTAssertEqual(rows.count - 1, 1 + 19 + 131)

        let terms = try CLI.run(["report", "terms", "--today", "2567-01-01", "--format", "json"], in: work)
        let expired = try JSONSerialization.jsonObject(with: Data(terms.stdout.utf8)) as? [[String: String]]
        XCTAssertEqual(expired?.map { $0["code"] ?? "" }, ["840903", "840904"])
        XCTAssertEqual(expired?.first?["status"], "expired")

        let nominees = try CLI.run(["report", "nominees", "--province", "สุราษฎร์ธานี", "--today", "2566-09-25"], in: work)
        XCTAssertEqual(nominees.status, 0)
        let lines = nominees.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 2 + 19)
        XCTAssertTrue(lines.contains { $0.hasPrefix("8403") && $0.hasSuffix("late") }, nominees.stdout)

        let deliverables = try CLI.run(["report", "deliverables", "--district", "8409", "--today", "2566-09-25", "--format", "markdown"], in: work)
        XCTAssertTrue(deliverables.stdout.hasPrefix("| code | area | deliverable | deadline | sent | status |\n|---|"), deliverables.stdout)
        XCTAssertEqual(deliverables.stdout.split(separator: "\n").count, 2 + 4)

        let finance = try CLI.run(["report", "finance", "--province", "84", "--format", "json", "--lang", "en"], in: work)
        let totals = try JSONSerialization.jsonObject(with: Data(finance.stdout.utf8)) as? [[String: String]]
        let province = totals?.first { $0["code"] == "84" }
        XCTAssertEqual(province?["networks"], "24")
        XCTAssertNotEqual(province?["members"], "0")

        let unknown = try CLI.run(["report", "coverage", "--province", "Atlantis"], in: work)
        XCTAssertEqual(unknown.status, 64)
        let mismatch = try CLI.run(["report", "coverage", "--province", "84", "--district", "1001"], in: work)
        XCTAssertEqual(mismatch.status, 64)
    }

    func testTablesAlignThaiByDisplayWidth() throws {
        let result = try CLI.run(["report", "coverage", "--district", "8409"], in: work)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        // The column after the area name starts at the same display column on every line.
        func column(_ line: String) -> Int {
            let marks: Set<Unicode.GeneralCategory> = [.nonspacingMark, .enclosingMark, .format]
            var width = 0
            var seen = 0
            for scalar in line.unicodeScalars {
                if scalar == " " { seen += 1 } else if seen >= 2, width > 20 { return width } else { seen = 0 }
                if !marks.contains(scalar.properties.generalCategory) { width += 1 }
            }
            return width
        }
        let starts = Set(lines.filter { !$0.hasPrefix("--") }.map { line -> Int in
            let index = line.range(of: line.hasPrefix("code") ? "network file" : (line.contains(" yes") ? " yes" : " no"))!.lowerBound
            return line[..<index].unicodeScalars.filter { ![.nonspacingMark, .enclosingMark, .format].contains($0.properties.generalCategory) }.count
                + (line.hasPrefix("code") ? 0 : 1)
        })
        XCTAssertEqual(starts.count, 1, result.stdout)
    }

    // MARK: export

    func testExportPopoloCSVAndJSON() throws {
        let popolo = try CLI.run(["export", "--format", "popolo"], in: work)
        XCTAssertEqual(popolo.status, 0, popolo.stderr)
        let data = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(popolo.stdout.utf8)) as? [String: [[String: Any]]])
        XCTAssertEqual(Set(data.keys), ["areas", "memberships", "organizations", "persons", "posts"])
        let organizations = data["organizations"]!
        XCTAssertEqual(organizations.count, 24)
        // The province network has no national network above it in the sample: no dangling link.
        XCTAssertNil(organizations.first { $0["id"] as? String == "network-84" }?["parent_id"])
        XCTAssertEqual(organizations.first { $0["id"] as? String == "network-8409" }?["parent_id"] as? String, "network-84")
        let ids = Set(organizations.compactMap { $0["id"] as? String })
        for organization in organizations {
            if let parent = organization["parent_id"] as? String { XCTAssertTrue(ids.contains(parent), parent) }
        }
        XCTAssertTrue(data["persons"]!.allSatisfy { ($0["honorific_prefix"] as? String).map { !$0.isEmpty } ?? false })
        let membership = data["memberships"]!.first!
        XCTAssertNotNil(membership["start_date"])
        XCTAssertNotNil(membership["end_date"])
        XCTAssertTrue(data["areas"]!.contains { $0["id"] as? String == "840901" && $0["parent_id"] as? String == "8409" })

        let csv = try CLI.run(["export", "--format", "csv", "--province", "84", "--output", "members.csv"], in: work)
        XCTAssertEqual(csv.status, 0, csv.stderr)
        let bytes = try Data(contentsOf: work.appendingPathComponent("members.csv"))
        XCTAssertEqual(Array(bytes.prefix(3)), [0xEF, 0xBB, 0xBF])
        let rows = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        XCTAssertTrue(rows[0].hasSuffix("province_code,province,district_code,district,subdistrict_code,subdistrict,level,network,position,position_th,honorific_prefix,name,represents,term_start,term_end,order_number"))
        XCTAssertEqual(rows.count - 1, data["memberships"]!.count)
        // Nothing the site does not publish: no contacts in the member list.
        XCTAssertFalse(String(decoding: bytes, as: UTF8.self).contains("@"))

        let json = try CLI.run(["export", "--format", "json"], in: work)
        let networks = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(networks.count, 24)
    }

    func testCSVDefusesFormulas() throws {
        let file = work.appendingPathComponent("content/84/8409/840901.md")
        let text = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "name: ประไพ ตัวอย่างดี", with: "name: \"=HYPERLINK(1)\"")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let result = try CLI.run(["export", "--format", "csv"], in: work)
        XCTAssertTrue(result.stdout.contains(",'=HYPERLINK(1),"), result.stdout)
        XCTAssertFalse(result.stdout.contains(",=HYPERLINK"))
        // A negative number stays a number.
        let terms = try CLI.run(["report", "terms", "--today", "2567-01-01", "--format", "csv"], in: work)
        XCTAssertTrue(terms.stdout.contains(",-93,"), terms.stdout)
        XCTAssertFalse(terms.stdout.contains("'-93"))
    }
}

private extension URL {
    func appendingQuery(_ query: String) -> URL { URL(string: absoluteString + "?" + query)! }
}
