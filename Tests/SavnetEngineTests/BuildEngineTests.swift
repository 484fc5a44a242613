import Foundation
import SavnetEngine
import SavnetLoading
import SavnetModel
import SavnetRendering
import SavnetTestSupport
import XCTest

/// After any edit, the engine's site and findings must equal a clean build of the
/// edited content, byte for byte.
final class BuildEngineTests: XCTestCase {
    private var content: ContentFolder!
    private var folder: URL { content.url }
    private let settings = SiteSettings(baseURL: "https://example.org/savnet/")

    override func setUpWithError() throws {
        content = try ContentFolder(SampleNetwork.site())
    }

    override func tearDownWithError() throws {
        content.remove()
    }

    private func write(_ path: String, _ text: String) throws { try content.write(path, text) }

    private func engine() throws -> BuildEngine {
        try BuildEngine(loader: ContentLoader(root: folder, displayRoot: "content"),
                        renderer: SiteRenderer(theme: TestBuild.defaultTheme()),
                        settings: settings, gazetteer: .bundled, today: TestSite.today)
    }

    /// Updates `engine` for `paths` and compares it with a fresh engine on the same files.
    private func assertMatchesCleanBuild(_ engine: BuildEngine, after paths: [String],
                                         file: StaticString = #filePath, line: UInt = #line) throws -> BuildEngine.Update {
        let update = try engine.update(paths)
        _ = engine.refreshSummaries()
        let clean = try self.engine()
        XCTAssertEqual(engine.diagnostics, clean.diagnostics, file: file, line: line)
        XCTAssertEqual(engine.outputs.keys.sorted(), clean.outputs.keys.sorted(), file: file, line: line)
        for (path, bytes) in clean.outputs where engine.outputs[path] != bytes {
            XCTFail("\(path) differs from a clean build", file: file, line: line)
        }
        return update
    }

    func testEditingASubdistrictRerendersItAndEverythingAbove() throws {
        let engine = try engine()
        let path = "84/8409/840902.md"
        let text = try content.text(path)
        try write(path, text.replacingFirst("name: ทดสอบ840902 คนที่1", with: "name: ทดสอบ840902 คนใหม่")
            .replacingFirst("savings: 250000", with: "savings: 999999"))
        let update = try assertMatchesCleanBuild(engine, after: [path])
        let written = Set(update.written.map(\.path))
        XCTAssertTrue(written.isSuperset(of: ["84/8409/840902/index.html", "84/8409/840902/order/index.html",
                                              "84/8409/840902/network.json", "84/8409/index.html", "84/index.html", "index.html"]),
                      "\(written.sorted())")
        XCTAssertFalse(written.contains("84/8409/840901/index.html"), "a sibling does not change")
        XCTAssertEqual(update.removed, [])
    }

    func testAnEditThatBreaksARuleIsReportedWhereTheCleanBuildReportsIt() throws {
        let engine = try engine()
        let path = "84/8409/_index.md"
        let text = try content.text(path)
        try write(path, text.replacingFirst("position: เหรัญญิก\n", with: "position: กรรมการ\n")
            .replacingFirst("    - ทดสอบ8409 คนที่4", with: "    - คนนอก"))
        _ = try assertMatchesCleanBuild(engine, after: [path])
        XCTAssertTrue(engine.diagnostics.contains { $0.rule == "committee-key-positions" })
        XCTAssertTrue(engine.diagnostics.contains { $0.rule == "province-nominees" && $0.location.path == "content/84/_index.md" },
                      "the province's committee no longer matches the district's nominees")
    }

    func testAFirstNetworkInADistrictAddsItsSubdistrictPages() throws {
        let engine = try engine()
        let code = SampleNetwork.subdistricts(of: "8402")[0]
        let path = "84/8402/\(code).md"
        try write(path, SampleNetwork.subdistrict(code))
        let update = try assertMatchesCleanBuild(engine, after: [path])
        XCTAssertTrue(update.written.contains { $0.path == "84/8402/\(code)/index.html" })
    }

    func testAnAreaWithoutANetworkFollowsTheNetworkAboveIt() throws {
        // The pages of 8401's subdistricts (none has a network) name the district network's
        // members who represent them: an edit of the district must reach them.
        let engine = try engine()
        let path = "84/8401/_index.md"
        let original = try content.text(path)
        let first = SampleNetwork.subdistricts(of: "8401")[0], second = SampleNetwork.subdistricts(of: "8401")[1]
        try write(path, original.replacingOccurrences(of: "represents: \"\(first)\"", with: "represents: \"\(second)\""))
        let update = try assertMatchesCleanBuild(engine, after: [path])
        XCTAssertTrue(update.written.contains { $0.path == "84/8401/\(first)/index.html" })
        // The province network going away changes what its districts' pages say.
        try FileManager.default.removeItem(at: folder.appendingPathComponent("84/_index.md"))
        _ = try assertMatchesCleanBuild(engine, after: ["84/_index.md"])
    }

    func testAParentNetworkThatGoesAndComesBackRelinksItsChildrenInTheData() throws {
        let engine = try engine()
        let province = try content.text("84/_index.md")
        try FileManager.default.removeItem(at: folder.appendingPathComponent("84/_index.md"))
        _ = try assertMatchesCleanBuild(engine, after: ["84/_index.md"])
        try write("84/_index.md", province)
        _ = try assertMatchesCleanBuild(engine, after: ["84/_index.md"])
    }

    func testAPersonLeavingOneCommitteeClearsTheCopyWarningOnAnotherFarAway() throws {
        // 8402 (later by path) lists a member of 8401: the copy warning sits in 8402's file,
        // which is neither above nor below 8401. Renaming the member in 8401 must clear it.
        let shared = "ทดสอบ8401 คนที่7"
        let other = try content.text("84/8402/_index.md")
        try write("84/8402/_index.md", other.replacingFirst("name: ทดสอบ8402 คนที่7", with: "name: \(shared)"))
        let engine = try engine()
        XCTAssertTrue(engine.diagnostics.contains { $0.rule == "copied-content" && $0.location.path == "content/84/8402/_index.md" })
        let path = "84/8401/_index.md"
        try write(path, try content.text(path).replacingFirst("name: \(shared)", with: "name: ทดสอบ8401 คนที่เจ็ด"))
        _ = try assertMatchesCleanBuild(engine, after: [path])
        XCTAssertFalse(engine.diagnostics.contains { $0.rule == "copied-content" })
    }

    func testAnEditUnderANationalNetworkKeepsTheProvinceFileLinkedToIt() throws {
        // The province's part of 84/directory.json names the national network as its
        // parent; rewriting only that province's file after an edit must still know it exists.
        try write("_index.md", "---\nlevel: national\narea: \"\"\ndeadlines:\n  bpm: 2566-09-20\n---\n")
        let engine = try engine()
        let path = "84/_index.md"
        try write(path, try content.text(path).replacingFirst("name: ทดสอบ8401 คนที่1", with: "name: ทดสอบ8401 คนแรก"))
        let update = try assertMatchesCleanBuild(engine, after: [path])
        XCTAssertTrue(update.written.contains { $0.path == "84/index.html" })
        let provinceFile = try XCTUnwrap(engine.outputs["84/directory.json"])
        XCTAssertTrue(String(decoding: provinceFile, as: UTF8.self).contains("\"parent_id\":\"network-th\""))
    }

    func testDeletingAFileRemovesItsDocumentsAndData() throws {
        let engine = try engine()
        try FileManager.default.removeItem(at: folder.appendingPathComponent("84/8409/840904.md"))
        let update = try assertMatchesCleanBuild(engine, after: ["84/8409/840904.md"])
        XCTAssertEqual(update.removed, ["84/8409/840904/network.json", "84/8409/840904/order/index.html"])
    }

    func testSeveralEditsInARowKeepRollUpsExact() throws {
        // The first update sums roll-ups whole; later ones update them in place.
        let engine = try engine()
        let path = "84/8409/840902.md"
        let original = try content.text(path)
        for (round, savings) in ["250000.75", "1000000.1", "0.3", "250000"].enumerated() {
            try write(path, original.replacingFirst("savings: 250000", with: "savings: \(savings)")
                .replacingFirst("members: 100", with: "members: 10\(round)"))
            let update = try assertMatchesCleanBuild(engine, after: [path])
            XCTAssertTrue(update.written.contains { $0.path == "index.html" }, "round \(round): the national roll-up changed")
        }
    }
}
