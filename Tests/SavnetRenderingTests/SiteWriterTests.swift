import Foundation
@testable import SavnetOutput
import SavnetRendering
import XCTest

final class SiteWriterTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("savnet-writer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func contents(_ url: URL) throws -> [String: String] {
        var result: [String: String] = [:]
        let walker = FileManager.default.enumerator(at: url, includingPropertiesForKeys: nil)!
        for case let file as URL in walker where !file.hasDirectoryPath {
            let relative = String(file.standardizedFileURL.path.dropFirst(url.standardizedFileURL.path.count + 1))
            result[relative] = try String(contentsOf: file, encoding: .utf8)
        }
        return result
    }

    func testCommitReplacesTheSiteAndKeepsDotFiles() throws {
        let output = folder.appendingPathComponent("site")
        let writer = SiteWriter(output: output)
        try writer.commit(try writer.stage([OutputFile(path: "index.html", text: "one"), OutputFile(path: "old.html", text: "x")]))
        try "keep".write(to: output.appendingPathComponent(".gitkeep"), atomically: true, encoding: .utf8)
        try writer.commit(try writer.stage([OutputFile(path: "index.html", text: "two"), OutputFile(path: "a/b/c.txt", text: "c")]))
        XCTAssertEqual(try contents(output), ["index.html": "two", "a/b/c.txt": "c", ".gitkeep": "keep"])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["site"])
    }

    func testABuildKilledBeforeItsCommitLeavesTheOldSiteAndIsCleanedUpLater() throws {
        let output = folder.appendingPathComponent("site")
        let writer = SiteWriter(output: output)
        try writer.commit(try writer.stage([OutputFile(path: "index.html", text: "good")]))
        // A build that dies after staging: its folder stays behind, the site is untouched.
        let staged = try writer.stage([OutputFile(path: "index.html", text: "half")])
        try FileManager.default.moveItem(at: staged, to: folder.appendingPathComponent(".site.building-99999"))
        XCTAssertEqual(try contents(output), ["index.html": "good"])
        // The next build removes the leftover.
        try writer.commit(try writer.stage([OutputFile(path: "index.html", text: "next")]))
        XCTAssertEqual(try contents(output), ["index.html": "next"])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["site"])
    }

    func testPathsNeverLeaveTheOutput() {
        XCTAssertTrue(SiteWriter.isSafe("84/8409/index.html"))
        for path in ["../x", "/etc/passwd", "a/../../b", "", "a//b", "./a"] {
            XCTAssertFalse(SiteWriter.isSafe(path), path)
        }
        let writer = SiteWriter(output: folder.appendingPathComponent("site"))
        XCTAssertThrowsError(try writer.stage([OutputFile(path: "../escape.html", text: "x")]))
    }
}
