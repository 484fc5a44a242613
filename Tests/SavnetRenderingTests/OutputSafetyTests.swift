import Foundation
import SavnetLoading
@testable import SavnetOutput
import SavnetRendering
import XCTest

/// savnet deletes or replaces only what it wrote: the output guard, the manifest, and
/// swaps that a killed build leaves half done.
final class OutputSafetyTests: XCTestCase {
    private var folder: URL!
    private var savedDirectory = ""

    override func setUpWithError() throws {
        folder = URL(fileURLWithPath: RealPath.resolve(NSTemporaryDirectory()))
            .appendingPathComponent("savnet-safety-\(UUID().uuidString)")
        for sub in ["project/content/84", "project/themes/default", "project/.git", "project/.savnet"] {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        savedDirectory = FileManager.default.currentDirectoryPath
        FileManager.default.changeCurrentDirectoryPath(folder.appendingPathComponent("project").path)
    }

    override func tearDownWithError() throws {
        FileManager.default.changeCurrentDirectoryPath(savedDirectory)
        try? FileManager.default.removeItem(at: folder)
    }

    private func guardFor(_ output: String) -> OutputGuard {
        let working = FileManager.default.currentDirectoryPath
        return OutputGuard(output: output, protected: [
            (working, "the working folder", false), ("content", "the content folder", true),
            ("themes", "the themes folder", true), (".savnet", "savnet's cache folder", true), (".git", "git's folder", true),
        ])
    }

    private func write(_ text: String, _ path: String) throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    func testOutputsThatAreOrHoldTheProjectOrItsSourcesAreRefused() throws {
        try FileManager.default.createSymbolicLink(atPath: "up", withDestinationPath: "..")
        try FileManager.default.createSymbolicLink(atPath: "here", withDestinationPath: ".")
        let working = FileManager.default.currentDirectoryPath
        for output in ["..", "./", ".", "site/..", working, working + "/", "content", "content/", "./content", "themes",
                       ".savnet", ".git", "content/84", "content/new", "themes/default/site", ".git/site", "up", "here",
                       "up/project", "../project/site/../..", "/"] {
            XCTAssertThrowsError(try guardFor(output).check(force: true), output) { error in
                XCTAssertTrue(error is OutputRefusal, "\(output): \(error)")
            }
        }
        for output in ["site", "public", "./site", "site/", "../elsewhere", "build/../site"] {
            XCTAssertNoThrow(try guardFor(output).check(force: false), output)
        }
    }

    func testAFolderSavnetDidNotWriteIsRefusedUnlessForced() throws {
        try write("example.org", "docs/CNAME")
        XCTAssertThrowsError(try guardFor("docs").check(force: false)) { error in
            XCTAssertEqual(error as? OutputRefusal, .notASavnetBuild(output: "docs", entries: ["CNAME"]))
            XCTAssertTrue("\(error)".contains("--force"), "\(error)")
        }
        XCTAssertNoThrow(try guardFor("docs").check(force: true))
        // Only dot-entries (a publishing branch's .git, .nojekyll): fine.
        try write("", "dots/.nojekyll")
        XCTAssertNoThrow(try guardFor("dots").check(force: false))
        // A savnet build: fine.
        try write("mark\nindex.html\n", "site/.savnet-build")
        try write("x", "site/index.html")
        XCTAssertNoThrow(try guardFor("site").check(force: false))
    }

    func testAMissingParentAndAFileAreClearErrors() throws {
        XCTAssertThrowsError(try guardFor("no/such/site").check(force: false)) { error in
            XCTAssertEqual(error as? OutputRefusal, .missingParent("no/such"))
        }
        try write("x", "afile")
        XCTAssertThrowsError(try guardFor("afile").check(force: false)) { error in
            XCTAssertEqual(error as? OutputRefusal, .notAFolder("afile"))
        }
    }

    func testAWholeBuildKeepsEveryFileSavnetDidNotWrite() throws {
        let output = URL(fileURLWithPath: "site")
        let writer = SiteWriter(output: output)
        try writer.commit(try writer.stage([OutputFile(path: "index.html", text: "one"), OutputFile(path: "84/index.html", text: "p"),
                                            OutputFile(path: "gone.html", text: "g")]))
        // The user's own files, beside and inside savnet's folders.
        try write("example.org", "site/CNAME")
        try write("png", "site/images/logo.png")
        try write("mine", "site/84/mine.html")
        try write("ref", "site/.git/HEAD")
        let report = try writer.commit(try writer.stage([OutputFile(path: "index.html", text: "two"),
                                                         OutputFile(path: "84/index.html", text: "p2")]))
        XCTAssertEqual(report.kept.sorted(), [".git", "84/mine.html", "CNAME", "images"])
        XCTAssertEqual(report.replaced, [])
        XCTAssertEqual(try String(contentsOfFile: "site/CNAME", encoding: .utf8), "example.org")
        XCTAssertEqual(try String(contentsOfFile: "site/images/logo.png", encoding: .utf8), "png")
        XCTAssertEqual(try String(contentsOfFile: "site/84/mine.html", encoding: .utf8), "mine")
        XCTAssertEqual(try String(contentsOfFile: "site/.git/HEAD", encoding: .utf8), "ref")
        XCTAssertEqual(try String(contentsOfFile: "site/index.html", encoding: .utf8), "two")
        XCTAssertFalse(FileManager.default.fileExists(atPath: "site/gone.html"), "savnet removes what it wrote and no longer writes")
        // Nothing left beside the output.
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: ".").filter { $0.hasPrefix(".site") }, [])
    }

    func testForcingIntoAForeignFolderReportsTheFilesItReplaces() throws {
        try write("hand-made", "docs/index.html")
        try write("x", "docs/notes.txt")
        let writer = SiteWriter(output: URL(fileURLWithPath: "docs"))
        let report = try writer.commit(try writer.stage([OutputFile(path: "index.html", text: "built")]))
        XCTAssertEqual(report.replaced, ["index.html"])
        XCTAssertEqual(report.kept, ["notes.txt"])
        XCTAssertEqual(try String(contentsOfFile: "docs/notes.txt", encoding: .utf8), "x")
    }

    /// The moments a swap can be killed at, as the files beside the output show them.
    private func killedSwap(renamedOld: Bool, renamedNew: Bool) throws -> SiteWriter {
        let writer = SiteWriter(output: URL(fileURLWithPath: "site"))
        try writer.commit(try writer.stage([OutputFile(path: "index.html", text: "old")]))
        try write("ref", "site/.git/HEAD")
        let staged = try writer.stage([OutputFile(path: "index.html", text: "new")])
        let staging = URL(fileURLWithPath: ".site.building-999999")
        try FileManager.default.moveItem(at: staged, to: staging)
        try write("staging\t.site.building-999999\nold\t.site.old-999999\nkeep\t.git\n", ".site.swap-999999")
        if renamedOld { try FileManager.default.moveItem(atPath: "site", toPath: ".site.old-999999") }
        if renamedNew { try FileManager.default.moveItem(atPath: ".site.building-999999", toPath: "site") }
        return writer
    }

    func testASwapKilledBeforeItsFirstRenameLeavesTheOldSite() throws {
        let writer = try killedSwap(renamedOld: false, renamedNew: false)
        writer.recoverInterruptedWork()
        XCTAssertEqual(try String(contentsOfFile: "site/index.html", encoding: .utf8), "old")
        XCTAssertEqual(try String(contentsOfFile: "site/.git/HEAD", encoding: .utf8), "ref")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: ".").filter { $0.hasPrefix(".site") }, [])
    }

    func testASwapKilledBetweenItsRenamesIsCompleted() throws {
        let writer = try killedSwap(renamedOld: true, renamedNew: false)
        XCTAssertFalse(FileManager.default.fileExists(atPath: "site"))
        writer.recoverInterruptedWork()
        XCTAssertEqual(try String(contentsOfFile: "site/index.html", encoding: .utf8), "new", "the finished site is kept")
        XCTAssertEqual(try String(contentsOfFile: "site/.git/HEAD", encoding: .utf8), "ref", "kept entries follow it")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: ".").filter { $0.hasPrefix(".site") }, [])
    }

    func testASwapKilledBeforeMovingKeptEntriesIsCompleted() throws {
        let writer = try killedSwap(renamedOld: true, renamedNew: true)
        XCTAssertFalse(FileManager.default.fileExists(atPath: "site/.git"))
        writer.recoverInterruptedWork()
        XCTAssertEqual(try String(contentsOfFile: "site/index.html", encoding: .utf8), "new")
        XCTAssertEqual(try String(contentsOfFile: "site/.git/HEAD", encoding: .utf8), "ref")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: ".").filter { $0.hasPrefix(".site") }, [])
    }

    func testLeftoversOfAProcessThatStillRunsAreNotTouched() throws {
        let writer = SiteWriter(output: URL(fileURLWithPath: "site"))
        try writer.commit(try writer.stage([OutputFile(path: "index.html", text: "one")]))
        // Process 1 always runs; a dead one's leftovers go.
        try write("x", ".site.building-1/index.html")
        try write("x", ".site.building-999999/index.html")
        writer.recoverInterruptedWork()
        XCTAssertTrue(FileManager.default.fileExists(atPath: ".site.building-1/index.html"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: ".site.building-999999"))
    }

    func testRealPathsResolveLinksAndDots() throws {
        let working = FileManager.default.currentDirectoryPath
        try FileManager.default.createSymbolicLink(atPath: "link", withDestinationPath: "content")
        XCTAssertEqual(RealPath.resolve("link/84"), working + "/content/84")
        XCTAssertEqual(RealPath.resolve("new/../content/./84/"), working + "/content/84")
        XCTAssertEqual(RealPath.resolve("link/../themes"), working + "/themes", "`..` after a link leaves the link's target")
        XCTAssertEqual(RealPath.resolve("/"), "/")
    }
}
