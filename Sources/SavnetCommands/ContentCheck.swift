import ArgumentParser
import Foundation
import SavnetEngine
import SavnetLoading
import SavnetModel
import SavnetRendering
import SavnetRules

/// `savnet check` and the commands built on it (diff, report, export): the content
/// folder read and parsed, then `CheckPipeline` (the one the build engine and the tests
/// use) builds the hierarchy and runs the rules.
struct ContentCheck {
    /// The directory built from the content.
    var directory: Directory
    /// Loader and rule findings together, sorted.
    var diagnostics: [Diagnostic]
    /// How many content files were read.
    var fileCount: Int
    /// The text of each file with findings, by display path, for showing source lines
    /// (a build restored from its cache decodes only those files' text).
    var sources: [String: String] {
        let shown = Set(diagnostics.map(\.location.path))
        return Dictionary(directory.allFiles.filter { shown.contains($0.path) }.map { ($0.path, $0.raw) },
                          uniquingKeysWith: { first, _ in first })
    }

    /// Keeps the findings, and counts the files, that `includes` selects by display path.
    mutating func keep(_ includes: (String) -> Bool) {
        diagnostics = diagnostics.filter { includes($0.location.path) }
        fileCount = ContentLoader.fileCount(parsed: directory.allFiles.filter { includes($0.path) }.count, findings: diagnostics)
    }

    /// Runs the pipeline on the content folder at `path` (as the user wrote it), its files
    /// shown under `shown` (default: `path`; `diff` reads a revision from elsewhere).
    static func run(path: String, shown: String? = nil, today: CalendarDate, gazetteer: Gazetteer = .bundled) throws -> ContentCheck {
        var clock = PhaseClock()
        defer { clock.report() }
        var loaded = try load(path: path, shown: shown, gazetteer: gazetteer)
        clock.lap("load and hierarchy")
        let found = CheckPipeline(gazetteer: gazetteer).findings(loaded.directory, today: today)
        clock.lap("rules")
        loaded.diagnostics = (loaded.diagnostics + found).sorted()
        return loaded
    }

    /// The findings `run` would give on the settings' content folder, taken from the last
    /// build's cache (`.savnet/cache/`, read only): every file is read and compared with
    /// its digest there, and only the files that changed since, and those whose checks
    /// read what changed, are parsed and checked again, as a build after an edit does.
    /// Nil, for a check from scratch, when there is no cache, a build holds it, it does
    /// not apply (see `BuildEngine.restored`), or the theme the build engine needs cannot
    /// be loaded.
    static func fromBuildCache(settings: SiteSettings, today: CalendarDate, gazetteer: Gazetteer) -> ContentCheck? {
        let cache = CacheFile(disabled: false)
        guard cache.lockShared(), let cached = cache.load(),
              let theme = try? ThemeLoader.load(themes: URL(fileURLWithPath: "themes"), name: settings.theme),
              let renderer = try? SiteRenderer(theme: theme) else { return nil }
        var clock = PhaseClock()
        defer { clock.report() }
        let loader = ContentLoader(root: URL(fileURLWithPath: settings.content), displayRoot: displayPath(settings.content))
        guard let (paths, skipped) = try? loader.listing() else { return nil }
        let contents = loader.contents(of: paths)
        clock.lap("read")
        guard let engine = BuildEngine.restored(
            loader: loader, renderer: renderer, settings: settings, gazetteer: gazetteer, today: today,
            searchIndexed: settings.search != .off, contents: contents, cache: cached, tool: cache.tool) else { return nil }
        clock.lap("restore and check")
        // The process ends soon: the engine is not freed object by object.
        _ = Unmanaged.passRetained(engine)
        return ContentCheck(directory: engine.directory, diagnostics: (engine.diagnostics + skipped).sorted(),
                            fileCount: engine.fileCount)
    }

    /// The first half of the pipeline, for commands that read the directory but report no
    /// findings (`report`, `export`): load and build the hierarchy; no rules run.
    static func load(path: String, shown: String? = nil, gazetteer: Gazetteer = .bundled) throws -> ContentCheck {
        let loader = ContentLoader(root: URL(fileURLWithPath: path), displayRoot: displayPath(shown ?? path))
        let loaded: (files: [NetworkFile], diagnostics: [Diagnostic])
        do {
            loaded = try loader.load()
        } catch let error as ContentLoaderError {
            throw ValidationError("\(error): give the folder that holds the network files, e.g. `savnet check content`")
        }
        return ContentCheck(directory: CheckPipeline(gazetteer: gazetteer).directory(loaded.files), diagnostics: loaded.diagnostics,
                            fileCount: ContentLoader.fileCount(parsed: loaded.files.count, findings: loaded.diagnostics))
    }

    /// The path as shown in diagnostics: relative to the working directory when inside it.
    static func displayPath(_ path: String) -> String {
        var shown = path
        let cwd = FileManager.default.currentDirectoryPath
        if shown.hasPrefix(cwd + "/") { shown = String(shown.dropFirst(cwd.count + 1)) }
        while shown.hasPrefix("./") { shown = String(shown.dropFirst(2)) }
        while shown.count > 1, shown.hasSuffix("/") { shown = String(shown.dropLast()) }
        return shown == "." ? "" : shown
    }
}
