import Foundation
import SavnetModel

/// Turns the directory into the files of the site: a page per area, printable documents
/// per network, search page, feeds and data. Pure: returns files, writes nothing.
public struct SiteRenderer: Sendable {
    let templates: TemplateSet
    let theme: Theme
    /// For each template, a digest of its text and of every template it includes or
    /// extends, directly or not: a page needs rendering again exactly when its template's
    /// version changed.
    public let templateVersions: [String: ContentDigest]

    /// Compiles the theme's templates; a template that does not parse is an error naming it.
    public init(theme: Theme) throws {
        var parsed: [String: Template] = [:]
        for (name, text) in theme.templates.sorted(by: { $0.key < $1.key }) {
            do {
                parsed[name] = try Template(name: name, text: text)
            } catch {
                throw RenderError.template(name: name, reason: error.description)
            }
        }
        for required in Self.requiredTemplates where parsed[required] == nil {
            throw RenderError.missingTemplate(required)
        }
        let problems = TemplateCheck.problems(parsed, viewKeys: Self.viewKeys)
        if !problems.isEmpty { throw RenderError.problems(problems) }
        templates = TemplateSet(parsed)
        self.theme = theme
        templateVersions = Self.versions(of: parsed, texts: theme.templates)
    }

    /// The template a page path is rendered with; nil for data files (`network.json`),
    /// which use no template, and for paths that are no page.
    public static func templateName(forPage path: String) -> String? { Route(path: path)?.template }

    /// Digests of each template together with the templates it names in `{{>partial}}`
    /// and `{{<parent}}` tags, followed transitively.
    static func versions(of templates: [String: Template], texts: [String: String]) -> [String: ContentDigest] {
        let references = templates.mapValues { template in
            Set(template.tags.filter { $0.sigil == ">" || $0.sigil == "<" }.map(\.name))
        }
        var versions: [String: ContentDigest] = [:]
        for name in templates.keys {
            var closure: Set<String> = [name]
            var queue = [name]
            while let next = queue.popLast() {
                for reference in references[next] ?? [] where closure.insert(reference).inserted { queue.append(reference) }
            }
            // A missing partial differs from an empty one.
            versions[name] = ContentDigest(combining: closure.sorted().flatMap { [$0, texts[$0].map { "+" + $0 } ?? "-"] })
        }
        return versions
    }

    /// Every name the site's views give templates (a test keeps this list equal to the
    /// names the views of a full sample site hold).
    public static let viewKeys: Set<String> = [
        "accounts", "acting", "activities", "adopted", "advisors", "areaName", "asOf", "background", "badge", "bank",
        "basis", "body", "branch", "breadcrumbs", "budget", "canonical", "cells", "chairName", "chapters",
        "children", "clauses", "closing", "code", "columns", "committee", "contacts", "count", "covered", "date",
        "deadline", "deliverables", "description", "district", "districts", "duties", "email", "end", "expenses",
        "expired", "expiring", "fiscalYear", "founded", "fundBalance", "funds", "groups", "hasAdvisors",
        "hasContent", "hasGroups", "hasNetwork", "hasPeople", "hasPlan", "hasRegulation", "hasRepresentatives",
        "hasSources", "heading", "id", "income", "indicator", "issuer", "items", "known", "label", "letter", "loans",
        "members", "monthHeaders", "months", "name", "names", "network", "networkName", "networks", "noindex",
        "nomineeNames", "nominees", "nomineesReported", "number", "office", "on", "order", "own", "people", "phone",
        "plan", "position", "preamble", "provinces", "regions", "regulation", "regulationAdopted", "reported",
        "reporter", "reporterTitle", "representatives", "represents", "representsHeader", "representsURL",
        "responsible", "role", "rollUp", "root", "rows", "savings", "searchable", "searchIndexed", "share",
        "signatories", "signer", "signerTitle", "site", "sources", "start", "status", "statusDate", "statusLabel",
        "subdistricts", "subject", "term", "termText", "text", "tileMap", "title", "total", "url", "village",
        "withData", "withdrawal",
    ]

    /// The templates every theme must provide (a site theme inherits the default's).
    public static let requiredTemplates = [
        "layout", "home", "province", "district", "subdistrict", "search", "404",
        "document", "order", "regulation", "plan",
    ]

    /// Every file of the site, sorted by path.
    public func render(_ directory: Directory, settings: SiteSettings, today: CalendarDate, searchIndexed: Bool) throws
        -> [OutputFile] {
        let collected = Collector()
        try render(directory, settings: settings, today: today, searchIndexed: searchIndexed) { collected.add($0) }
        return collected.files.sorted { $0.path < $1.path }
    }

    /// Renders every file of the site and hands each to `emit` as soon as it is ready,
    /// from several threads at once (pages render on every core), so writing can overlap
    /// rendering and the whole site need not sit in memory. Each file's bytes do not
    /// depend on the order.
    public func render(
        _ directory: Directory, settings: SiteSettings, today: CalendarDate, searchIndexed: Bool,
        fragments: DirectoryFragments? = nil, reads: (@Sendable (String, Set<DirectoryRead>) -> Void)? = nil,
        emit: @Sendable (OutputFile) -> Void
    ) throws {
        // The summaries (feed, sitemap, directory files, search index) are a few long tasks
        // that would run alone after the pages, on one core: they run on a thread of their
        // own while the pages render on every core, and the site is done when both are.
        try withoutActuallyEscaping(emit) { emit in
            // The thread object outlives its work: it holds `emit` through a box that is
            // emptied once the work is done, so that nothing keeps `emit` past this call.
            let handoff = Handoff(emit)
            let done = DispatchSemaphore(value: 0)
            let summaries = Thread { [self] in
                renderAggregates(directory, settings: settings, today: today, searchIndexed: searchIndexed,
                                 fragments: fragments) { handoff.emit!($0) }
                done.signal()
            }
            summaries.stackSize = 8 << 20
            summaries.start()
            defer {
                done.wait()
                handoff.emit = nil
            }
            try render(paths: nil, directory, settings: settings, today: today, searchIndexed: searchIndexed, reads: reads,
                       emit: emit)
        }
    }

    /// `emit`, handed to the summaries' thread.
    private final class Handoff: @unchecked Sendable {
        var emit: (@Sendable (OutputFile) -> Void)?
        init(_ emit: @escaping @Sendable (OutputFile) -> Void) { self.emit = emit }
    }

    /// The pages (and each network's `network.json` beside its page) whose paths are in
    /// `paths`, or all of them when `paths` is nil. `rollUps`, when given, must be the
    /// directory's table for `today` (the engine keeps one up to date). `reads`, when
    /// given, receives each file's path with what rendering it read from the directory.
    public func render(
        paths: Set<String>?, _ directory: Directory, settings: SiteSettings, today: CalendarDate, searchIndexed: Bool,
        rollUps: RollUpTable? = nil, reads: (@Sendable (String, Set<DirectoryRead>) -> Void)? = nil,
        emit: @Sendable (OutputFile) -> Void
    ) throws {
        let site = SiteContext(directory: directory, settings: settings, today: today, searchIndexed: searchIndexed,
                               rollUps: rollUps)
        // Every page, or just the pages named (found by their paths, not by listing the site).
        let pages: [Page]
        if let paths {
            var wanted: Set<String> = []
            for path in paths {
                // A network's data is rendered with its page.
                if let route = Route(path: path), route.kind == .data {
                    wanted.insert(Route.page(of: route.code).path)
                } else {
                    wanted.insert(path)
                }
            }
            pages = wanted.sorted().compactMap(site.page(at:))
        } else {
            pages = site.pages()
        }
        let failures = ParallelMap.map(pages) { page -> RenderError? in
            do {
                if paths?.contains(page.path) ?? true {
                    if let reads {
                        let log = ReadLog()
                        emit(try render(page, site.recording(into: log)))
                        reads(page.path, log.reads)
                    } else {
                        emit(try render(page, site))
                    }
                }
                let log = reads == nil ? nil : ReadLog()
                if let (network, area) = (log.map(site.recording(into:)) ?? site).dataNetwork(for: page) {
                    let data = Route(kind: .data, code: AreaCode(unchecked: area.code)).path
                    if paths?.contains(data) ?? true {
                        // The data reads nothing but its network.
                        emit(DataExport.networkFile(network, area: area))
                        if let reads, let log { reads(data, log.reads) }
                    }
                }
                return nil
            } catch let error as RenderError {
                return error
            } catch {
                return .emptyPage(page.path)
            }
        }
        if let failure = failures.compactMap({ $0 }).first { throw failure }
    }

    /// The pages and data files whose paths are in `paths`, sorted by path.
    public func render(paths: Set<String>, _ directory: Directory, settings: SiteSettings, today: CalendarDate,
                       searchIndexed: Bool, rollUps: RollUpTable? = nil,
                       reads: (@Sendable (String, Set<DirectoryRead>) -> Void)? = nil) throws -> [OutputFile] {
        let collected = Collector()
        try render(paths: paths, directory, settings: settings, today: today, searchIndexed: searchIndexed,
                   rollUps: rollUps, reads: reads) { collected.add($0) }
        return collected.files.sorted { $0.path < $1.path }
    }

    /// The page, document and data paths of the given areas only (for updating a page list
    /// after edits that did not change which areas have networks).
    public func pagePaths(ofAreas codes: Set<String>, _ directory: Directory, settings: SiteSettings) -> Set<String> {
        let site = SiteContext(directory: directory, settings: settings, today: CalendarDate(year: 2000, month: 1, day: 1)!,
                               searchIndexed: false, sumRollUps: false)
        return Set(codes.flatMap(site.paths(ofArea:)))
    }

    /// Every page and data file path the site has for this content.
    public func pagePaths(_ directory: Directory, settings: SiteSettings) -> Set<String> {
        let site = SiteContext(directory: directory, settings: settings, today: CalendarDate(year: 2000, month: 1, day: 1)!,
                               searchIndexed: false, sumRollUps: false)
        var paths: Set<String> = []
        for page in site.pages() {
            paths.insert(page.path)
            if let (_, area) = site.dataNetwork(for: page) { paths.insert(Route(kind: .data, code: AreaCode(unchecked: area.code)).path) }
        }
        return paths
    }

    /// The files that summarise the whole site: assets, sitemap, feed, robots, the list
    /// of areas and the directory data (`directory.json` and each province's
    /// `PP/directory.json`). `fragments` keeps each network's part of the directory files
    /// between calls. `scope` leaves out the files known to be as last written (the
    /// engine knows what an edit changed); `lastChanged`, when given, is each network's
    /// latest date as `Feeds.lastChanged(of:)` finds it (the engine keeps it up to date).
    public func renderAggregates(
        _ directory: Directory, settings: SiteSettings, today: CalendarDate, searchIndexed: Bool,
        fragments: DirectoryFragments? = nil, scope: SummaryScope = .everything,
        lastChanged: [String: CalendarDate]? = nil, emit: (OutputFile) -> Void
    ) {
        // Summaries use no roll-ups; skip summing them.
        let site = SiteContext(directory: directory, settings: settings, today: today, searchIndexed: searchIndexed,
                               sumRollUps: false)
        for (path, bytes) in theme.assets.sorted(by: { $0.key < $1.key }) { emit(OutputFile(path: "assets/" + path, bytes: bytes)) }
        Feeds(site: site).files(sitemap: scope.sitemap, lastChanged: lastChanged ?? Feeds.lastChanged(of: directory)).forEach(emit)
        if scope.areaList { emit(AreaList(site: site).file()) }
        DataExport(site: site).directoryFiles(fragments: fragments, only: scope.directoryGroups, emit: emit)
        if searchIndexed { SearchIndex(site: site).files().forEach(emit) }
    }
}

/// Which whole-site files a refresh writes again; the others are as last written.
public struct SummaryScope: Sendable, Equatable {
    /// The groups whose directory file is stale (a province's `PP/directory.json`, or ""
    /// for `directory.json`, which also lists the provinces); nil for all of them.
    public var directoryGroups: Set<String>?
    /// `sitemap.xml` and `robots.txt`: the page list, each area's latest date, the base URL.
    public var sitemap: Bool
    /// `areas.json`: which areas have a page.
    public var areaList: Bool

    public init(directoryGroups: Set<String>?, sitemap: Bool, areaList: Bool) {
        (self.directoryGroups, self.sitemap, self.areaList) = (directoryGroups, sitemap, areaList)
    }

    /// Every file.
    public static let everything = SummaryScope(directoryGroups: nil, sitemap: true, areaList: true)
    /// Only the files written every time (assets, feed, search index).
    public static let nothing = SummaryScope(directoryGroups: [], sitemap: false, areaList: false)

    /// Both scopes' files.
    public mutating func formUnion(_ other: SummaryScope) {
        if let mine = directoryGroups, let theirs = other.directoryGroups {
            directoryGroups = mine.union(theirs)
        } else {
            directoryGroups = nil
        }
        sitemap = sitemap || other.sitemap
        areaList = areaList || other.areaList
    }

    /// Whether a refresh in this scope writes `path`, one of the summaries.
    public func writes(_ path: String) -> Bool {
        switch path {
        case "sitemap.xml", "robots.txt": return sitemap
        case "areas.json": return areaList
        default:
            guard DirectoryFragments.isDirectoryFile(path) else { return true }
            return directoryGroups?.contains(DirectoryFragments.group(ofPath: path)) ?? true
        }
    }
}

/// Why the site could not be rendered.
public enum RenderError: Error, Equatable, CustomStringConvertible {
    /// A template does not parse.
    case template(name: String, reason: String)
    /// A template the site needs is in no theme.
    case missingTemplate(String)
    /// Rendering a page produced nothing (a template named in a partial is missing).
    case emptyPage(String)
    /// A template names a partial or parent no theme has.
    case missingPartial(template: String, line: Int, partial: String, suggestion: String?)
    /// A template reads a name no view provides.
    case unknownKey(template: String, line: Int, key: String, suggestion: String?)
    /// Templates include each other in a circle.
    case recursivePartial(template: String, line: Int, cycle: [String])
    /// Several of the above.
    case problems([RenderError])

    public var description: String {
        switch self {
        case let .missingPartial(template, line, partial, suggestion):
            return "\(template).mustache:\(line): no template named '\(partial)' to include"
                + (suggestion.map { " (did you mean '\($0)'?)" } ?? "; add \(partial).mustache to the theme or remove the tag")
        case let .unknownKey(template, line, key, suggestion):
            return "\(template).mustache:\(line): '\(key)' is not a name the site's pages provide"
                + (suggestion.map { " (did you mean '\($0)'?)" } ?? "; docs/site.md lists the names templates can use")
        case let .recursivePartial(template, line, cycle):
            return "\(template).mustache:\(line): templates include each other in a circle (\(cycle.joined(separator: " → ")))"
        case let .problems(all):
            return "the theme's templates have \(all.count) \(all.count == 1 ? "problem" : "problems"):\n"
                + all.map { "  " + $0.description }.joined(separator: "\n")
        case let .template(name, reason): return "template \(name).mustache does not parse: \(reason)"
        case let .missingTemplate(name): return "the theme has no \(name).mustache template"
        case let .emptyPage(path): return "rendering \(path) produced nothing"
        }
    }
}

extension SiteRenderer {
    func render(_ page: Page, _ site: SiteContext) throws -> OutputFile {
        let (template, context) = site.context(for: page)
        guard let html = templates.render(template, context) else {
            throw RenderError.missingTemplate(template)
        }
        return OutputFile(path: page.path, bytes: html.withUnsafeBufferPointer(ThaiLineBreaks.apply(bytes:)))
    }
}

/// Gathers emitted files from several threads.
private final class Collector: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var files: [OutputFile] = []

    func add(_ file: OutputFile) {
        lock.lock()
        files.append(file)
        lock.unlock()
    }
}
