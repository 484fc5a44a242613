import Foundation
import XCTest

/// `savnet build` end to end on the bundled sample content.
final class BuildCommandTests: SampleProjectTestCase {
    func testBuildsTheSampleSite() throws {
        // Status (a late district, an expired term) is published, never a reason not to build.
        let result = try CLI.run(["build", "--no-search"], in: work)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertFalse(result.stdout.contains(": error: ") || result.stdout.contains(": warning: "), result.stdout)
        XCTAssertTrue(result.stdout.contains(": status: "), result.stdout)
        // As of the sample's status date: late, missing, an ending and an expired term.
        XCTAssertTrue(result.stderr.hasPrefix("checked 24 files: no problems; 9 status notes (terms and deadlines)\nbuilt "), result.stderr)
        let province = String(decoding: try tree("site")["84/index.html"]!, as: UTF8.self).withoutWordMarks
        for label in ["ทันกำหนด", "ส่งเกินกำหนด", "ยังไม่ส่ง เกินกำหนดแล้ว", "ยังไม่ถึงกำหนด"] {
            XCTAssertTrue(province.contains(">\(label)</span>"), label)
        }
        let site = try tree("site")
        for path in ["index.html", "84/index.html", "84/8409/index.html", "84/8409/840901/index.html", "84/8409/order/index.html",
                     "84/8409/regulation/index.html", "84/8409/plan/index.html", "search/index.html", "404.html", "sitemap.xml",
                     "feed.xml", "robots.txt", "directory.json", "84/8409/network.json", "assets/style.css"] {
            XCTAssertNotNil(site[path], path)
        }
    }

    func testTwoBuildsAreByteIdentical() throws {
        XCTAssertEqual(try CLI.run(["build", "--no-search", "--output", "one"], in: work).status, 0)
        XCTAssertEqual(try CLI.run(["build", "--no-search", "--output", "two"], in: work).status, 0)
        let one = try tree("one")
        let two = try tree("two")
        XCTAssertEqual(one.keys.sorted(), two.keys.sorted())
        XCTAssertGreaterThan(one.count, 300)
        for (path, data) in one { XCTAssertEqual(data, two[path], path) }
    }

    func testContentErrorsStopTheBuildAndKeepThePreviousSite() throws {
        XCTAssertEqual(try CLI.run(["build", "--no-search"], in: work).status, 0)
        let before = try tree("site")
        let file = work.appendingPathComponent("content/84/8409/_index.md")
        let text = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "position: เหรัญญิก\n", with: "position: กรรมการ\n")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let result = try CLI.run(["build", "--no-search"], in: work)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.contains("error: the committee has no treasurer (เหรัญญิก) [committee-key-positions]"), result.stdout)
        XCTAssertTrue(result.stderr.contains("build stopped: fix the errors above; site/ was not changed"), result.stderr)
        XCTAssertEqual(try tree("site"), before)
    }

    func testTheSiteCarriesItsOwnSearchIndexUnlessToldNot() throws {
        XCTAssertEqual(try CLI.run(["build"], in: work).status, 0)
        let site = try tree("site")
        XCTAssertNotNil(site["search/meta.json"])
        XCTAssertTrue(site.keys.contains { $0.hasPrefix("search/t/") })
        XCTAssertTrue(site.keys.contains { $0.hasPrefix("search/d/") })
        XCTAssertFalse(site.keys.contains { $0.hasPrefix("pagefind/") })
        XCTAssertEqual(try CLI.run(["build", "--no-search"], in: work).status, 0)
        XCTAssertFalse(try tree("site").keys.contains { $0.hasPrefix("search/t/") })
    }

    func testOutputsThatWouldReplaceTheProjectAreRefusedAndTouchNothing() throws {
        try "keep me".write(to: work.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        for output in ["..", "./", "site/..", work.path, "content/", "./content", "themes", ".savnet", "content/84"] {
            let result = try CLI.run(["build", "--no-search", "--output", output], in: work)
            XCTAssertEqual(result.status, 1, output)
            XCTAssertTrue(result.stderr.contains("refusing to build into \(output)"), result.stderr)
            XCTAssertEqual(try String(contentsOf: work.appendingPathComponent("notes.txt"), encoding: .utf8), "keep me")
            XCTAssertNotNil(try tree("content")["84/_index.md"])
        }
    }

    func testAFolderOfSomeoneElsesFilesIsRefusedThenKeptWithForce() throws {
        let docs = work.appendingPathComponent("docs")
        try FileManager.default.createDirectory(at: docs.appendingPathComponent("images"), withIntermediateDirectories: true)
        try "example.org".write(to: docs.appendingPathComponent("CNAME"), atomically: true, encoding: .utf8)
        try "png".write(to: docs.appendingPathComponent("images/logo.png"), atomically: true, encoding: .utf8)
        let refused = try CLI.run(["build", "--no-search", "--output", "docs"], in: work)
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("already holds files that savnet did not write (CNAME, images)"), refused.stderr)
        XCTAssertEqual(try tree("docs").count, 2)
        let forced = try CLI.run(["build", "--no-search", "--output", "docs", "--force"], in: work)
        XCTAssertEqual(forced.status, 0, forced.stderr)
        let site = try tree("docs")
        XCTAssertNotNil(site["84/8409/index.html"])
        XCTAssertEqual(site["CNAME"], Data("example.org".utf8))
        XCTAssertEqual(site["images/logo.png"], Data("png".utf8))
        // Later builds need no --force and keep them too.
        try "<p>mine</p>".write(to: docs.appendingPathComponent("about.html"), atomically: true, encoding: .utf8)
        XCTAssertEqual(try CLI.run(["build", "--no-search", "--no-cache", "--output", "docs"], in: work).status, 0)
        XCTAssertEqual(try tree("docs")["about.html"], Data("<p>mine</p>".utf8))
        XCTAssertEqual(try tree("docs")["CNAME"], Data("example.org".utf8))
    }

    func testAMissingParentIsAClearError() throws {
        let result = try CLI.run(["build", "--no-search", "--output", "no/such/site"], in: work)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("the folder no/such does not exist"), result.stderr)
    }

    func testAFullDiskIsAClearErrorAndTheSiteStaysWhole() throws {
        let disk = work.appendingPathComponent("disk")
        try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
        let mount = Process()
        mount.executableURL = URL(fileURLWithPath: "/bin/mount")
        mount.arguments = ["-t", "tmpfs", "-o", "size=8m", "tmpfs", disk.path]
        mount.standardError = FileHandle.nullDevice
        guard (try? mount.run()) != nil, ({ mount.waitUntilExit(); return mount.terminationStatus == 0 })() else {
            throw XCTSkip("cannot mount a small file system here (needs root)")
        }
        defer {
            let unmount = Process()
            unmount.executableURL = URL(fileURLWithPath: "/bin/umount")
            unmount.arguments = [disk.path]
            try? unmount.run()
            unmount.waitUntilExit()
        }
        XCTAssertEqual(try CLI.run(["build", "--no-search", "--output", "disk/site"], in: work).status, 0)
        let before = try tree("disk/site")
        // Fill the disk, then build again: the staging folder cannot be written.
        let filler = FileManager.default.createFile(atPath: disk.path + "/filler", contents: nil)
        XCTAssertTrue(filler)
        let handle = try FileHandle(forWritingTo: disk.appendingPathComponent("filler"))
        while (try? handle.write(contentsOf: Data(count: 1 << 16))) != nil {}
        try? handle.close()
        let result = try CLI.run(["build", "--no-search", "--no-cache", "--output", "disk/site"], in: work)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("No space left on device; the previous site in disk/site was not changed"), result.stderr)
        XCTAssertEqual(try tree("disk/site"), before)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: disk.path).sorted(), ["filler", "site"])
    }

    func testSettingsPathsStayInsideTheProjectAndAreNeverEchoed() throws {
        let secret = FileManager.default.temporaryDirectory.appendingPathComponent("savnet-secret-\(UUID().uuidString)")
        try "84\tSECRET_TOKEN=hunter2\tx\n".write(to: secret, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: secret) }
        try "areas: \(secret.path)\ntheme: ../../../etc\n".write(to: work.appendingPathComponent("savnet.yml"), atomically: true, encoding: .utf8)
        for format in ["human", "github", "json"] {
            let result = try CLI.run(["build", "--no-search", "--format", format], in: work)
            XCTAssertEqual(result.status, 1, format)
            XCTAssertFalse(result.stdout.contains("hunter2") || result.stderr.contains("hunter2"), "the file's contents are never shown")
            XCTAssertTrue(result.stdout.contains("areas must name a file or folder inside the project"), result.stdout)
            XCTAssertTrue(result.stdout.contains("theme must be the name of a folder in themes/"), result.stdout)
            switch format {
            case "github": XCTAssertTrue(result.stdout.hasPrefix("::error file=savnet.yml,line=1"), result.stdout)
            case "json": XCTAssertNotNil(try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8)), result.stdout)
            default: XCTAssertTrue(result.stdout.hasPrefix("savnet.yml:1:"), result.stdout)
            }
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: work.path + "/site/84"))
    }

    func testTheSettingsStatusDateJudgesTermsAndIsPrintedOnPages() throws {
        let settings = try String(contentsOf: work.appendingPathComponent("savnet.yml"), encoding: .utf8)
        try settings.replacingOccurrences(of: "status_date: 2566-09-25", with: "status_date: 2571-01-01")
            .write(to: work.appendingPathComponent("savnet.yml"), atomically: true, encoding: .utf8)
        let result = try CLI.run(["build", "--no-search"], in: work)
        XCTAssertEqual(result.status, 0, result.stderr)
        // Every 2566 term has ended by 2571: status, published, never an error.
        XCTAssertGreaterThan(result.stdout.components(separatedBy: "[term-expiry]").count - 1, 20, result.stdout)
        let page = String(decoding: try XCTUnwrap(try tree("site")["84/8409/index.html"]), as: UTF8.self).withoutWordMarks
        XCTAssertTrue(page.contains("สถานะ ณ วันที่ 1 มกราคม 2571"), page)
        XCTAssertTrue(page.contains("ครบวาระแล้วเมื่อ 18 กรกฎาคม 2570"), page)
        // --today still wins.
        let today = try CLI.run(["build", "--no-search", "--today", "2567-01-01"], in: work)
        XCTAssertFalse(today.stdout.contains("[term-expiry]") && today.stdout.contains("ended on 2570"), today.stdout)
    }

    func testThemeOverridesOneTemplate() throws {
        let own = work.appendingPathComponent("themes/office/templates")
        try FileManager.default.createDirectory(at: own, withIntermediateDirectories: true)
        try "{{<layout}}{{$main}}<h1>สำนักงาน {{heading}}</h1>{{/main}}{{/layout}}"
            .write(to: own.appendingPathComponent("subdistrict.mustache"), atomically: true, encoding: .utf8)
        XCTAssertEqual(try CLI.run(["build", "--no-search", "--theme", "office"], in: work).status, 0)
        let site = try tree("site")
        XCTAssertTrue(String(decoding: site["84/8409/840901/index.html"]!, as: UTF8.self).withoutWordMarks.contains("<h1>สำนักงาน เครือข่าย"))
        XCTAssertTrue(String(decoding: site["84/8409/index.html"]!, as: UTF8.self).withoutWordMarks.contains("คณะกรรมการเครือข่าย"))
    }

    func testUnknownThemeIsAUsageError() throws {
        let result = try CLI.run(["build", "--theme", "nope"], in: work)
        XCTAssertEqual(result.status, 64)
        XCTAssertTrue(result.stderr.contains("no theme at"), result.stderr)
    }

    func testSettingsErrorsPointAtTheLine() throws {
        try "title: ทดสอบ\nsearch: maybe\n".write(to: work.appendingPathComponent("savnet.yml"), atomically: true, encoding: .utf8)
        let result = try CLI.run(["build"], in: work)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.hasPrefix("savnet.yml:2:9: error: search must be auto, on or off [settings]"), result.stdout)
    }

    // MARK: - The build cache

    private func edit(_ path: String, _ change: (String) -> String) throws {
        let file = work.appendingPathComponent(path)
        try change(try String(contentsOf: file, encoding: .utf8)).write(to: file, atomically: true, encoding: .utf8)
    }

    func testABuildAfterAnEditUpdatesTheSiteInPlaceExactlyAsACleanBuild() throws {
        let first = try CLI.run(["build", "--no-search"], in: work)
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: work.path + "/.savnet/cache/build"))
        let same = try CLI.run(["build", "--no-search"], in: work)
        XCTAssertTrue(same.stderr.contains("0 files written, 0 removed (0 content files changed since the last build)"), same.stderr)
        try edit("content/84/8409/840901.md") { $0 + "\nเพิ่มย่อหน้าใหม่\n" }
        try FileManager.default.removeItem(at: work.appendingPathComponent("content/84/8409/840904.md"))
        let second = try CLI.run(["build", "--no-search"], in: work)
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertTrue(second.stderr.contains("updated site/ in "), second.stderr)
        XCTAssertTrue(second.stderr.contains("(2 content files changed since the last build)"), second.stderr)
        XCTAssertEqual(try CLI.run(["build", "--no-search", "--no-cache", "--output", "clean"], in: work).status, 0)
        let site = try tree("site")
        let clean = try tree("clean")
        XCTAssertEqual(site.keys.sorted(), clean.keys.sorted())
        for (path, data) in clean where site[path] != data { XCTFail("\(path) differs from a clean build") }
        XCTAssertNil(site["84/8409/840904/index.html"].flatMap { _ in site["84/8409/840904/order/index.html"] })
    }

    func testAMissingOrReplacedOutputIsBuiltWhole() throws {
        XCTAssertEqual(try CLI.run(["build", "--no-search"], in: work).status, 0)
        try FileManager.default.removeItem(at: work.appendingPathComponent("site"))
        let result = try CLI.run(["build", "--no-search"], in: work)
        XCTAssertTrue(result.stderr.contains("\nbuilt "), result.stderr)
        XCTAssertNotNil(try tree("site")["84/8409/840901/index.html"])
        try "another tool".write(to: work.appendingPathComponent("site/.savnet-build"), atomically: true, encoding: .utf8)
        XCTAssertTrue(try CLI.run(["build", "--no-search"], in: work).stderr.contains("\nbuilt "))
    }

    func testNoCacheNeitherReadsNorWritesOne() throws {
        XCTAssertEqual(try CLI.run(["build", "--no-search", "--no-cache"], in: work).status, 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: work.path + "/.savnet"))
    }

    func testADamagedCacheIsReportedAndTheSiteBuiltWhole() throws {
        XCTAssertEqual(try CLI.run(["build", "--no-search"], in: work).status, 0)
        try Data("not a cache".utf8).write(to: work.appendingPathComponent(".savnet/cache/build"))
        let result = try CLI.run(["build", "--no-search"], in: work)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("build cache: not used: "), result.stderr)
        XCTAssertTrue(result.stderr.contains("\nbuilt "), result.stderr)
        XCTAssertTrue(try CLI.run(["build", "--no-search"], in: work).stderr.contains("updated site/"), "the cache was saved again")
    }

    /// After an edit, the search index is updated in place with the pages: only the
    /// buckets whose terms changed are written, and the result equals a clean build's.
    func testAnEditUpdatesTheSearchIndexInPlace() throws {
        XCTAssertEqual(try CLI.run(["build"], in: work).status, 0)
        try edit("content/84/8409/840901.md") { $0.replacingOccurrences(of: "name: ประไพ ตัวอย่างดี", with: "name: ประไพ ตัวอย่างใหม่") }
        let updated = try CLI.run(["build"], in: work)
        XCTAssertTrue(updated.stderr.contains("updated site/"), updated.stderr)
        let incremental = try tree("site")
        let changed = Int(updated.stderr.components(separatedBy: "updated site/ in ").last?.split(separator: ":").last?
            .split(separator: " ").first ?? "") ?? 0
        XCTAssertGreaterThan(changed, 0)
        XCTAssertEqual(try CLI.run(["build", "--no-cache"], in: work).status, 0)
        let clean = try tree("site")
        XCTAssertEqual(Set(incremental.keys), Set(clean.keys))
        for (path, bytes) in clean where path.hasPrefix("search/") { XCTAssertEqual(incremental[path], bytes, path) }
        XCTAssertTrue(clean.contains { $0.key.hasPrefix("search/t/") && String(decoding: $0.value, as: UTF8.self).contains("ตัวอย่างใหม่") })
    }
}
