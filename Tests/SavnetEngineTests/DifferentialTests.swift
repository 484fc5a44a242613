import Foundation
import SavnetEngine
import SavnetLoading
import SavnetModel
import SavnetRendering
import SavnetTestSupport
import XCTest

/// Random edit sequences: after each sequence, the engine that took the edits one by one
/// and a build that opened the cache of the unedited site must both equal a clean build
/// of the edited content, file for file (digests) and finding for finding.
///
/// Edits: a member renamed, a member's name copied from another file (the same person
/// on two committees), a representation moved, a term date changed, a body
/// extended, a file broken, deleted, restored or added, a template changed, the site's
/// title changed. Each sequence has its own seed; a failure names it, and
/// `SAVNET_DIFFERENTIAL_SEED=<seed>` replays that one sequence.
///
/// `SAVNET_DIFFERENTIAL_SEQUENCES` sets how many sequences run (10 by default; CI runs 200).
final class DifferentialTests: XCTestCase {
    private let tool = "differential"
    private let site = SampleNetwork.site()

    func testRandomEditSequencesMatchACleanBuild() throws {
        let environment = ProcessInfo.processInfo.environment
        let seeds: [UInt64]
        if let seed = environment["SAVNET_DIFFERENTIAL_SEED"].flatMap(UInt64.init) {
            seeds = [seed]
        } else {
            let count = environment["SAVNET_DIFFERENTIAL_SEQUENCES"].flatMap(Int.init) ?? 10
            seeds = (1...max(count, 1)).map { UInt64($0) }
        }
        let content = try ContentFolder(site)
        defer { content.remove() }
        let loader = ContentLoader(root: content.url, displayRoot: "content")
        let baseTheme = try TestBuild.defaultTheme()
        let baseSettings = SiteSettings(baseURL: "https://example.org/savnet/")
        let base = try BuildEngine(loader: loader, renderer: SiteRenderer(theme: baseTheme), settings: baseSettings,
                                   gazetteer: .bundled, today: TestSite.today)
        let image = base.snapshot(tool: tool, mark: base.outputFingerprint, storeSize: nil)
        let cache = (state: Array(image.state.joined()), store: Array(image.store.joined()))
        var edits = 0
        for seed in seeds {
            try reset(content)
            var random = SplitMix64(seed: seed)
            var state = SequenceState(theme: baseTheme, settings: baseSettings)
            // The live engine starts from the cache of the unedited site, as `savnet serve` would.
            var live = try open(loader, state, cache)
            var log: [String] = []
            for _ in 0..<random.next(in: 1...5) {
                let edit = try apply(randomEdit(&random), content, &state, &random)
                log.append(edit.description)
                edits += 1
                switch edit.kind {
                case let .content(paths):
                    _ = try live.update(paths)
                case .renderer:
                    // A theme or settings change rebuilds from the cache (what `build` and
                    // `serve` do), over the live engine's own state.
                    let image = live.snapshot(tool: tool, mark: live.outputFingerprint, storeSize: nil)
                    live = try open(loader, state, (Array(image.state.joined()), Array(image.store.joined())))
                    _ = try live.renderChanges { _ in nil }
                }
            }
            _ = live.refreshSummaries()
            let clean = try BuildEngine(loader: loader, renderer: SiteRenderer(theme: state.theme), settings: state.settings,
                                        gazetteer: .bundled, today: TestSite.today)
            let context = "seed \(seed): " + log.joined(separator: "; ")
            compare(live, clean, "engine", context)
            let cached = try open(loader, state, cache)
            _ = try cached.renderChanges { base.outputs[$0] }
            _ = cached.refreshSummaries()
            compare(cached, clean, "cached build", context)
        }
        XCTAssertGreaterThanOrEqual(edits, seeds.count)
    }

    /// A province an areas file adds (letter codes, as `Benchmarks/generate.py --scale`
    /// writes) keeps its directory file in a build after an edit elsewhere: such a build
    /// once took `A0/directory.json` for some other file, and removed it.
    func testAProvinceOfAnAreasFileKeepsItsDataFileAfterAnEdit() throws {
        var files = site.files
        files["A0/_index.md"] = "---\nlevel: province\narea: \"A0\"\nname: เครือข่ายจังหวัดทดสอบ\n---\nข้อมูลสังเคราะห์\n"
        let gazetteer = Gazetteer.bundled.adding([Area(code: "A0", nameTH: "ทดสอบ", nameEN: "Test")])
        let content = try ContentFolder(TestSite(files))
        defer { content.remove() }
        let loader = ContentLoader(root: content.url, displayRoot: "content")
        let theme = try TestBuild.defaultTheme()
        let settings = SiteSettings(baseURL: "https://example.org/savnet/")
        let base = try BuildEngine(loader: loader, renderer: SiteRenderer(theme: theme), settings: settings,
                                   gazetteer: gazetteer, today: TestSite.today)
        XCTAssertNotNil(base.digests["A0/directory.json"], "the province's data file is written")
        let image = base.snapshot(tool: tool, mark: base.outputFingerprint, storeSize: nil)
        let path = "84/8409/_index.md"
        try content.write(path, try content.text(path) + "\nแก้ไข\n")
        let paths = try loader.markdownPaths()
        let (cached, status) = try BuildEngine.open(
            loader: loader, renderer: SiteRenderer(theme: theme), settings: settings, gazetteer: gazetteer,
            today: TestSite.today, searchIndexed: false, contents: Array(zip(paths, paths.map(loader.read))),
            cache: (Array(image.state.joined()), Array(image.store.joined())), tool: tool)
        guard case .used = status else { return XCTFail("the cache was not used: \(status)") }
        let update = try cached.renderChanges { base.outputs[$0] }
        XCTAssertFalse(update.removed.contains("A0/directory.json"), "\(update.removed)")
        _ = cached.refreshSummaries()
        let clean = try BuildEngine(loader: loader, renderer: SiteRenderer(theme: theme), settings: settings,
                                    gazetteer: gazetteer, today: TestSite.today)
        compare(cached, clean, "cached build", "an edit beside a letter-coded province")
        for code in ["84", "A0", "10", "Z9"] { XCTAssertTrue(DirectoryFragments.isDirectoryFile("\(code)/directory.json"), code) }
        for other in ["a0/directory.json", "8/directory.json", "840/directory.json", "84/areas.json", "84/directory.jsonx"] {
            XCTAssertFalse(DirectoryFragments.isDirectoryFile(other), other)
        }
    }

    // MARK: - Comparing

    private func compare(_ engine: BuildEngine, _ clean: BuildEngine, _ name: String, _ context: String) {
        XCTAssertEqual(engine.diagnostics, clean.diagnostics, "\(name) findings, \(context)")
        let paths = Set(engine.digests.keys).union(clean.digests.keys)
        let differing = paths.filter { engine.digests[$0] != clean.digests[$0] }.sorted()
        XCTAssertTrue(differing.isEmpty, "\(name): \(differing.prefix(5)) differ from a clean build, \(context)")
    }

    private func open(_ loader: ContentLoader, _ state: SequenceState, _ cache: (state: [UInt8], store: [UInt8])) throws -> BuildEngine {
        let paths = try loader.markdownPaths()
        let (engine, status) = try BuildEngine.open(
            loader: loader, renderer: SiteRenderer(theme: state.theme), settings: state.settings, gazetteer: .bundled,
            today: TestSite.today, searchIndexed: false, contents: Array(zip(paths, paths.map(loader.read))),
            cache: cache, tool: tool)
        guard case .used = status else {
            XCTFail("the cache was not used: \(status)")
            return engine
        }
        return engine
    }

    /// Puts the content folder back to the sample site.
    private func reset(_ content: ContentFolder) throws {
        let manager = FileManager.default
        if let items = manager.enumerator(at: content.url, includingPropertiesForKeys: nil) {
            for case let url as URL in items where url.pathExtension == "md" {
                let path = String(url.path.dropFirst(content.url.path.count + 1))
                if site.files[path] == nil { try manager.removeItem(at: url) }
            }
        }
        for (path, text) in site.files where (try? content.text(path)) != text { try content.write(path, text) }
    }

    // MARK: - Edits

    private struct SequenceState {
        var theme: Theme
        var settings: SiteSettings
    }

    private struct Edit: CustomStringConvertible {
        enum Kind { case content([String]), renderer }
        var kind: Kind
        var description: String
    }

    private enum EditKind: CaseIterable {
        case rename, copyMember, represent, termDate, body, breakFile, delete, restore, add, template, title
    }

    private func randomEdit(_ random: inout SplitMix64) -> EditKind {
        // Content edits are the common case; template and settings changes are rarer.
        let weights: [(EditKind, Int)] = [
            (.rename, 4), (.copyMember, 3), (.represent, 3), (.termDate, 2), (.body, 2), (.breakFile, 1), (.delete, 2), (.restore, 2),
            (.add, 3), (.template, 1), (.title, 1),
        ]
        var pick = random.next(in: 1...weights.reduce(0) { $0 + $1.1 })
        for (kind, weight) in weights {
            pick -= weight
            if pick <= 0 { return kind }
        }
        return .rename
    }

    private func existing(_ content: ContentFolder) -> [String] {
        site.files.keys.sorted().filter { FileManager.default.fileExists(atPath: content.url.appendingPathComponent($0).path) }
            + addable.filter { FileManager.default.fileExists(atPath: content.url.appendingPathComponent($0).path) }
    }

    /// Subdistrict files a sequence may add: a few subdistricts of the three districts.
    private var addable: [String] {
        ["8401", "8402"].flatMap { district in SampleNetwork.subdistricts(of: district).prefix(2).map { "84/\(district)/\($0).md" } }
    }

    private func apply(_ kind: EditKind, _ content: ContentFolder, _ state: inout SequenceState,
                       _ random: inout SplitMix64) throws -> Edit {
        let files = existing(content)
        func pick<T>(_ list: [T]) -> T? { list.isEmpty ? nil : list[random.next(in: 0...(list.count - 1))] }
        func rewrite(_ path: String, _ change: (String) -> String?) throws -> Edit? {
            let text = try content.text(path)
            guard let changed = change(text), changed != text else { return nil }
            try content.write(path, changed)
            return Edit(kind: .content([path]), description: "\(kind) \(path)")
        }
        switch kind {
        case .rename:
            if let path = pick(files), let edit = try rewrite(path, { text in
                let lines = text.components(separatedBy: "\n")
                let names = lines.indices.filter { lines[$0].hasPrefix("    name: ") }
                guard let line = pick(names) else { return nil }
                var changed = lines
                changed[line] += " ก\(random.next(in: 1...9))"
                return changed.joined(separator: "\n")
            }) { return edit }
        case .copyMember:
            // Another file's member on this committee: the copy warning of whichever file
            // is later by path depends on both.
            if let path = pick(files), let source = pick(files.filter { $0 != path }),
               let sourceNames = Optional(try content.text(source).components(separatedBy: "\n").filter { $0.hasPrefix("    name: ") }),
               let edit = try rewrite(path, { text in
                   var lines = text.components(separatedBy: "\n")
                   guard let line = pick(lines.indices.filter { lines[$0].hasPrefix("    name: ") }), let name = pick(sourceNames)
                   else { return nil }
                   lines[line] = name
                   return lines.joined(separator: "\n")
               }) { return edit }
        case .represent:
            if let path = pick(files.filter { $0.hasSuffix("_index.md") && $0.count > 12 }), let edit = try rewrite(path, { text in
                let district = String(path.dropFirst(3).prefix(4))
                let children = SampleNetwork.subdistricts(of: district)
                guard let from = pick(children), let to = pick(children), from != to,
                      let range = text.range(of: "represents: \"\(from)\"") else { return nil }
                return text.replacingCharacters(in: range, with: "represents: \"\(to)\"")
            }) { return edit }
        case .termDate:
            if let path = pick(files), let edit = try rewrite(path, { text in
                guard let range = text.range(of: #"  start: \d{4}-\d{2}-\d{2}"#, options: .regularExpression) else { return nil }
                return text.replacingCharacters(in: range, with: "  start: 256\(random.next(in: 0...6))-0\(random.next(in: 1...9))-15")
            }) { return edit }
        case .body:
            if let path = pick(files), let edit = try rewrite(path, { $0 + "\n## ตอนที่ \(random.next(in: 1...99))\n\nข้อความ\n" }) {
                return edit
            }
        case .breakFile:
            if let path = pick(files), let edit = try rewrite(path, { $0.replacingOccurrences(of: "term:\n", with: "term: [\n") }) {
                return edit
            }
        case .delete:
            if files.count > 2, let path = pick(files) {
                try FileManager.default.removeItem(at: content.url.appendingPathComponent(path))
                return Edit(kind: .content([path]), description: "delete \(path)")
            }
        case .restore:
            if let path = pick(site.files.keys.sorted()), let original = site.files[path], (try? content.text(path)) != original {
                try content.write(path, original)
                return Edit(kind: .content([path]), description: "restore \(path)")
            }
        case .add:
            if let path = pick(addable.filter { !files.contains($0) }) {
                let code = String(path.split(separator: "/").last!.dropLast(3))
                try content.write(path, SampleNetwork.subdistrict(code))
                return Edit(kind: .content([path]), description: "add \(path)")
            }
        case .template:
            let names = ["key-facts", "committee", "district", "subdistrict", "no-network", "layout", "finance"]
            if let name = pick(names) {
                state.theme.templates[name, default: ""] += "\n<p>แก้แม่แบบ \(random.next(in: 1...99))</p>\n"
                return Edit(kind: .renderer, description: "template \(name)")
            }
        case .title:
            state.settings.title = "ทำเนียบ \(random.next(in: 1...99))"
            return Edit(kind: .renderer, description: "title")
        }
        // Nothing to do for this kind right now: a body edit always applies.
        let path = files.first ?? site.files.keys.sorted()[0]
        if !files.contains(path) { try content.write(path, site.files[path]!) }
        return try rewrite(path, { $0 + "\nอีกย่อหน้า\n" }) ?? Edit(kind: .content([path]), description: "touch \(path)")
    }
}
