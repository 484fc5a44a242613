import ArgumentParser
import Dispatch
import Foundation
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
        the site only when there are no errors. The site is built in a new folder beside \
        the output and swapped in at the end, so a failed or interrupted build leaves the \
        previous site as it was.

        Search: when Pagefind's extended build is installed (`pip install \
        pagefind-bin-extended`), the site is indexed for Thai-aware search.

        Examples:
          savnet build
          savnet build --output public --base-url https://example.org/savnet/
          savnet build --theme office --no-search
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

    @OptionGroup var options: CheckOptions

    func run() throws {
        let started = DispatchTime.now()
        let settings = try resolvedSettings()
        let report = try ContentCheck.run(path: settings.content, today: try options.resolvedToday(),
                                          gazetteer: try options.gazetteer(settings))
        if options.report(report) > 0 {
            Console.status("build stopped: fix the errors above; \(settings.output)/ was not changed")
            throw ExitCode(1)
        }
        let environment = ProcessInfo.processInfo.environment
        let indexer = settings.search == .off ? nil : SearchIndexer.find(environment: environment)
        if settings.search == .on, indexer == nil {
            throw ValidationError("search: on, but Pagefind is not installed: run `pip install pagefind-bin-extended`")
        }
        let themeData: Theme
        do {
            themeData = try ThemeLoader.load(themes: URL(fileURLWithPath: "themes"), name: settings.theme)
        } catch {
            throw ValidationError("\(error): themes live in the themes/ folder next to savnet.yml")
        }
        var clock = PhaseClock()
        defer { clock.report() }
        let renderer = try SiteRenderer(theme: themeData)
        let writer = SiteWriter(output: URL(fileURLWithPath: settings.output))
        let folder = try writer.makeStaging()
        let counter = FileCounter()
        let staging: URL
        do {
            // Pages are written while the next ones render.
            try renderer.render(report.directory, settings: settings, today: try options.resolvedToday(),
                                searchIndexed: indexer != nil) { file in
                counter.count(file)
                folder.add(file)
            }
            clock.lap("render")
            staging = try folder.finish()
            clock.lap("write")
        } catch {
            _ = try? folder.finish()
            writer.discard(folder.url)
            throw error
        }
        do {
            if let indexer {
                try indexer.index(staging)
                clock.lap("search index")
            }
            try writer.commit(staging)
            clock.lap("swap")
        } catch {
            writer.discard(staging)
            throw error
        }
        let (pages, fileCount) = counter.totals
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        Console.status("built \(pages) pages (\(fileCount) files) into \(settings.output)/ in \(String(format: "%.2f", seconds)) s")
        if indexer == nil, settings.search == .auto {
            Console.status("search: not indexed: install Pagefind's extended build (`pip install pagefind-bin-extended`) for Thai search")
        }
    }

    /// savnet.yml, then the command-line options on top.
    func resolvedSettings() throws -> SiteSettings {
        var settings = try options.settings()
        if let content { settings.content = content }
        if let output { settings.output = output }
        if let theme { settings.theme = theme }
        if let baseURL { settings.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/" }
        if noSearch { settings.search = .off }
        guard !["", ".", "/", settings.content].contains(settings.output) else {
            throw ValidationError("refusing to build into '\(settings.output)': choose a folder of its own, such as site")
        }
        return settings
    }
}

/// Counts pages and files as they are emitted from several threads.
final class FileCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var pages = 0
    private var files = 0

    func count(_ file: OutputFile) {
        lock.lock()
        files += 1
        if file.path.hasSuffix(".html") { pages += 1 }
        lock.unlock()
    }

    var totals: (pages: Int, files: Int) {
        lock.lock()
        defer { lock.unlock() }
        return (pages, files)
    }
}
