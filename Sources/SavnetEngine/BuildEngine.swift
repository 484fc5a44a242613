import Foundation
import SavnetLoading
import SavnetModel
import SavnetRendering
import SavnetRules

/// A site kept in memory, loaded, checked and rendered once, then updated file by file:
/// after an edit only the edited files are read again, only the networks whose findings
/// can change are checked again, and only the pages that show them are rendered again.
/// The engine a live-reload preview calls, and, saved to and restored from a build cache
/// (`BuildCache`), what lets `savnet build` redo only what an edit changed.
///
/// What an edit of a file can change is found from what was read, not listed here: every
/// file's check and every page's rendering records what it read from the directory (an
/// area's network, everything below an area, a person's committees; see `DirectoryRead`),
/// and after an edit the engine checks and renders again the readers of what the old and
/// the new version of the file touch. Besides those: the edited files themselves, pages
/// that appear or disappear when an area gains its first network or loses its last (the
/// route table's page list), and the summaries of the whole site (sitemap, feed,
/// `directory.json`), which are marked stale and rebuilt by `refreshSummaries()`.
public final class BuildEngine {
    /// What an update changed.
    public struct Update: Sendable {
        /// Files whose bytes changed or that are new.
        public var written: [OutputFile]
        /// Output paths that no longer exist.
        public var removed: [String]

        /// Nothing changed.
        public static let none = Update(written: [], removed: [])

        /// Both updates, the later one winning for a path both touch.
        mutating func merge(_ later: Update) {
            let laterPaths = Set(later.written.map(\.path) + later.removed)
            written = written.filter { !laterPaths.contains($0.path) } + later.written
            let rewritten = Set(written.map(\.path))
            removed = Array(Set(removed + later.removed).subtracting(rewritten)).sorted()
        }
    }

    let loader: ContentLoader
    let renderer: SiteRenderer
    let settings: SiteSettings
    let gazetteer: Gazetteer
    let today: CalendarDate
    let searchIndexed: Bool
    /// Whether `outputs` keeps every output's bytes (a preview serves them from memory);
    /// otherwise only their digests are kept.
    let keepsOutputs: Bool
    /// Parse → directory → rules, as `savnet check` runs them.
    let pipeline: CheckPipeline
    /// Files by content path.
    var files: [String: NetworkFile] = [:]
    /// Digests of the bytes each file was parsed from, by content path.
    var contentDigests: [String: ContentDigest] = [:]
    var loaderFindings: [String: [Diagnostic]] = [:]
    var ruleFindings: [String: [Diagnostic]] = [:]
    /// What each file's check read, by display path.
    var fileReads = ReadIndex()
    /// What each page and data file read while rendering, by output path.
    var pageReads = ReadIndex()
    var pagePaths: Set<String> = []
    /// Where unchanged files' parsed forms sit in the cache's file store, when restored
    /// from it: saving again neither encodes nor writes them a second time.
    var savedBlobs: [String: BlobReference] = [:]
    /// The file store as restored (for copying live entries when it is rewritten).
    var restoredStore: [UInt8] = []
    /// Each network's part of `directory.json`.
    let fragments: DirectoryFragments
    /// The template versions and settings the current digests were rendered with.
    var renderedTemplates: [String: ContentDigest] = [:]
    var renderedKey: ContentDigest?
    /// Every area's roll-up for the current directory, kept up to date after edits (nil
    /// until first needed).
    var rollUps: RollUpTable?
    /// The output mark a restored cache was saved with.
    var restoredMark: String?
    /// What restoring a cache changed, not yet handed out (see `renderChanges()`).
    var pendingUpdate = Update.none
    /// Whether the state still equals the restored cache (nothing to save).
    public internal(set) var matchesRestoredCache = false
    /// The current directory.
    public internal(set) var directory: Directory
    /// Every output file by path, as a clean build would write it (summaries only after
    /// `refreshSummaries()` when they are stale); empty unless the engine keeps outputs.
    public private(set) var outputs: [String: [UInt8]] = [:]
    /// The digest of every output file, by path.
    public internal(set) var digests: [String: ContentDigest] = [:]
    /// Whether the sitemap, feed and `directory.json` lag behind the last update.
    public internal(set) var summariesAreStale = false
    /// The summaries an edit may have changed since they were last refreshed (the feed,
    /// the assets and the search index are always written again).
    var staleSummaries = SummaryScope.everything
    /// Each network's latest date, by area (what the sitemap and feed show), kept up to
    /// date after edits; nil until an update first needs it.
    var lastChanged: [String: CalendarDate]?
    /// The paths of the summaries in the site (every output that is not a page or a
    /// network's data); nil until a refresh first needs it.
    var summaryPaths: Set<String>?

    /// Loads, checks and renders everything.
    public convenience init(loader: ContentLoader, renderer: SiteRenderer, settings: SiteSettings, gazetteer: Gazetteer,
                            today: CalendarDate, searchIndexed: Bool = false, keepsOutputs: Bool = true) throws {
        self.init(empty: (), loader: loader, renderer: renderer, settings: settings, gazetteer: gazetteer, today: today,
                  searchIndexed: searchIndexed, keepsOutputs: keepsOutputs)
        let paths = try loader.markdownPaths()
        load(loader.contents(of: paths))
        checkAll()
        try renderAll { _ in }
    }

    /// An engine with nothing loaded yet.
    init(empty: Void, loader: ContentLoader, renderer: SiteRenderer, settings: SiteSettings, gazetteer: Gazetteer,
         today: CalendarDate, searchIndexed: Bool, keepsOutputs: Bool) {
        self.loader = loader
        self.renderer = renderer
        self.settings = settings
        self.gazetteer = gazetteer
        pipeline = CheckPipeline(gazetteer: gazetteer)
        self.today = today
        self.searchIndexed = searchIndexed
        self.keepsOutputs = keepsOutputs
        fragments = DirectoryFragments(keepsBytes: keepsOutputs)
        directory = pipeline.directory([])
    }

    /// Every finding, sorted.
    public var diagnostics: [Diagnostic] {
        (Array(loaderFindings.values.joined()) + Array(ruleFindings.values.joined())).sorted()
    }

    /// Takes in edits to the files at `contentPaths` (relative to the content folder; a
    /// path whose file is gone counts as deleted) and updates findings and pages.
    public func update(_ contentPaths: [String]) throws -> Update {
        try update(contentPaths) { loader.isListed($0) ? loader.read($0) : nil }
    }

    /// `update(_:)` with the files' bytes (or why they cannot be read) from `read`, which
    /// gives nil for a file that is gone (or that the content folder does not list).
    func update(_ contentPaths: [String], read: (String) -> Result<[UInt8], Diagnostic>?) throws -> Update {
        var changedAreas: Set<String> = []
        var changedDisplayPaths: Set<String> = []
        // What the old and the new version of each file offer to readers.
        var changedReads: Set<DirectoryRead> = []
        var replaced: [NetworkFile] = []
        var structural = false
        if lastChanged == nil { lastChanged = Feeds.lastChanged(of: directory) }
        for contentPath in Set(contentPaths) {
            if let old = files[contentPath] {
                changedDisplayPaths.insert(old.path)
                if let code = old.outline?.area { changedAreas.insert(code) }
                changedReads.formUnion(DirectoryRead.changed(by: old))
            }
            savedBlobs[contentPath] = nil
            let bytes = read(contentPath)
            let exists = bytes != nil
            let (file, found) = bytes.map { load(contentPath, $0) } ?? (nil, [])
            loaderFindings[contentPath] = exists ? found : nil
            files[contentPath] = file
            if !exists { contentDigests[contentPath] = nil }
            if let file {
                changedDisplayPaths.insert(file.path)
                if let code = file.outline?.area { changedAreas.insert(code) }
                changedReads.formUnion(DirectoryRead.changed(by: file))
                replaced.append(file)
            } else {
                structural = true
            }
        }
        let before = directory.networkCodes
        // An edit that keeps a file's path and area swaps it in place; anything else rebuilds.
        let rebuilt = structural || !replaced.allSatisfy({ directory.replace($0) })
        if rebuilt { directory = pipeline.directory(Array(files.values)) }
        recheck(changedDisplayPaths, reads: changedReads)
        let coverageChanged = before != directory.networkCodes
        if coverageChanged {
            rollUps = nil
            // Which networks exist changes every directory file, the page list and which
            // areas have a page.
            staleSummaries = .everything
        } else {
            rollUps?.update(changedAreas, directory, today: today)
        }
        // A network's part of its province's directory file is written from the network
        // alone; `directory.json` lists which networks are published, which only a file
        // added, removed or moved to another area can change.
        var stale = SummaryScope(directoryGroups: Set(changedAreas.map(DirectoryFragments.group(of:))).union(rebuilt ? [""] : []),
                                 sitemap: false, areaList: false)
        for code in changedAreas {
            let date = Feeds.lastChanged(code, in: directory)
            if lastChanged?[code] != date {
                lastChanged?[code] = date
                stale.sitemap = true
            }
        }
        staleSummaries.formUnion(stale)
        return try rerender(areas: changedAreas, reads: changedReads, coverageChanged: coverageChanged)
    }

    /// Rebuilds the sitemap, feed and `directory.json` (and copies the theme's assets) if
    /// an update left them stale; files that are no longer part of the site (an asset
    /// removed from the theme) are reported as removed.
    public func refreshSummaries() -> Update {
        guard summariesAreStale else { return .none }
        var written: [OutputFile] = []
        var emitted: Set<String> = []
        let scope = staleSummaries
        renderer.renderAggregates(directory, settings: settings, today: today, searchIndexed: searchIndexed,
                                  fragments: fragments, scope: scope, lastChanged: lastChanged) { file in
            emitted.insert(file.path)
            if record(file) { written.append(file) }
        }
        // A summary this refresh would have written but did not is gone (an asset removed
        // from the theme, a province's directory file once its last network went); the
        // ones left out as unchanged are still part of the site.
        let before = summaryPaths ?? Set(digests.keys.filter { !pagePaths.contains($0) })
        let removed = before.filter { !emitted.contains($0) && scope.writes($0) }.sorted()
        summaryPaths = before.subtracting(removed).union(emitted)
        staleSummaries = .nothing
        for path in removed { forget(path) }
        summariesAreStale = false
        return Update(written: written, removed: removed)
    }

    /// Renders every file of the site, handing each to `emit` (from several threads), and
    /// records what was rendered.
    public func renderAll(emit: @escaping @Sendable (OutputFile) -> Void) throws {
        let recorder = Recorder(keepsBytes: keepsOutputs)
        let reads = ReadCollector()
        try renderer.render(directory, settings: settings, today: today, searchIndexed: searchIndexed, fragments: fragments,
                            reads: { reads.add($0, $1) }) {
            recorder.add($0)
            emit($0)
        }
        (digests, outputs) = recorder.result
        pageReads = ReadIndex(reads.reads.mapValues(Array.init))
        pendingUpdate = .none
        rollUps = nil
        pagePaths = renderer.pagePaths(directory, settings: settings)
        summaryPaths = nil
        lastChanged = nil
        renderedTemplates = renderer.templateVersions
        renderedKey = renderKey
        summariesAreStale = false
        staleSummaries = .nothing
    }
}

extension BuildEngine {
    /// Settings that every page depends on.
    var renderKey: ContentDigest {
        ContentDigest(combining: [settings.title, settings.baseURL, today.iso, searchIndexed ? "search" : ""])
    }

    /// Parses files from their bytes (on every core) and builds the directory.
    func load(_ contents: [(String, Result<[UInt8], Diagnostic>)]) {
        let results = ParallelMap.map(contents) { contentPath, bytes in parse(contentPath, bytes) }
        for ((contentPath, _), (file, found, digest)) in zip(contents, results) {
            files[contentPath] = file
            loaderFindings[contentPath] = found
            contentDigests[contentPath] = digest
        }
        directory = pipeline.directory(Array(files.values))
    }

    /// Parses one file and records the digest of its bytes.
    func load(_ contentPath: String, _ bytes: Result<[UInt8], Diagnostic>) -> (NetworkFile?, [Diagnostic]) {
        let (file, found, digest) = parse(contentPath, bytes)
        contentDigests[contentPath] = digest
        return (file, found)
    }

    /// Parses one file from its bytes; also returns their digest.
    func parse(_ contentPath: String, _ bytes: Result<[UInt8], Diagnostic>) -> (NetworkFile?, [Diagnostic], ContentDigest?) {
        switch bytes {
        case let .success(bytes):
            let (file, found) = pipeline.parse(contentPath, bytes: bytes, loader: loader)
            return (file, found, ContentDigest(bytes))
        case let .failure(diagnostic):
            return (nil, [diagnostic], nil)
        }
    }

    /// Runs every rule on the whole directory.
    func checkAll() {
        ruleFindings = [:]
        var reads: [String: [DirectoryRead]] = [:]
        for (path, findings, read) in pipeline.findingsRecording(directory, today: today) {
            if !findings.isEmpty { ruleFindings[path] = findings }
            reads[path] = Array(read)
        }
        fileReads = ReadIndex(reads)
    }

    /// Records a rendered file; true when it differs from what was there.
    @discardableResult
    func record(_ file: OutputFile) -> Bool {
        let digest = ContentDigest(file.bytes)
        guard digests[file.path] != digest || (keepsOutputs && outputs[file.path] != file.bytes) else { return false }
        digests[file.path] = digest
        if keepsOutputs { outputs[file.path] = file.bytes }
        return true
    }

    /// The roll-up table, summed whole when there is none yet.
    func currentRollUps() -> RollUpTable {
        if let rollUps { return rollUps }
        let table = RollUpTable(directory, today: today)
        rollUps = table
        return table
    }

    /// Forgets an output that no longer exists.
    func forget(_ path: String) {
        digests[path] = nil
        outputs[path] = nil
        pageReads.remove(path)
    }

    /// Renders the pages and data files at `paths`, recording what each read.
    func render(paths: Set<String>) throws -> [OutputFile] {
        let reads = ReadCollector()
        let rendered = try renderer.render(paths: paths, directory, settings: settings, today: today,
                                           searchIndexed: searchIndexed, rollUps: currentRollUps(), reads: { reads.add($0, $1) })
        for (path, read) in reads.reads { pageReads.set(path, read) }
        return rendered
    }

    /// Renders again the pages whose template changed, or every page when the settings
    /// or the date changed since they were rendered.
    func rerenderStale() throws -> Update {
        let key = renderKey
        let versions = renderer.templateVersions
        guard key != renderedKey || versions != renderedTemplates else { return .none }
        matchesRestoredCache = false
        let everything = key != renderedKey
        // Settings (the base URL in every id) or the date (statuses) reach every file.
        if everything { staleSummaries = .everything }
        let stale = pagePaths.filter { path in
            if everything { return true }
            guard let template = SiteRenderer.templateName(forPage: path) else { return false }
            return versions[template] != renderedTemplates[template]
        }
        let rendered = try render(paths: Set(stale))
        renderedTemplates = versions
        renderedKey = key
        summariesAreStale = true
        return Update(written: rendered.filter(record), removed: [])
    }
}

private extension BuildEngine {
    /// Checks again the changed files and every file whose last check read something
    /// the edit changed.
    func recheck(_ changedPaths: Set<String>, reads changed: Set<DirectoryRead>) {
        let scope = changedPaths.union(fileReads.readers(of: changed))
        for path in scope {
            ruleFindings[path] = nil
            fileReads.remove(path)
        }
        for (path, findings, read) in pipeline.findingsRecording(directory.scoped(to: scope), today: today) {
            if !findings.isEmpty { ruleFindings[path] = findings }
            fileReads.set(path, read)
        }
    }

    /// Renders the pages that read what changed and the pages that appeared; drops the
    /// pages that disappeared. `areas`: the areas of the edited files (whose documents and
    /// data may come or go).
    func rerender(areas: Set<String>, reads changed: Set<DirectoryRead>, coverageChanged: Bool) throws -> Update {
        var removed: [String] = []
        var wanted: Set<String> = []
        if coverageChanged {
            // Which pages exist changes only when an area gains or loses its network.
            let newPaths = renderer.pagePaths(directory, settings: settings)
            removed = pagePaths.subtracting(newPaths).sorted()
            wanted = newPaths.subtracting(pagePaths)
            pagePaths = newPaths
        } else {
            // Otherwise only the edited areas' documents and data can come or go: compare
            // them alone, not the whole page list.
            for code in areas {
                let now = Set(renderer.pagePaths(ofAreas: [code], directory, settings: settings))
                for route in Route.all(of: AreaCode(unchecked: code)) where route.kind != .area && route.kind != .home {
                    if !now.contains(route.path), pagePaths.remove(route.path) != nil { removed.append(route.path) }
                }
                for path in now where pagePaths.insert(path).inserted { wanted.insert(path) }
            }
            removed.sort()
        }
        // The sitemap lists every page.
        if !removed.isEmpty || !wanted.isEmpty { staleSummaries.sitemap = true }
        for path in pageReads.readers(of: changed) where pagePaths.contains(path) { wanted.insert(path) }
        let rendered = try render(paths: wanted)
        let written = rendered.filter(record)
        for path in removed { forget(path) }
        summariesAreStale = true
        return Update(written: written, removed: removed)
    }
}

/// Gathers digests (and, when asked, bytes) of files rendered on several threads.
private final class Recorder: @unchecked Sendable {
    private let lock = NSLock()
    private let keepsBytes: Bool
    private var digests: [String: ContentDigest] = [:]
    private var outputs: [String: [UInt8]] = [:]

    init(keepsBytes: Bool) {
        self.keepsBytes = keepsBytes
    }

    func add(_ file: OutputFile) {
        let digest = ContentDigest(file.bytes)
        lock.lock()
        digests[file.path] = digest
        if keepsBytes { outputs[file.path] = file.bytes }
        lock.unlock()
    }

    var result: ([String: ContentDigest], [String: [UInt8]]) {
        lock.lock()
        defer { lock.unlock() }
        return (digests, outputs)
    }
}
