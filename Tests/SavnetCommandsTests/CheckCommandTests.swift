import Foundation
import XCTest

/// `savnet check` end to end: stdout, stderr and exit status of the real executable.
final class CheckCommandTests: XCTestCase {
    func testSampleContentIsClean() throws {
        // The sample shows status of every kind (a late, a missing and an on-time district,
        // an expired term): reported, never an error or a warning.
        let result = try CLI.run(["check", "content", "--today", "2567-01-01"], in: CLI.repository)
        let lines = result.stdout.split(separator: "\n").filter { $0.hasPrefix("content/") }
        XCTAssertEqual(lines.count, 10, result.stdout)
        XCTAssertTrue(lines.allSatisfy { $0.contains(": status: ") }, result.stdout)
        for rule in ["[deliverables]", "[province-nominees]", "[term-expiry]"] {
            XCTAssertTrue(lines.contains { $0.hasSuffix(rule) }, rule)
        }
        XCTAssertEqual(result.stderr, "checked 24 files: no problems; 10 status notes (terms and deadlines)\n")
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(try CLI.run(["check", "content", "--today", "2567-01-01", "--fail-on-status"], in: CLI.repository).status, 1)
    }

    func testBrokenFilesAreEachReportedAndTheRestStillChecked() throws {
        let result = try CLI.run(["check"], fixture: "broken-yaml")
        let expected = try String(contentsOf: CLI.fixtures.appendingPathComponent("broken-yaml/expected-human.txt"), encoding: .utf8)
        XCTAssertEqual(result.stdout, expected)
        XCTAssertEqual(result.stderr, "checked 9 files: 9 errors, 0 warnings\n")
        XCTAssertEqual(result.status, 1)
    }

    func testThaiMessages() throws {
        let result = try CLI.run(["check", "--lang", "th"], fixture: "broken-yaml")
        XCTAssertTrue(result.stdout.contains("content/84/8409/_index.md:12:1: error: คณะกรรมการไม่มีเหรัญญิก [committee-key-positions]\n"),
                      result.stdout)
        XCTAssertTrue(result.stdout.contains("  อ้างอิง: ระเบียบเครือข่ายกลุ่มออมทรัพย์เพื่อการผลิต ข้อ ๙\n"), result.stdout)
        XCTAssertEqual(result.stderr, "ตรวจ 9 ไฟล์ ข้อผิดพลาด 9 รายการ คำเตือน 0 รายการ\n")
    }

    func testLanguageComesFromTheEnvironment() throws {
        let result = try CLI.run(["check"], fixture: "warnings-only", environment: ["LANG": "th_TH.UTF-8"])
        XCTAssertTrue(result.stdout.contains("ไม่ตรงกับแบบคำสั่ง จึงถือเป็นตำแหน่งเหรัญญิก"), result.stdout)
    }

    func testWarningsPassUnlessStrict() throws {
        let relaxed = try CLI.run(["check"], fixture: "warnings-only")
        XCTAssertEqual(relaxed.status, 0)
        XCTAssertEqual(relaxed.stdout, """
        content/84/8409/840901.md:33:15: warning: position `เกร็ดญุก` is not spelt as in the order template; read as treasurer (เหรัญญิก) [position-name]
         33 |   - position: เกร็ดญุก
            |               ^
          hint: write `เหรัญญิก`
          clause: network regulation, clause 9

        """)
        XCTAssertEqual(relaxed.stderr, "checked 1 file: 0 errors, 1 warning\n")
        let strict = try CLI.run(["check", "--strict"], fixture: "warnings-only")
        XCTAssertEqual(strict.status, 1)
        XCTAssertTrue(strict.stdout.hasPrefix("content/84/8409/840901.md:33:15: error: "), strict.stdout)
    }

    func testGitHubAnnotationsAndStepSummary() throws {
        let summary = FileManager.default.temporaryDirectory.appendingPathComponent("savnet-summary-\(UUID().uuidString).md")
        defer { try? FileManager.default.removeItem(at: summary) }
        let result = try CLI.run(["check", "--format", "github"], fixture: "broken-yaml",
                                 environment: ["GITHUB_STEP_SUMMARY": summary.path])
        let lines = result.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 9)
        XCTAssertEqual(String(lines[0]), "::error file=content/84/8401/_index.md,line=4,col=1,title=savnet yaml-duplicate-key::"
            + "duplicate key `level` in the front matter%0Ahint: remove or merge the repeated key so it appears once")
        XCTAssertEqual(result.status, 1)
        let table = try String(contentsOf: summary, encoding: .utf8)
        XCTAssertTrue(table.hasPrefix("### savnet check\n\nchecked 9 files: 9 errors, 0 warnings\n"), table)
        XCTAssertTrue(table.contains("| ❌ | `content/84/8409/_index.md:12:1` | the committee has no treasurer (เหรัญญิก) | `committee-key-positions` |"), table)
    }

    func testJSONForTools() throws {
        let result = try CLI.run(["check", "--format", "json"], fixture: "broken-yaml")
        let document = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        XCTAssertEqual(document["files"] as? Int, 9)
        XCTAssertEqual(document["errors"] as? Int, 9)
        let first = (document["diagnostics"] as! [[String: Any]])[0]
        XCTAssertEqual(first["path"] as? String, "content/84/8401/_index.md")
        XCTAssertEqual(first["line"] as? Int, 4)
        XCTAssertEqual(first["column"] as? Int, 1)
        XCTAssertEqual(first["rule"] as? String, "yaml-duplicate-key")
        XCTAssertEqual(result.status, 1)
    }

    func testTodayOptionJudgesTerms() throws {
        // An expired term is status: shown, not failing, unless asked.
        let result = try CLI.run(["check", "--today", "2570-08-01"], fixture: "warnings-only")
        XCTAssertTrue(result.stdout.contains("status: the committee's 4-year term ended on 2570-07-03 BE [term-expiry]"), result.stdout)
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(try CLI.run(["check", "--today", "2570-08-01", "--fail-on-status"], fixture: "warnings-only").status, 1)
    }

    func testUsageErrorsExit64() throws {
        let badFormat = try CLI.run(["check", "--format", "xml"], fixture: "warnings-only")
        XCTAssertEqual(badFormat.status, 64)
        XCTAssertTrue(badFormat.stderr.contains("--format"), badFormat.stderr)
        let badDate = try CLI.run(["check", "--today", "soon"], fixture: "warnings-only")
        XCTAssertEqual(badDate.status, 64)
        XCTAssertTrue(badDate.stderr.contains("--today must be a date like 2566-07-28"), badDate.stderr)
        let noFolder = try CLI.run(["check", "nowhere"], fixture: "warnings-only")
        XCTAssertEqual(noFolder.status, 64)
        XCTAssertTrue(noFolder.stderr.contains("no file or folder at nowhere"), noFolder.stderr)
    }

    func testACheckAfterABuildReadsItsCacheAndFindsWhatACheckFromScratchFinds() throws {
        let project = try SampleProject()
        defer { project.remove() }
        XCTAssertEqual(try CLI.run(["build", "--today", "2567-01-01"], in: project.folder).status, 0)
        let cache = try project.tree(".savnet/cache")
        XCTAssertFalse(cache.isEmpty)
        let timings = ["SAVNET_TIMINGS": "1"]

        /// The check with the cache and from scratch, which must print the same, byte for byte.
        func compare(_ arguments: [String], _ what: String, cached: Bool = true) throws {
            for format in ["human", "json", "github"] {
                let warm = try CLI.run(["check", "--format", format] + arguments, in: project.folder, environment: timings)
                let cold = try CLI.run(["check", "--no-cache", "--format", format] + arguments, in: project.folder, environment: timings)
                XCTAssertEqual(warm.stdout, cold.stdout, "\(what), \(format)")
                XCTAssertEqual(warm.status, cold.status, "\(what), \(format)")
                let summary = { (result: CLI.Result) in result.stderr.split(separator: "\n").filter { !$0.hasPrefix("timings:") } }
                XCTAssertEqual(summary(warm), summary(cold), "\(what), \(format)")
                // Which way each went: the cached check restores, the other loads everything.
                XCTAssertEqual(warm.stderr.contains("restore and check"), cached, "\(what): \(warm.stderr)")
                XCTAssertTrue(cold.stderr.contains("load and hierarchy"), cold.stderr)
            }
        }
        try compare(["--today", "2567-01-01"], "unchanged")
        try compare(["--today", "2570-08-01"], "another day")

        let folder = project.folder.appendingPathComponent("content/84/8409")
        let subdistrict = folder.appendingPathComponent("840901.md")
        let text = try String(contentsOf: subdistrict, encoding: .utf8)
        // A misspelt position (a warning), a file added with a duplicate key, one deleted.
        try text.replacingOccurrences(of: "position: เหรัญญิก", with: "position: เกร็ดญุก")
            .write(to: subdistrict, atomically: true, encoding: .utf8)
        try text.replacingOccurrences(of: "area: \"840901\"", with: "area: \"840901\"\narea: \"840902\"")
            .write(to: folder.appendingPathComponent("copy.md"), atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("840902.md"))
        // And a file in its place that copies 840901's committee (rules that read other files).
        try text.replacingOccurrences(of: "area: \"840901\"", with: "area: \"840902\"")
            .write(to: folder.appendingPathComponent("840902-copy.md"), atomically: true, encoding: .utf8)
        try compare(["--today", "2567-01-01"], "edited")
        try compare(["--today", "2567-01-01", "content/84/8409"], "edited, one folder shown")
        XCTAssertEqual(try project.tree(".savnet/cache"), cache, "check never writes the cache")

        // A damaged cache is not used.
        let state = project.folder.appendingPathComponent(".savnet/cache/build")
        try Data(try Data(contentsOf: state).dropLast(10)).write(to: state)
        try compare(["--today", "2567-01-01"], "damaged cache", cached: false)
    }
}
