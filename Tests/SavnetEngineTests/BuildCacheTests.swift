import Foundation
import SavnetEngine
import SavnetLoading
import SavnetModel
import SavnetRendering
import SavnetTestSupport
import XCTest

/// A build restored from the cache of the previous one, then brought up to date, must
/// produce exactly what a clean build of the same files produces, and must redo only
/// what changed.
final class BuildCacheTests: XCTestCase {
    private var content: ContentFolder!
    private var folder: URL { content.url }
    private let settings = SiteSettings(baseURL: "https://example.org/savnet/")
    private let tool = "test-build"

    override func setUpWithError() throws {
        content = try ContentFolder(SampleNetwork.site())
    }

    override func tearDownWithError() throws {
        content.remove()
    }

    private func write(_ path: String, _ text: String) throws { try content.write(path, text) }

    private func text(_ path: String) throws -> String { try content.text(path) }

    private var loader: ContentLoader { ContentLoader(root: folder, displayRoot: "content") }

    /// A whole build that keeps its outputs, as the previous build.
    private func cleanBuild(theme: Theme? = nil, today: CalendarDate = TestSite.today) throws -> BuildEngine {
        try BuildEngine(loader: loader, renderer: SiteRenderer(theme: theme ?? TestBuild.defaultTheme()), settings: settings,
                        gazetteer: .bundled, today: today)
    }

    /// A build that opens `cache` on the files as they are now, then renders the changes.
    private func cachedBuild(_ cache: (state: [UInt8], store: [UInt8]), previous: BuildEngine, theme: Theme? = nil, today: CalendarDate = TestSite.today,
                             tool: String? = nil) throws -> (BuildEngine, CacheStatus, BuildEngine.Update) {
        let paths = try loader.markdownPaths()
        let (engine, status) = try BuildEngine.open(
            loader: loader, renderer: SiteRenderer(theme: theme ?? TestBuild.defaultTheme()), settings: settings,
            gazetteer: .bundled, today: today, searchIndexed: false, contents: Array(zip(paths, paths.map(loader.read))),
            cache: cache, tool: tool ?? self.tool)
        guard case .used = status else { return (engine, status, .none) }
        let update = try engine.renderChanges { previous.outputs[$0] }
        return (engine, status, update)
    }

    /// The cache a build saves, as a first build writes it (a new file store).
    private func cache(of engine: BuildEngine) -> (state: [UInt8], store: [UInt8]) {
        let image = engine.snapshot(tool: tool, mark: engine.outputFingerprint, storeSize: nil)
        XCTAssertTrue(image.rewritesStore)
        return (Array(image.state.joined()), Array(image.store.joined()))
    }

    /// The cached build's findings and files equal a clean build's; every file it says it
    /// wrote has the clean build's bytes.
    private func assertMatchesCleanBuild(_ engine: BuildEngine, _ update: BuildEngine.Update, theme: Theme? = nil,
                                         today: CalendarDate = TestSite.today, file: StaticString = #filePath,
                                         line: UInt = #line) throws {
        let clean = try cleanBuild(theme: theme, today: today)
        XCTAssertEqual(engine.diagnostics, clean.diagnostics, file: file, line: line)
        XCTAssertEqual(engine.digests.keys.sorted(), clean.digests.keys.sorted(), file: file, line: line)
        for (path, digest) in clean.digests where engine.digests[path] != digest {
            XCTFail("\(path) differs from a clean build", file: file, line: line)
        }
        for written in update.written {
            XCTAssertEqual(written.bytes, clean.outputs[written.path], written.path, file: file, line: line)
        }
        for removed in update.removed { XCTAssertNil(clean.outputs[removed], removed, file: file, line: line) }
        XCTAssertEqual(engine.outputFingerprint, clean.outputFingerprint, file: file, line: line)
    }

    func testNothingChangedMeansNothingToWrite() throws {
        let first = try cleanBuild()
        let (engine, status, update) = try cachedBuild(cache(of: first), previous: first)
        XCTAssertEqual(status, .used(changed: 0))
        XCTAssertTrue(update.written.isEmpty, "\(update.written.map(\.path))")
        XCTAssertTrue(update.removed.isEmpty)
        XCTAssertTrue(engine.matchesRestoredCache)
        XCTAssertTrue(engine.canUpdate(outputMarkedWith: first.outputFingerprint))
        try assertMatchesCleanBuild(engine, update)
    }

    func testAnEditedFileIsReadAgainAndOnlyItsPagesAndTheSummariesAreWritten() throws {
        let first = try cleanBuild()
        let saved = cache(of: first)
        let path = "84/8409/840902.md"
        try write(path, try text(path).replacingFirst("name: ทดสอบ840902 คนที่1", with: "name: ทดสอบ840902 คนใหม่")
            .replacingFirst("savings: 250000", with: "savings: 999999"))
        let (engine, status, update) = try cachedBuild(saved, previous: first)
        XCTAssertEqual(status, .used(changed: 1))
        XCTAssertFalse(engine.matchesRestoredCache)
        let written = Set(update.written.map(\.path))
        XCTAssertTrue(written.isSuperset(of: ["84/8409/840902/index.html", "84/8409/840902/network.json", "84/8409/index.html",
                                              "84/index.html", "index.html", "84/directory.json"]), "\(written.sorted())")
        XCTAssertFalse(written.contains("directory.json"), "the index does not change when no network comes or goes")
        XCTAssertFalse(written.contains("84/8409/840901/index.html"), "a sibling does not change")
        XCTAssertFalse(written.contains("sitemap.xml"), "no page came or went, no date changed")
        try assertMatchesCleanBuild(engine, update)
        XCTAssertNotEqual(engine.outputFingerprint, first.outputFingerprint)
    }

    func testNewAndDeletedFilesAddAndRemovePages() throws {
        let first = try cleanBuild()
        let saved = cache(of: first)
        let code = SampleNetwork.subdistricts(of: "8402")[0]
        try write("84/8402/\(code).md", SampleNetwork.subdistrict(code))
        try FileManager.default.removeItem(at: folder.appendingPathComponent("84/8409/840904.md"))
        let (engine, status, update) = try cachedBuild(saved, previous: first)
        XCTAssertEqual(status, .used(changed: 2))
        XCTAssertTrue(update.written.contains { $0.path == "84/8402/\(code)/index.html" })
        XCTAssertEqual(update.removed, ["84/8409/840904/network.json", "84/8409/840904/order/index.html"])
        try assertMatchesCleanBuild(engine, update)
    }

    func testAParentNetworkThatGoesAndComesBackRelinksItsChildrenInTheData() throws {
        // Organisations name their parent only when the parent's network exists: the
        // districts' unchanged parts of 84/directory.json must not be copied as they were.
        let province = try text("84/_index.md")
        let first = try cleanBuild()
        try FileManager.default.removeItem(at: folder.appendingPathComponent("84/_index.md"))
        let (without, _, removal) = try cachedBuild(cache(of: first), previous: first)
        try assertMatchesCleanBuild(without, removal)
        try write("84/_index.md", province)
        let (with, _, addition) = try cachedBuild(cache(of: without), previous: without)
        try assertMatchesCleanBuild(with, addition)
    }

    func testAnEditThatBreaksARuleIsFoundAsByACleanBuild() throws {
        let first = try cleanBuild()
        let saved = cache(of: first)
        let path = "84/8409/_index.md"
        try write(path, try text(path).replacingFirst("position: เหรัญญิก\n", with: "position: กรรมการ\n"))
        let (engine, _, update) = try cachedBuild(saved, previous: first)
        XCTAssertTrue(engine.diagnostics.contains { $0.rule == "committee-key-positions" })
        try assertMatchesCleanBuild(engine, update)
    }

    func testAChangedTemplateRerendersOnlyThePagesThatUseIt() throws {
        let first = try cleanBuild()
        let saved = cache(of: first)
        var theme = try TestBuild.defaultTheme()
        theme.templates["order"] = try XCTUnwrap(theme.templates["order"]).replacingFirst("<h1>", with: "<h1 class=\"changed\">")
        let (engine, status, update) = try cachedBuild(saved, previous: first, theme: theme)
        XCTAssertEqual(status, .used(changed: 0))
        let pages = update.written.map(\.path).filter { $0.hasSuffix(".html") }
        XCTAssertFalse(pages.isEmpty)
        XCTAssertEqual(pages.filter { !$0.hasSuffix("/order/index.html") }, [], "only order pages use the order template")
        XCTAssertEqual(pages.count, first.digests.keys.filter { $0.hasSuffix("/order/index.html") }.count)
        try assertMatchesCleanBuild(engine, update, theme: theme)
    }

    func testAChangedPartialRerendersThePagesThatIncludeIt() throws {
        let first = try cleanBuild()
        let saved = cache(of: first)
        var theme = try TestBuild.defaultTheme()
        theme.templates["finance"] = try XCTUnwrap(theme.templates["finance"]) + "<!-- changed -->"
        let (engine, _, update) = try cachedBuild(saved, previous: first, theme: theme)
        let pages = Set(update.written.map(\.path).filter { $0.hasSuffix(".html") })
        XCTAssertTrue(pages.contains("index.html") && pages.contains("84/8409/840901/index.html"), "\(pages.sorted())")
        XCTAssertFalse(pages.contains { $0.hasSuffix("/order/index.html") }, "documents do not include the finance partial")
        try assertMatchesCleanBuild(engine, update, theme: theme)
    }

    func testAnAssetRemovedFromTheThemeIsRemovedFromTheSite() throws {
        var theme = try TestBuild.defaultTheme()
        theme.assets["extra.css"] = Array("body{}".utf8)
        let first = try cleanBuild(theme: theme)
        XCTAssertNotNil(first.outputs["assets/extra.css"])
        let (engine, _, update) = try cachedBuild(cache(of: first), previous: first)
        XCTAssertEqual(update.removed, ["assets/extra.css"])
        try assertMatchesCleanBuild(engine, update)
    }

    func testANewDateChecksAndRendersEverythingAgain() throws {
        let first = try cleanBuild()
        let saved = cache(of: first)
        let later = CalendarDate(year: 2031, month: 1, day: 1)!
        let (engine, status, update) = try cachedBuild(saved, previous: first, today: later)
        XCTAssertEqual(status, .used(changed: 0))
        XCTAssertTrue(engine.diagnostics.contains { $0.rule == "term-expiry" }, "terms have ended by 2031")
        XCTAssertFalse(engine.matchesRestoredCache)
        try assertMatchesCleanBuild(engine, update, today: later)
    }

    func testACacheFromAnotherProgramOrDamagedIsNotUsed() throws {
        let first = try cleanBuild()
        let saved = cache(of: first)
        let (other, otherStatus, _) = try cachedBuild(saved, previous: first, tool: "another-build")
        XCTAssertEqual(otherStatus, .stale("the cache was written by another savnet build"))
        XCTAssertNil(other.outputMark)
        func damaged(_ bytes: [UInt8]) -> [[UInt8]] {
            var flipped = bytes
            if !flipped.isEmpty { flipped[bytes.count / 2] ^= 0x01 }
            return [Array(bytes.prefix(bytes.count / 2)), Array(bytes.prefix(40)) + [0xFF] + Array(bytes.dropFirst(41)), [],
                    flipped, [0xFE, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01] + bytes, Array(bytes.dropLast(3))]
        }
        let caches = damaged(saved.state).map { ($0, saved.store) } + damaged(saved.store).map { (saved.state, $0) }
        for cache in caches {
            let (engine, status, _) = try cachedBuild(cache, previous: first)
            guard case .stale = status else { return XCTFail("a damaged cache was used: \(status)") }
            XCTAssertFalse(engine.canUpdate(outputMarkedWith: first.outputFingerprint))
            XCTAssertEqual(engine.diagnostics, first.diagnostics, "loaded and checked afresh")
        }
    }

    func testAWrongPreviousDirectoryFileIsNotCopiedFrom() throws {
        let first = try cleanBuild()
        let saved = cache(of: first)
        let path = "84/8409/840901.md"
        try write(path, try text(path).replacingFirst("name: ทดสอบ840901 คนที่2", with: "name: ทดสอบ840901 คนที่สอง"))
        let paths = try loader.markdownPaths()
        let (engine, _) = try BuildEngine.open(
            loader: loader, renderer: SiteRenderer(theme: TestBuild.defaultTheme()), settings: settings, gazetteer: .bundled,
            today: TestSite.today, searchIndexed: false, contents: Array(zip(paths, paths.map(loader.read))), cache: saved,
            tool: tool)
        // An output whose directory file was edited by hand: its spans would point at the wrong bytes.
        let update = try engine.renderChanges { path in
            path == "84/directory.json" ? Array("{\"memberships\":[]}".utf8) + (first.outputs[path] ?? []) : first.outputs[path]
        }
        try assertMatchesCleanBuild(engine, update)
    }

    func testCacheStaysExactOverSeveralBuilds() throws {
        var previous = try cleanBuild()
        var saved = cache(of: previous)
        var outputs = previous.outputs
        for (round, path) in ["84/8409/840901.md", "84/8409/_index.md", "84/8409/840901.md"].enumerated() {
            try write(path, try text(path) + "\nย่อหน้าที่ \(round)\n")
            let (engine, status, update) = try cachedBuild(saved, previous: previous)
            XCTAssertEqual(status, .used(changed: 1))
            try assertMatchesCleanBuild(engine, update)
            for file in update.written { outputs[file.path] = file.bytes }
            for path in update.removed { outputs[path] = nil }
            // As the command saves it: the changed file appended to the store.
            let image = engine.snapshot(tool: tool, mark: engine.outputFingerprint, storeSize: saved.store.count)
            XCTAssertFalse(image.rewritesStore)
            XCTAssertEqual(image.store.count, 1, "only the edited file is added to the store")
            saved = (Array(image.state.joined()), saved.store + Array(image.store.joined()))
            previous = try cleanBuild()
            XCTAssertEqual(outputs, previous.outputs, "the output updated in place equals a clean build after round \(round)")
        }
    }

    func testAStoreMostlyOutOfUseIsRewritten() throws {
        let first = try cleanBuild()
        var saved = cache(of: first)
        var rewrites = 0
        for round in 0..<4 {
            // Every file changes, so the store's old entries all fall out of use.
            for path in try loader.markdownPaths() { try write(path, try text(path) + "\nรอบ \(round)\n") }
            let (engine, status, update) = try cachedBuild(saved, previous: try cleanBuild())
            XCTAssertEqual(status, .used(changed: 8))
            try assertMatchesCleanBuild(engine, update)
            let image = engine.snapshot(tool: tool, mark: engine.outputFingerprint, storeSize: saved.store.count, slack: 0)
            if image.rewritesStore { rewrites += 1 }
            let store = Array(image.store.joined())
            saved = (Array(image.state.joined()), image.rewritesStore ? store : saved.store + store)
        }
        XCTAssertGreaterThan(rewrites, 0)
        XCTAssertLessThan(saved.store.count, 3 * cache(of: try cleanBuild()).store.count)
        let (engine, status, update) = try cachedBuild(saved, previous: try cleanBuild())
        XCTAssertEqual(status, .used(changed: 0))
        try assertMatchesCleanBuild(engine, update)
    }

    func testAFileReplacedByALinkOutsideTheContentIsDroppedAsByACleanBuild() throws {
        let first = try cleanBuild()
        let saved = cache(of: first)
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("savnet-outside-\(UUID().uuidString).md")
        defer { try? FileManager.default.removeItem(at: outside) }
        try SampleNetwork.subdistrict("840904", members: 16).write(to: outside, atomically: true, encoding: .utf8)
        let path = folder.appendingPathComponent("84/8409/840904.md")
        try FileManager.default.removeItem(at: path)
        try FileManager.default.createSymbolicLink(at: path, withDestinationURL: outside)
        let (engine, status, update) = try cachedBuild(saved, previous: first)
        XCTAssertEqual(status, .used(changed: 1))
        XCTAssertEqual(update.removed, ["84/8409/840904/network.json", "84/8409/840904/order/index.html"])
        try assertMatchesCleanBuild(engine, update)
        // The in-process engine takes the same view of an edit event for that path.
        let live = try cleanBuild()
        try FileManager.default.removeItem(at: path)
        try SampleNetwork.subdistrict("840904").write(to: path, atomically: true, encoding: .utf8)
        _ = try live.update(["84/8409/840904.md"])
        try FileManager.default.removeItem(at: path)
        try FileManager.default.createSymbolicLink(at: path, withDestinationURL: outside)
        let dropped = try live.update(["84/8409/840904.md"])
        XCTAssertEqual(dropped.removed, ["84/8409/840904/network.json", "84/8409/840904/order/index.html"])
    }
}
