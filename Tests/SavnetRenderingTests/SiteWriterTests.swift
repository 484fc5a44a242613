import Foundation
@testable import SavnetOutput
import SavnetRendering
import XCTest

final class SiteWriterTests: XCTestCase {
    func testAnUpdateOfListedFilesOnlyChangesTheManifestsMark() {
        let paths = ["index.html", "84/index.html", "84/8401/index.html", "84/8401/network.json", "assets/site.css",
                     "sitemap.xml", "search/"]
        let previous = SiteWriter.manifest(mark: "old", paths: paths)
        let written = ["84/8401/index.html", "sitemap.xml", "index.html"].map { OutputFile(path: $0, text: "x") }
        XCTAssertEqual(SiteWriter.remarked(previous, mark: "new", writing: written), SiteWriter.manifest(mark: "new", paths: paths))
        // A file the manifest does not list yet needs the whole list written again.
        XCTAssertNil(SiteWriter.remarked(previous, mark: "new", writing: [OutputFile(path: "84/8402/index.html", text: "x")]))
        XCTAssertNil(SiteWriter.remarked(previous, mark: "new", writing: [OutputFile(path: "search/index.json", text: "x")]))
        XCTAssertNil(SiteWriter.remarked(Array("old".utf8), mark: "new", writing: written))
    }

    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("savnet-writer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    /// The files in `url` and their text, the manifest (`.savnet-build`) left out.
    private func contents(_ url: URL) throws -> [String: String] {
        var result: [String: String] = [:]
        let walker = FileManager.default.enumerator(at: url, includingPropertiesForKeys: nil)!
        for case let file as URL in walker where !file.hasDirectoryPath {
            let relative = String(file.standardizedFileURL.path.dropFirst(url.standardizedFileURL.path.count + 1))
            if relative == SiteWriter.markName { continue }
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

    // MARK: - Updates in place

    private func site(_ files: [String: String]) throws -> (URL, SiteWriter) {
        let output = folder.appendingPathComponent("site")
        let writer = SiteWriter(output: output)
        try writer.commit(try writer.stage(files.map { OutputFile(path: $0.key, text: $0.value) }))
        return (output, writer)
    }

    func testAnUpdateWritesRemovesAndMarksInPlace() throws {
        let (output, writer) = try site(["index.html": "one", "84/8409/840904/index.html": "gone", "keep.html": "same"])
        let update = try writer.update(written: [OutputFile(path: "index.html", text: "two"), OutputFile(path: "a/b.html", text: "b")],
                                       removed: ["84/8409/840904/index.html"], mark: "m1")
        update.commit()
        XCTAssertEqual(try contents(output), ["index.html": "two", "a/b.html": "b", "keep.html": "same"])
        XCTAssertEqual(SiteWriter.readManifest(output.path)?.paths, ["a/b.html", "index.html", "keep.html"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.path + "/84"), "folders left empty are removed")
        XCTAssertEqual(writer.mark(), "m1")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["site"], "no staging left")
    }

    func testARolledBackUpdateLeavesTheOutputAsItWas() throws {
        let (output, writer) = try site(["index.html": "one", "84/8409/840904/index.html": "gone", ".savnet-build": "m0\n"])
        let before = try contents(output)
        let update = try writer.update(written: [OutputFile(path: "index.html", text: "two"), OutputFile(path: "a/b.html", text: "b")],
                                       removed: ["84/8409/840904/index.html"], mark: "m1")
        XCTAssertNotEqual(try contents(output), before)
        update.rollBack()
        XCTAssertEqual(try contents(output), before)
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.path + "/a"))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["site"])
    }

    /// What a killed update leaves beside the output: staged files and its journal, under
    /// `journalName` (`journal.partial` while it was still being written).
    private func leftoverUpdate(_ files: [String: String], journal: String, journalName: String = "journal") throws {
        let staging = folder.appendingPathComponent(".site.updating-4242")
        for (path, text) in files {
            let url = staging.appendingPathComponent("files/" + path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        try journal.write(to: staging.appendingPathComponent(journalName), atomically: true, encoding: .utf8)
    }

    func testAnUpdateKilledAfterItsJournalIsFinishedByTheNextBuild() throws {
        let (output, writer) = try site(["index.html": "one", "old.html": "old", "b.html": "b0"])
        // A saved journal, one move already done.
        try leftoverUpdate(["index.html": "two", "a/new.html": "new", ".savnet-build": "m1\n"],
                           journal: "remove\told.html\nwrite\tb.html\nwrite\tindex.html\nwrite\ta/new.html\nwrite\t.savnet-build\n")
        try "b1".write(to: output.appendingPathComponent("b.html"), atomically: true, encoding: .utf8)  // moved before the kill
        writer.recoverInterruptedUpdates()
        XCTAssertEqual(try contents(output), ["index.html": "two", "a/new.html": "new", "b.html": "b1"])
        XCTAssertEqual(writer.mark(), "m1")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["site"])
    }

    func testAnUpdateKilledBeforeItsJournalLeavesTheOutputUntouched() throws {
        let (output, writer) = try site(["index.html": "one"])
        try leftoverUpdate(["index.html": "two"], journal: "write\tindex.html\n", journalName: "journal.partial")
        writer.recoverInterruptedUpdates()
        XCTAssertEqual(try contents(output), ["index.html": "one"])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["site"])
    }

    func testAnUpdateRefusesPathsOutsideTheOutput() throws {
        let (output, writer) = try site(["index.html": "one"])
        XCTAssertThrowsError(try writer.update(written: [OutputFile(path: "../escape.html", text: "x")], removed: [], mark: "m"))
        XCTAssertThrowsError(try writer.update(written: [], removed: ["/etc/passwd"], mark: "m"))
        XCTAssertThrowsError(try writer.update(written: [OutputFile(path: "a\nwrite\tb.html", text: "x")], removed: [], mark: "m"))
        XCTAssertEqual(try contents(output), ["index.html": "one"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.path + "/escape.html"))
    }

    func testAnUpdateStartsByRemovingTheMarkAndEndsByWritingIt() throws {
        let (output, writer) = try site(["index.html": "one", ".savnet-build": "m0\n"])
        let update = try writer.update(written: [OutputFile(path: "index.html", text: "two")], removed: [], mark: "m1")
        let staging = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.contains("updating") })
        let journal = try String(contentsOf: folder.appendingPathComponent(staging + "/journal"), encoding: .utf8)
        XCTAssertEqual(journal, "remove\t.savnet-build\nwrite\tindex.html\nwrite\t.savnet-build\n")
        update.commit()
        XCTAssertEqual(try contents(output), ["index.html": "two"])
        XCTAssertEqual(writer.mark(), "m1")
    }

    func testAJournalThatCannotBeFinishedLeavesTheOutputUnfinishedButStillSavnets() throws {
        let (output, writer) = try site(["index.html": "one", "a": "a file where a folder is needed", ".savnet-build": "m0\n"])
        try leftoverUpdate(["a/b.html": "x"], journal: "write\ta/b.html\n")
        writer.recoverInterruptedUpdates()
        XCTAssertEqual(writer.mark(), "unfinished", "the next build must rebuild the output whole")
        XCTAssertTrue(SiteWriter.readManifest(output.path)?.paths.contains("index.html") == true,
                      "it still lists what savnet wrote, so savnet may replace it")
        XCTAssertEqual(try contents(output)["index.html"], "one")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["site"])
    }
}
