import ArgumentParser
import Dispatch
import Foundation
import SavnetEngine
import SavnetLoading
import SavnetModel
import SavnetOutput
import SavnetRendering

/// `savnet build`: check, then render the site into a fresh folder and swap it into place.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Check the content, then build the public directory site.",
        discussion: """
        Reads the settings from savnet.yml when it exists (title, base_url, theme, output, \
        content, search), checks every network file exactly like `savnet check`, and builds \
        the site only when there are no errors (status notes, such as an expired term or a \
        late deliverable, are published and never stop it). A whole build renders into a \
        new folder beside the output and swaps it in at the end, so a failed or \
        interrupted build leaves the previous site as it was.

        Your files are safe: savnet replaces only what it wrote (the output's \
        .savnet-build lists it), keeps everything else in the output, refuses an output \
        that is or holds the project, content/, themes/ or .savnet/, and refuses a folder \
        of someone else's files unless --force.

        Build cache: the build keeps what it worked out in .savnet/cache/ (keep it out of \
        git). The next build parses, checks and renders only what changed since, and \
        updates the output in place through a journal (an interrupted update is finished \
        by the next build); the result is always the same as a clean build. --no-cache \
        builds everything afresh into a new folder.

        Search: the site carries its own search index (search/), written from the \
        directory's names with the pages; `search: off` in savnet.yml or --no-search \
        leaves it out.

        Examples:
          savnet build
          savnet build --output public --base-url https://example.org/savnet/
          savnet build --no-search --today 2567-01-01
          savnet build --output docs --force
          savnet build --no-cache
        """
    )

    @Option(help: "The content folder (default: from savnet.yml, else content).")
    var content: String?

    @Option(help: "The output folder (default: from savnet.yml, else site).")
    var output: String?

    @Option(help: "The theme: a folder under themes/ whose files override the default theme's.")
    var theme: String?

    @Option(help: "The address the site will be served from (for the sitemap and feed).")
    var baseURL: String?

    @Flag(help: "Do not index the site for search.")
    var noSearch = false

    @Flag(help: "Neither read nor write the build cache (.savnet/cache/): parse, check and render everything.")
    var noCache = false

    @Flag(help: ArgumentHelp(
        "Build into an output folder that holds files savnet did not write.",
        discussion: "Without it such a folder is refused. Its files are kept unless the site has a file of the same name."))
    var force = false

    @OptionGroup var options: CheckOptions

    func run() throws {
        do {
            try build()
        } catch let error as WriterError {
            // Every write goes to a staging folder or through an undoable journal first.
            throw WriterError.failed("\(error); the previous site in \(output ?? "the output folder") was not changed")
        }
    }

    private func build() throws {
        let started = DispatchTime.now()
        let thai = options.language == .th
        func elapsed() -> String {
            String(format: "%.2f", Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9)
        }
        let project = try options.open()
        let settings = try resolvedSettings(project)
        let today = try options.resolvedToday(settings)
        let gazetteer = try options.gazetteer(settings, project)
        // The line-break lexicon is built on another core while this one reads the content.
        Thread.detachNewThread { ThaiLineBreaks.prepare() }
        // The search index is savnet's own (search/), written with the pages.
        let searchIndexed = settings.search != .off
        let themeData: Theme
        do {
            themeData = try ThemeLoader.load(themes: URL(fileURLWithPath: "themes"), name: settings.theme)
        } catch {
            throw ValidationError("\(error): a theme is a folder in \(project.folder)/themes/ holding the templates and files it changes")
        }
        let renderer = try SiteRenderer(theme: themeData)
        let outputURL = URL(fileURLWithPath: settings.output)
        let guarded = outputGuard(settings, project)
        try guarded.checkPlace()
        // One build at a time writes beside this output, cached or not.
        try OutputLock.acquire(for: outputURL) {
            Console.status(thai ? "กำลังรอ savnet อีกงานที่สร้างเว็บไซต์ลง \(settings.output)/ ให้เสร็จก่อน…"
                                : "waiting for another savnet build into \(settings.output)/ to finish…")
        }
        // A swap or update a killed build left half done is finished (or undone) before
        // the output's manifest is looked at, by this build or its cache.
        let writer = SiteWriter(output: outputURL)
        writer.recoverInterruptedWork()
        try guarded.checkOwnership(force: force)
        var clock = PhaseClock()
        defer { clock.report() }

        // Read every content file; the cache tells which of them changed since the last build.
        let loader = ContentLoader(root: URL(fileURLWithPath: settings.content),
                                   displayRoot: ContentCheck.displayPath(settings.content))
        let paths: [String]
        let skipped: [Diagnostic]
        do {
            (paths, skipped) = try loader.listing()
        } catch let error as ContentLoaderError {
            throw ValidationError("\(error): set `content:` in savnet.yml or pass --content")
        }
        let progress = Progress()
        progress.update(thai ? "กำลังอ่าน \(paths.count) ไฟล์…" : "reading \(paths.count) content files…", force: true)
        let contents = loader.contents(of: paths)
        clock.lap("read")
        progress.update(thai ? "กำลังตรวจ \(paths.count) ไฟล์…" : "checking \(paths.count) content files…", force: true)
        let cache = CacheFile(disabled: noCache)
        cache.lock { Console.status("waiting for another savnet build in this folder to finish…") }
        let (engine, status) = try BuildEngine.open(
            loader: loader, renderer: renderer, settings: settings, gazetteer: gazetteer, today: today,
            searchIndexed: searchIndexed, contents: contents, cache: cache.load(), tool: cache.tool)
        clock.lap("load and check")
        progress.clear()
        let report = ContentCheck(directory: engine.directory, diagnostics: (engine.diagnostics + skipped).sorted(),
                                  fileCount: engine.fileCount)
        if options.report(report) > 0 {
            Console.status(thai ? "หยุดสร้างเว็บไซต์ แก้ข้อผิดพลาดข้างบนก่อน \(settings.output)/ ยังเป็นฉบับเดิม"
                                : "build stopped: fix the errors above; \(settings.output)/ was not changed")
            throw ExitCode(1)
        }

        let mark: String
        if case let .used(changed) = status, engine.canUpdate(outputMarkedWith: writer.mark()) {
            // The output is the one the cache describes: change only what differs.
            let update = try engine.renderChanges { SiteWriter.read(settings.output + "/" + $0) }
            clock.lap("render")
            mark = engine.outputFingerprint
            if !update.written.isEmpty || !update.removed.isEmpty {
                let applied = try writer.update(written: update.written, removed: update.removed, mark: mark)
                clock.lap("write")
                applied.commit()
            }
            Console.status(thai
                ? "ปรับปรุง \(settings.output)/ ใน \(elapsed()) วินาที เขียน \(update.written.count) ไฟล์ ลบ \(update.removed.count) ไฟล์ "
                    + "(ไฟล์เนื้อหาเปลี่ยน \(changed) ไฟล์นับจากครั้งก่อน)"
                : "updated \(settings.output)/ in \(elapsed()) s: "
                    + "\(update.written.count) files written, \(update.removed.count) removed "
                    + "(\(changed) content \(changed == 1 ? "file" : "files") changed since the last build)")
        } else {
            mark = try buildWhole(engine, writer: writer, clock: &clock, progress: progress, thai: thai)
            let (pages, fileCount) = engine.pageAndFileCounts
            Console.status(thai ? "สร้าง \(pages) หน้า (\(fileCount) ไฟล์) ลง \(settings.output)/ ใน \(elapsed()) วินาที"
                                : "built \(pages) pages (\(fileCount) files) into \(settings.output)/ in \(elapsed()) s")
        }
        if case let .stale(reason) = status {
            Console.status(thai ? "ไม่ได้ใช้แคชการสร้าง (\(reason))" : "build cache: not used: \(reason)")
        }
        if !engine.matchesRestoredCache || mark != engine.outputMark {
            cache.save(engine, mark: mark) { Console.status($0) }
            clock.lap("save cache")
        }
        // The process ends here: freeing the whole directory object by object would only
        // cost time (a quarter of a second at national scale).
        _ = Unmanaged.passRetained(engine)
    }

    /// Renders every file into a fresh folder and swaps it in for the output.
    private func buildWhole(_ engine: BuildEngine, writer: SiteWriter, clock: inout PhaseClock,
                            progress: Progress, thai: Bool) throws -> String {
        let folder = try writer.makeStaging()
        defer { progress.clear() }
        let staging: URL
        let mark: String
        do {
            // Pages are written while the next ones render.
            try engine.renderAll { file in
                folder.add(file)
                progress.count { thai ? "เขียนแล้ว \($0) ไฟล์…" : "\($0) files written…" }
            }
            mark = engine.outputFingerprint
            clock.lap("render")
            staging = try folder.finish()
            clock.lap("write")
        } catch {
            _ = try? folder.finish()
            writer.discard(folder.url)
            throw error
        }
        do {
            let paths = folder.paths
            let manifest = staging.path + "/" + SiteWriter.markName
            guard SiteWriter.write(SiteWriter.manifest(mark: mark, paths: paths), to: manifest) else {
                throw WriterError.failed("cannot write \(manifest): \(String(cString: strerror(errno)))")
            }
            let report = try writer.commit(staging)
            clock.lap("swap")
            if !report.replaced.isEmpty {
                Console.status("replaced \(report.replaced.count) files in \(writer.output.relativePath)/ that savnet had not written: "
                    + report.replaced.prefix(5).joined(separator: ", ") + (report.replaced.count > 5 ? ", …" : ""))
            }
        } catch {
            writer.discard(staging)
            throw error
        }
        return mark
    }

    /// savnet.yml, then the command-line options on top.
    func resolvedSettings(_ project: Project) throws -> SiteSettings {
        var settings = try options.settings(project)
        if let content { settings.content = project.argument(content) }
        if let output { settings.output = output.isEmpty ? "" : project.argument(output) }
        if let theme { settings.theme = theme }
        if let baseURL { settings.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/" }
        if noSearch { settings.search = .off }
        guard !settings.output.isEmpty else {
            throw ValidationError("the output folder is empty: choose a folder of its own, such as site")
        }
        return settings
    }

    /// What the output must keep clear of, judged on real paths: the working folder, the
    /// settings file's folder, the content, the themes, the cache and git's folder.
    private func outputGuard(_ settings: SiteSettings, _ project: Project) -> OutputGuard {
        let working = project.invokedIn
        let project = project.folder
        return OutputGuard(output: settings.output, protected: [
            (working, "the working folder", false),
            (project, "the folder of the settings file", false),
            (settings.content, "the content folder", true),
            ("themes", "the themes folder", true),
            (".savnet", "savnet's cache folder", true),
            (project + "/.git", "git's folder", true),
            (working + "/.git", "git's folder", true),
        ])
    }
}
