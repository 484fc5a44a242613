import Foundation
import SavnetLoading
import SavnetModel
import SavnetRendering
import SavnetRules

/// A site kept in memory, loaded, checked and rendered once, then updated file by file:
/// after an edit only the edited files are read again, only the networks whose findings
/// can change are checked again, and only the pages that show them are rendered again.
/// The engine a live-reload preview calls.
///
/// What an edit of the network for area `c` can change: the findings of its own file, of
/// the networks above it (a district's representatives, a province's nominees) and of the
/// networks just below it (which read the province's deadline or are represented); the
/// pages, documents and data of `c` and of every area above it (child lists and roll-ups);
/// pages that appear or disappear when an area gains its first network or loses its last;
/// and the summaries of the whole site (sitemap, feed, `directory.json`), which are
/// marked stale and rebuilt by `refreshSummaries()`.
public final class BuildEngine {
    /// What an update changed.
    public struct Update: Sendable {
        /// Files whose bytes changed or that are new.
        public var written: [OutputFile]
        /// Output paths that no longer exist.
        public var removed: [String]
    }

    let loader: ContentLoader
    let renderer: SiteRenderer
    let settings: SiteSettings
    let gazetteer: Gazetteer
    let today: CalendarDate
    private let validator = Validator()
    private var files: [String: NetworkFile] = [:]
    private var loaderFindings: [String: [Diagnostic]] = [:]
    private var ruleFindings: [String: [Diagnostic]] = [:]
    private var pagePaths: Set<String> = []
    /// The current directory.
    public private(set) var directory: Directory
    /// Every output file by path, as a clean build would write it (summaries only after
    /// `refreshSummaries()` when they are stale).
    public private(set) var outputs: [String: [UInt8]] = [:]
    /// Whether the sitemap, feed and `directory.json` lag behind the last update.
    public private(set) var summariesAreStale = false

    /// Loads, checks and renders everything.
    public init(loader: ContentLoader, renderer: SiteRenderer, settings: SiteSettings, gazetteer: Gazetteer,
                today: CalendarDate) throws {
        self.loader = loader
        self.renderer = renderer
        self.settings = settings
        self.gazetteer = gazetteer
        self.today = today
        let paths = try loader.markdownPaths()
        for (contentPath, (file, found)) in zip(paths, ParallelMap.map(paths, loader.loadOne)) {
            if let file { files[contentPath] = file }
            loaderFindings[contentPath] = found
        }
        directory = Directory(files: Array(files.values), gazetteer: gazetteer)
        for finding in validator.check(directory, RuleContext(today: today)) {
            ruleFindings[finding.location.path, default: []].append(finding)
        }
        pagePaths = renderer.pagePaths(directory, settings: settings)
        for file in try renderer.render(directory, settings: settings, today: today, searchIndexed: false) {
            outputs[file.path] = file.bytes
        }
    }

    /// Every finding, sorted.
    public var diagnostics: [Diagnostic] {
        (Array(loaderFindings.values.joined()) + Array(ruleFindings.values.joined())).sorted()
    }

    /// Takes in edits to the files at `contentPaths` (relative to the content folder; a
    /// path whose file is gone counts as deleted) and updates findings and pages.
    public func update(_ contentPaths: [String]) throws -> Update {
        var changedAreas: Set<String> = []
        var changedDisplayPaths: Set<String> = []
        var replaced: [NetworkFile] = []
        var structural = false
        for contentPath in Set(contentPaths) {
            if let old = files[contentPath] {
                changedDisplayPaths.insert(old.path)
                if let code = old.network?.area.value { changedAreas.insert(code) }
            }
            let (file, found) = loader.loadOne(contentPath)
            let exists = FileManager.default.fileExists(atPath: loader.root.path + "/" + contentPath)
            loaderFindings[contentPath] = exists ? found : nil
            files[contentPath] = exists ? file : nil
            if let file {
                changedDisplayPaths.insert(file.path)
                if let code = file.network?.area.value { changedAreas.insert(code) }
                replaced.append(file)
            } else {
                structural = true
            }
        }
        let before = directory.networkCodes
        // An edit that keeps a file's path and area swaps it in place; anything else rebuilds.
        var next: Directory? = structural ? nil : directory
        for file in replaced { next = next?.replacing(file) }
        directory = next ?? Directory(files: Array(files.values), gazetteer: gazetteer)
        recheck(changedDisplayPaths, areas: changedAreas)
        return try rerender(areas: changedAreas, coverageChanged: before != directory.networkCodes)
    }

    /// Rebuilds the sitemap, feed and `directory.json` if an update left them stale.
    public func refreshSummaries() -> [OutputFile] {
        guard summariesAreStale else { return [] }
        var written: [OutputFile] = []
        renderer.renderAggregates(directory, settings: settings, today: today, searchIndexed: false) { file in
            if outputs[file.path] != file.bytes {
                outputs[file.path] = file.bytes
                written.append(file)
            }
        }
        summariesAreStale = false
        return written
    }
}

private extension BuildEngine {
    /// Areas `code` and everything above it, up to the whole country.
    func lineage(_ code: String) -> [String] {
        var codes = [code]
        var current = code
        while !current.isEmpty {
            current = String(current.dropLast(2))
            codes.append(current)
        }
        return codes
    }

    /// Checks again the changed files and the networks next to them in the hierarchy.
    func recheck(_ changedPaths: Set<String>, areas: Set<String>) {
        var scope = changedPaths
        for code in areas {
            for related in lineage(code) + gazetteer.children(of: code).map(\.code) {
                if let file = directory.file(forArea: related) { scope.insert(file.path) }
            }
        }
        // Files that claim one of these areas too (duplicates).
        for file in directory.allFiles where file.network.map({ areas.contains($0.area.value) }) ?? false {
            scope.insert(file.path)
        }
        for path in scope { ruleFindings[path] = nil }
        for finding in validator.check(directory.scoped(to: scope), RuleContext(today: today)) {
            ruleFindings[finding.location.path, default: []].append(finding)
        }
    }

    /// Renders the pages of the changed areas and of every area above them, and the pages
    /// that appeared; drops the pages that disappeared.
    func rerender(areas: Set<String>, coverageChanged: Bool) throws -> Update {
        // Which pages exist changes only when an area gains or loses its network; otherwise
        // only the edited areas' documents and data can come or go.
        var newPaths: Set<String>
        if coverageChanged {
            newPaths = renderer.pagePaths(directory, settings: settings)
        } else {
            newPaths = pagePaths
            for code in areas {
                for name in ["order/index.html", "regulation/index.html", "plan/index.html", "network.json"] {
                    newPaths.remove(SitePaths.folder(code) + name)
                }
            }
            newPaths.formUnion(renderer.pagePaths(ofAreas: areas, directory, settings: settings))
        }
        let removed = pagePaths.subtracting(newPaths).sorted()
        var wanted = newPaths.subtracting(pagePaths)
        for code in areas {
            for area in lineage(code) {
                let folder = SitePaths.folder(area)
                for name in ["index.html", "order/index.html", "regulation/index.html", "plan/index.html", "network.json"] {
                    let path = folder + name
                    if newPaths.contains(path) { wanted.insert(path) }
                }
            }
        }
        pagePaths = newPaths
        let rendered = try renderer.render(paths: wanted, directory, settings: settings, today: today, searchIndexed: false)
        var written: [OutputFile] = []
        for file in rendered where outputs[file.path] != file.bytes {
            outputs[file.path] = file.bytes
            written.append(file)
        }
        for path in removed { outputs[path] = nil }
        summariesAreStale = true
        return Update(written: written, removed: removed)
    }
}
