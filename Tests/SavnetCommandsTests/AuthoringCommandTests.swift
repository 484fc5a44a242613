import Foundation
import XCTest

/// `new`, `fmt`, `diff` and `init`, end to end on a copy of the sample project.
final class AuthoringCommandTests: SampleProjectTestCase {
    private func read(_ path: String) throws -> String {
        try String(contentsOf: work.appendingPathComponent(path), encoding: .utf8)
    }

    private func write(_ text: String, _ path: String) throws {
        let url = work.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    // MARK: new

    func testNewWritesAFileInItsPlaceWithTheTemplatePositions() throws {
        let result = try CLI.run(["new", "subdistrict", "841701", "--today", "2567-01-05"], in: work)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "content/84/8417/841701.md\n")
        let text = try read("content/84/8417/841701.md")
        XCTAssertTrue(text.hasPrefix("---\nlevel: subdistrict\narea: \"841701\"\n"), text)
        XCTAssertTrue(text.contains("signer_title: นายอำเภอพุนพิน\n"), text)
        XCTAssertTrue(text.contains("term:\n  start: 2567-01-05\n"), text)
        XCTAssertEqual(text.components(separatedBy: "  - position: ").count - 1, 20)
        XCTAssertEqual(text.components(separatedBy: "position: รองประธาน\n").count - 1, 2)
        XCTAssertEqual(text.components(separatedBy: "position: กรรมการ\n").count - 1, 6)
        XCTAssertTrue(text.hasSuffix("# เครือข่ายกลุ่มออมทรัพย์เพื่อการผลิตตำบลท่าข้าม\n"), text)
        // What is left to fill in is reported for that file, and nothing else is.
        let check = try CLI.run(["check", "content/84/8417/841701.md"], in: work)
        XCTAssertEqual(check.status, 1)
        XCTAssertTrue(check.stdout.contains("content/84/8417/841701.md:"), check.stdout)
        XCTAssertTrue(check.stdout.contains("`committee[1].name` is required but missing"), check.stdout)
        XCTAssertFalse(check.stdout.contains("content/84/_index.md"), check.stdout)
    }

    func testNewListsTheSubdistrictsADistrictRepresentsAndFindsAreasByName() throws {
        // A district of a province with no content: found by its English name.
        let result = try CLI.run(["new", "district", "Mueang Phrae", "--today", "2567-01-05"], in: work)
        XCTAssertEqual(result.status, 0, result.stderr)
        let text = try read("content/54/5401/_index.md")
        XCTAssertTrue(text.contains("signer_title: นายอำเภอเมืองแพร่\n"), text)
        XCTAssertTrue(text.contains("540116 ท่าข้าม"), text)
        XCTAssertTrue(text.contains("nominees:"), text)
    }

    func testNewRefusesToOverwriteAndBadArgumentsExit64() throws {
        let before = try read("content/84/8409/_index.md")
        for arguments in [
            ["new", "district", "8409"],         // exists
            ["new", "subdistrict", "8409"],      // a district's code
            ["new", "village", "1"],             // no such level
            ["new", "district", "Atlantis"],     // no such area
            ["new", "subdistrict", "Tha Kham"],  // more than one
            ["new", "district", "8417", "--from", "nowhere.md"],
        ] {
            let result = try CLI.run(arguments, in: work)
            XCTAssertEqual(result.status, 64, "\(arguments): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains("Usage: savnet new"), result.stderr)
        }
        XCTAssertEqual(try read("content/84/8409/_index.md"), before)
        XCTAssertFalse(FileManager.default.fileExists(atPath: work.appendingPathComponent("content/84/8417/8417.md").path))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: work.appendingPathComponent("content/84/8409").path)
        XCTAssertFalse(leftovers.contains { $0.hasPrefix(".") }, "\(leftovers)")
    }

    func testNewFromAnotherFileKeepsItsStructureAndClearsItsPeople() throws {
        try FileManager.default.removeItem(at: work.appendingPathComponent("content/84/8409/840904.md"))
        let source = try read("content/84/8409/840901.md")
        let result = try CLI.run(["new", "subdistrict", "840904", "--from", "content/84/8409/840901.md", "--today", "2567-01-05"], in: work)
        XCTAssertEqual(result.status, 0, result.stderr)
        let text = try read("content/84/8409/840904.md")
        // Every person's name, every number and the other area's name are gone.
        for line in source.split(separator: "\n") where line.hasPrefix("    name: ") && !line.contains("เครือข่าย") {
            let name = line.split(separator: ":", maxSplits: 1)[1].trimmingCharacters(in: .whitespaces)
            if !name.isEmpty { XCTAssertFalse(text.contains(name), "\(name) was copied") }
        }
        XCTAssertFalse(text.contains("เขาวง"), text)
        XCTAssertFalse(text.contains("41/2566"), text)
        XCTAssertTrue(text.contains("ตำบลเขาพัง"), text)
        // Its positions and its plan's activities are kept.
        XCTAssertEqual(text.components(separatedBy: "  - position: ").count, source.components(separatedBy: "  - position: ").count)
        XCTAssertTrue(text.contains("activities:"), text)
    }

    // MARK: fmt

    private var fixtures: URL { CLI.repository.appendingPathComponent("Tests/Fixtures/fmt") }

    func testFmtPutsAFileInCanonicalFormAndIsIdempotent() throws {
        let messy = try String(contentsOf: fixtures.appendingPathComponent("messy.md"), encoding: .utf8)
        let expected = try String(contentsOf: fixtures.appendingPathComponent("messy.expected.md"), encoding: .utf8)
        try write(messy, "drafts/messy.md")
        let check = try CLI.run(["fmt", "--check", "drafts"], in: work)
        XCTAssertEqual(check.status, 1)
        XCTAssertEqual(check.stdout, "drafts/messy.md\n")
        XCTAssertEqual(try read("drafts/messy.md"), messy, "--check changed the file")
        let run = try CLI.run(["fmt", "drafts/messy.md"], in: work)
        XCTAssertEqual(run.status, 0, run.stderr)
        let formatted = try read("drafts/messy.md")
        XCTAssertEqual(formatted, expected)
        // Keys and members in order, dates and codes in one style, comments and body kept.
        XCTAssertTrue(formatted.hasPrefix("---\n# The district network of Ban Ta Khun.\nlevel: district\narea: \"8409\"\norder:\n"), formatted)
        XCTAssertTrue(formatted.contains("  start: 2566-07-13\n"), formatted)
        XCTAssertTrue(formatted.contains("  # the chair, elected 2566-07-01\n  - position: ประธานเครือข่าย\n"), formatted)
        XCTAssertTrue(formatted.contains("  number: 103/2566   # as printed\n"), formatted)
        XCTAssertTrue(formatted.contains("custom_note: |\n  kept as it is:\n    area: 1\n"), formatted)
        XCTAssertTrue(formatted.hasSuffix("\n---\n\n# เครือข่ายกลุ่มออมทรัพย์เพื่อการผลิตอำเภอบ้านตาขุน\n\narea: 8409 in the body stays as it is.\n"))
        let again = try CLI.run(["fmt", "--check", "drafts/messy.md"], in: work)
        XCTAssertEqual(again.status, 0, again.stdout)
        XCTAssertEqual(again.stdout, "")
    }

    func testFmtLeavesAFileThatDoesNotParseUntouched() throws {
        let broken = try String(contentsOf: fixtures.appendingPathComponent("broken.md"), encoding: .utf8)
        try write(broken, "drafts/broken.md")
        let result = try CLI.run(["fmt", "drafts"], in: work)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.contains("drafts/broken.md:"), result.stdout)
        XCTAssertTrue(result.stderr.contains("1 file could not be formatted"), result.stderr)
        XCTAssertEqual(try read("drafts/broken.md"), broken)
    }

    func testTheSampleIsInCanonicalForm() throws {
        let result = try CLI.run(["fmt", "--check"], in: work)
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertTrue(result.stderr.contains("24 files checked: 0 not in canonical form"), result.stderr)
    }

    // MARK: diff

    func testDiffSaysWhatChangedForAReviewer() throws {
        try git("init", "-q")
        try git("add", "-A")
        try git("commit", "-q", "-m", "sample")
        // A rename, a move between positions, a new term, a removed network and a new one.
        var district = try read("content/84/8403/_index.md")
        district = district.replacingOccurrences(of: "name: สมพงษ์ สมมติใจ", with: "name: สมชาย สมมติใจ")
        district = district.replacingOccurrences(of: "  - position: รองประธาน\n    title: นาง\n    name: สุภาพร สมมติสกุล",
                                                 with: "  - position: กรรมการ\n    title: นาง\n    name: สุภาพร สมมติสกุล")
        district = district.replacingOccurrences(of: "term:\n  start: 2566-07-13", with: "term:\n  start: 2566-07-20")
        try write(district, "content/84/8403/_index.md")
        try FileManager.default.removeItem(at: work.appendingPathComponent("content/84/8409/840904.md"))
        XCTAssertEqual(try CLI.run(["new", "subdistrict", "841701"], in: work).status, 0)

        let human = try CLI.run(["diff", "HEAD", "--lang", "en"], in: work)
        XCTAssertEqual(human.status, 0, human.stderr)
        let out = human.stdout
        XCTAssertTrue(out.contains("(8403) changed: content/84/8403/_index.md"), out)
        XCTAssertTrue(out.contains("ประธานเครือข่าย: นายสมพงษ์ สมมติใจ renamed or replaced by นายสมชาย สมมติใจ"), out)
        XCTAssertTrue(out.contains("นางสุภาพร สมมติสกุล moved from รองประธาน to กรรมการ"), out)
        XCTAssertTrue(out.contains("term start: 2566-07-13 → 2566-07-20"), out)
        XCTAssertTrue(out.contains("(840904) removed: content/84/8409/840904.md"), out)
        XCTAssertTrue(out.contains("(841701) added: content/84/8417/841701.md"), out)
        // The moved vice-chair leaves one: a finding appears.
        XCTAssertTrue(out.contains("new findings:"), out)
        XCTAssertTrue(out.contains("content/84/8417/841701.md"), out)

        try git("add", "-A")
        try git("commit", "-q", "-m", "edits")
        let markdown = try CLI.run(["diff", "HEAD~1", "HEAD", "--format", "markdown", "--lang", "th"], in: work)
        XCTAssertEqual(markdown.status, 0, markdown.stderr)
        XCTAssertTrue(markdown.stdout.hasPrefix("### savnet: สิ่งที่เปลี่ยนจาก `HEAD~1` ถึง `HEAD`\n"), markdown.stdout)
        XCTAssertTrue(markdown.stdout.contains("- ย้าย นางสุภาพร สมมติสกุล จากรองประธาน เป็นกรรมการ\n"), markdown.stdout)
        let json = try CLI.run(["diff", "HEAD~1", "HEAD", "--format", "json"], in: work)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let networks = object?["networks"] as? [[String: Any]]
        XCTAssertEqual(networks?.compactMap { $0["area"] as? String }.sorted(), ["8403", "840904", "841701"])
        // Nothing changed since HEAD.
        let none = try CLI.run(["diff", "HEAD", "--lang", "en"], in: work)
        XCTAssertEqual(none.stdout, "no changes to the content\n")
    }

    func testDiffUsageErrors() throws {
        let notGit = try CLI.run(["diff", "HEAD"], in: work)
        XCTAssertEqual(notGit.status, 64)
        XCTAssertTrue(notGit.stderr.contains("is not in a git repository"), notGit.stderr)
        try git("init", "-q")
        try git("add", "-A")
        try git("commit", "-q", "-m", "sample")
        let badRevision = try CLI.run(["diff", "no-such-branch"], in: work)
        XCTAssertEqual(badRevision.status, 64)
        XCTAssertTrue(badRevision.stderr.contains("'no-such-branch' is not a revision"), badRevision.stderr)
        XCTAssertTrue(badRevision.stderr.contains("Usage: savnet diff"), badRevision.stderr)
    }

    // MARK: init

    func testInitMakesARepositoryThatBuildsWithTheBuiltInTheme() throws {
        let target = work.appendingPathComponent("office")
        let result = try CLI.run(["init", "office", "--area", "84", "--today", "2567-01-05"], in: work)
        XCTAssertEqual(result.status, 0, result.stderr)
        for file in ["savnet.yml", ".gitignore", "themes/local/README.md", ".github/workflows/savnet.yml",
                     ".pre-commit-config.yaml", "content/84/_index.md"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: target.appendingPathComponent(file).path), file)
        }
        let workflow = try String(contentsOf: target.appendingPathComponent(".github/workflows/savnet.yml"), encoding: .utf8)
        for step in ["savnet check --format github", "savnet fmt --check", "savnet diff", "--format markdown", "savnet build"] {
            XCTAssertTrue(workflow.contains(step), step)
        }
        XCTAssertTrue(try String(contentsOf: target.appendingPathComponent(".gitignore"), encoding: .utf8).contains("/.savnet/"))
        // A second init keeps what is there.
        try "title: ours\n".write(to: target.appendingPathComponent("savnet.yml"), atomically: true, encoding: .utf8)
        let again = try CLI.run(["init", "office"], in: work)
        XCTAssertEqual(again.status, 0)
        XCTAssertTrue(again.stderr.contains("kept the existing savnet.yml"), again.stderr)
        XCTAssertEqual(try String(contentsOf: target.appendingPathComponent("savnet.yml"), encoding: .utf8), "title: ours\n")
        // With real content and no themes/default of its own, it builds, from a subfolder.
        try FileManager.default.removeItem(at: target.appendingPathComponent("content"))
        try FileManager.default.copyItem(at: work.appendingPathComponent("content"), to: target.appendingPathComponent("content"))
        let build = try CLI.run(["build", "--no-search", "--today", "2567-01-01"], in: target.appendingPathComponent("content/84"))
        XCTAssertEqual(build.status, 0, build.stdout + build.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: target.appendingPathComponent("site/84/8409/index.html").path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: target.appendingPathComponent("site/assets/style.css").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: target.appendingPathComponent("content/84/site").path))
    }
}
