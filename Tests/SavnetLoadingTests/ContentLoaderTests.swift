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
        try "not read".write(to: folder.appendingPathComponent("84/notes.txt"), atomically: true, encoding: .utf8)
        let (files, diagnostics) = try ContentLoader(root: folder, displayRoot: "content").load()
        XCTAssertEqual(files.map(\.path), ["content/84/8409/840901.md", "content/84/8409/_index.md"])
        XCTAssertEqual(diagnostics.map { "\($0.location.path) \($0.severity) \($0.rule)" },
                       ["content/84/notes.txt warning content-not-read", "content/84/8409/840901.md error front-matter-missing"])
        XCTAssertEqual(files[0].raw, "no front matter\n")
    }

    func testTooLargeFileIsReportedNotRead() throws {
        let big = String(repeating: "x", count: ContentLoader.maximumFileSize + 1)
        try big.write(to: folder.appendingPathComponent("84/_index.md"), atomically: true, encoding: .utf8)
        let (files, diagnostics) = try ContentLoader(root: folder, displayRoot: "content").load()
        XCTAssertEqual(files.count, 0)
        XCTAssertEqual(diagnostics.map(\.rule), ["file-too-large"])
    }

    /// Files are read whole, byte for byte, at every size up to the limit, and refused
    /// past it.
    func testFilesAreReadByteForByteUpToTheLimit() throws {
        let loader = ContentLoader(root: folder, displayRoot: "content")
        let limit = ContentLoader.maximumFileSize
        for size in [0, 1, 4095, 4096, 4097, 65_537, limit - 1, limit, limit + 1, limit + 4097] {
            let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
            try Data(bytes).write(to: folder.appendingPathComponent("84/f.md"))
            switch loader.read("84/f.md") {
            case let .success(read):
                XCTAssertLessThanOrEqual(size, limit)
                XCTAssertEqual(read, bytes, "size \(size)")
            case let .failure(finding):
                XCTAssertGreaterThan(size, limit, "size \(size)")
                XCTAssertEqual(finding.rule, "file-too-large")
            }
        }
    }

    func testMissingFolderThrows() {
        XCTAssertThrowsError(try ContentLoader(root: folder.appendingPathComponent("nope"), displayRoot: "x").load())
    }

    func testTheWalkSkipsHiddenEntriesPipesAndLinksLeavingTheFolder() throws {
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("savnet-outside-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: outside) }
        try "---\n---\n".write(to: outside.appendingPathComponent("secret.md"), atomically: true, encoding: .utf8)
        let manager = FileManager.default
        try "x".write(to: folder.appendingPathComponent("84/_index.md"), atomically: true, encoding: .utf8)
        try "x".write(to: folder.appendingPathComponent("84/.draft.md"), atomically: true, encoding: .utf8)
        try manager.createDirectory(at: folder.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try "x".write(to: folder.appendingPathComponent(".git/x.md"), atomically: true, encoding: .utf8)
        try manager.createSymbolicLink(atPath: folder.path + "/84/8409/840901.md", withDestinationPath: outside.path + "/secret.md")
        try manager.createSymbolicLink(atPath: folder.path + "/84/8409/840902.md", withDestinationPath: folder.path + "/84/_index.md")
        try manager.createSymbolicLink(atPath: folder.path + "/85", withDestinationPath: outside.path)
        XCTAssertEqual(mkfifo(folder.path + "/84/8409/840903.md", 0o644), 0)
        try "x".write(to: folder.appendingPathComponent("84/8409/840904.MD"), atomically: true, encoding: .utf8)
        try "x".write(to: folder.appendingPathComponent("84/.gitkeep"), atomically: true, encoding: .utf8)
        let loader = ContentLoader(root: folder, displayRoot: "content")
        XCTAssertEqual(try loader.markdownPaths(), ["84/8409/840902.md", "84/_index.md"])
        // Every entry that is not read is reported, and says why (.gitkeep alone is quiet).
        let skipped = try loader.listing().skipped.map { "\($0.location.path) \($0.severity)" }
        XCTAssertEqual(skipped, [
            "content/.git warning", "content/84/.draft.md warning", "content/84/8409/840901.md error",
            "content/84/8409/840903.md warning", "content/84/8409/840904.MD error", "content/85 warning",
        ])
        for path in ["84/8409/840902.md", "84/_index.md"] { XCTAssertTrue(loader.isListed(path), path) }
        for path in ["84/.draft.md", ".git/x.md", "84/8409/840901.md", "85/secret.md", "84/8409/840903.md", "84/../84/_index.md",
                     "84/notes.txt", "84/8409/840909.md"] {
            XCTAssertFalse(loader.isListed(path), path)
        }
    }
}
