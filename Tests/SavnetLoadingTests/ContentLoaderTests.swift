import Foundation
import SavnetLoading
import SavnetModel
import XCTest

final class ContentLoaderTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("savnet-loader-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("84/8409"), withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    func testLoadsEveryMarkdownFileSortedAndKeepsBrokenOnes() throws {
        try "---\narea: \"8409\"\n---\n".write(to: folder.appendingPathComponent("84/8409/_index.md"), atomically: true, encoding: .utf8)
        try "no front matter\n".write(to: folder.appendingPathComponent("84/8409/840901.md"), atomically: true, encoding: .utf8)
        try "ignored".write(to: folder.appendingPathComponent("84/notes.txt"), atomically: true, encoding: .utf8)
        let (files, diagnostics) = try ContentLoader(root: folder, displayRoot: "content").load()
        XCTAssertEqual(files.map(\.path), ["content/84/8409/840901.md", "content/84/8409/_index.md"])
        XCTAssertEqual(diagnostics.map(\.rule), ["front-matter-missing"])
        XCTAssertEqual(files[0].raw, "no front matter\n")
    }

    func testTooLargeFileIsReportedNotRead() throws {
        let big = String(repeating: "x", count: ContentLoader.maximumFileSize + 1)
        try big.write(to: folder.appendingPathComponent("84/_index.md"), atomically: true, encoding: .utf8)
        let (files, diagnostics) = try ContentLoader(root: folder, displayRoot: "content").load()
        XCTAssertEqual(files.count, 0)
        XCTAssertEqual(diagnostics.map(\.rule), ["file-too-large"])
    }

    func testMissingFolderThrows() {
        XCTAssertThrowsError(try ContentLoader(root: folder.appendingPathComponent("nope"), displayRoot: "x").load())
    }
}
