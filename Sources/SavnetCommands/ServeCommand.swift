import ArgumentParser
import Dispatch
import FlyingFox
import Foundation
import SavnetEngine
import SavnetLoading
import SavnetModel
import SavnetRendering

/// `savnet serve`: the site from memory, updated as files are saved, with live reload.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site: serve it, rebuild what an edit changes, reload open pages.",
        discussion: """
        Loads, checks and renders the site in memory (nothing is written to the output \
        folder), serves it, and watches content/, themes/ and savnet.yml. When a file is \
        saved, savnet updates only what it changed and every open page reloads itself. \
        Content errors are printed here and shown over the page (file, line, what to do); \
        the server keeps running, and fixing the file clears them. The search index, the \
        sitemap and the data files are brought up to date when they are asked for.

        It listens on 127.0.0.1 (this computer only) unless --host says otherwise. \
        Stop it with Ctrl-C.

        Examples:
          savnet serve
          savnet serve --port 8080 --today 2567-01-01
          savnet serve --host 0.0.0.0 --port 1313
        """
    )

    @Option(help: "The port to listen on (0 picks a free one).")
    var port: UInt16 = 1313

    @Option(help: "The address to listen on: 127.0.0.1 (this computer only) or, to share on a network, 0.0.0.0.")
    var host = "127.0.0.1"

    @OptionGroup var project: ProjectOptions

    func run() throws {
        let options = try self.project.checkOptions()
        let project = try options.open()
        let address: sockaddr_in
        do {
            address = try .inet(ip4: host, port: port)
        } catch {
            throw ValidationError("--host must be an IPv4 address such as 127.0.0.1; got '\(host)'")
        }
        let preview = try PreviewSite(options: options, project: project)
        let server = HTTPServer(address: address, timeout: 60, logger: .disabled, handler: PreviewHandler(site: preview))
        let started = DispatchSemaphore(value: 0)
        let failure = FailureBox()
        Task {
            do {
                try await server.run()
            } catch {
                failure.error = error
                started.signal()
            }
        }
        Task {
            try? await server.waitUntilListening()
            started.signal()
        }
        started.wait()
        if let error = failure.error { throw ValidationError("cannot listen on \(host):\(port): \(error)") }
        let listening = Self.port(of: server) ?? port
        print("serving \(preview.settings.content)/ at http://\(host == "0.0.0.0" ? "127.0.0.1" : host):\(listening)/ (Ctrl-C to stop)")
        fflush(stdout)
        try preview.watch()
    }

    /// The port the server listens on (for --port 0).
    private static func port(of server: HTTPServer) -> UInt16? {
        let box = FailureBox()
        let done = DispatchSemaphore(value: 0)
        Task {
            if case let .ip4(_, port) = await server.listeningAddress { box.port = port }
            done.signal()
        }
        done.wait()
        return box.port
    }
}

/// Values handed between the server's tasks and the command's thread.
private final class FailureBox: @unchecked Sendable {
    var error: Error?
    var port: UInt16?
}

/// The site being previewed: the engine, what it last found, and a version that goes up
/// with every change (open pages wait on it).
final class PreviewSite: @unchecked Sendable {
    let options: CheckOptions
    let project: Project
    private(set) var settings: SiteSettings
    private let lock = NSLock()
    private var engine: BuildEngine
    private var errors: [Diagnostic] = []
    private(set) var version = 1
    private let thai: Bool

    init(options: CheckOptions, project: Project) throws {
        let started = DispatchTime.now()
        self.options = options
        self.project = project
        thai = options.language == .th
        settings = try options.settings(project)
        engine = try Self.makeEngine(options, project, settings)
        report(started: started, what: nil)
    }

    private static func makeEngine(_ options: CheckOptions, _ project: Project, _ settings: SiteSettings) throws -> BuildEngine {
        let theme: Theme
        do {
            theme = try ThemeLoader.load(themes: URL(fileURLWithPath: "themes"), name: settings.theme)
        } catch {
            throw ValidationError("\(error)")
        }
        let loader = ContentLoader(root: URL(fileURLWithPath: settings.content), displayRoot: ContentCheck.displayPath(settings.content))
        return try BuildEngine(loader: loader, renderer: try SiteRenderer(theme: theme), settings: settings,
                               gazetteer: try options.gazetteer(settings, project), today: try options.resolvedToday(settings),
                               searchIndexed: settings.search != .off)
    }

    /// Prints what the last change found, and remembers the errors for the overlay.
    private func report(started: DispatchTime, what: String?) {
        let diagnostics = engine.diagnostics
        errors = diagnostics.filter { $0.severity == .error }
        let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e6
        let printer = DiagnosticPrinter(language: options.language, sources: [:])
        // Standard output carries only the address line (for scripts); findings go with the status.
        if !errors.isEmpty { Console.status(printer.human(Array(errors.prefix(20))), newline: false) }
        let summary = printer.summary(diagnostics, files: engine.directory.allFiles.count)
        let timing = String(format: "%.0f", milliseconds)
        if let what {
            Console.status(thai ? "\(what): ปรับปรุงใน \(timing) ms; \(summary)" : "\(what): updated in \(timing) ms; \(summary)")
        } else {
            Console.status(thai ? "โหลดเว็บไซต์ใน \(timing) ms; \(summary)" : "site loaded in \(timing) ms; \(summary)")
        }
    }

    /// Takes in edits to content files (paths relative to the content folder).
    func update(_ contentPaths: [String]) {
        let started = DispatchTime.now()
        lock.lock()
        defer { lock.unlock() }
        do {
            _ = try engine.update(contentPaths)
        } catch {
            Console.status("update failed: \(error)")
        }
        version += 1
        report(started: started, what: contentPaths.count == 1 ? contentPaths[0] : "\(contentPaths.count) files")
    }

    /// Starts over: the settings or the theme changed.
    func reload(_ why: String) {
        let started = DispatchTime.now()
        lock.lock()
        defer { lock.unlock() }
        do {
            let fresh = try options.settings(project)
            engine = try Self.makeEngine(options, project, fresh)
            settings = fresh
        } catch {
            Console.status("\(why): cannot reload: \(error); still serving the previous version")
            return
        }
        version += 1
        report(started: started, what: why)
    }

    /// The version open pages have seen is `seen`: whether there is a newer one.
    func current() -> Int {
        lock.lock()
        defer { lock.unlock() }
        return version
    }

    /// The bytes of the site file at `path` (relative to the site root), with the live
    /// reload script and the error overlay in pages.
    func file(_ path: String) -> [UInt8]? {
        lock.lock()
        defer { lock.unlock() }
        if engine.summariesAreStale, ["sitemap.xml", "feed.xml", "robots.txt", "areas.json"].contains(path) || DirectoryFragments.isDirectoryFile(path)
            || path.hasPrefix("assets/") || path.hasPrefix("search/") {
            _ = engine.refreshSummaries()
        }
        guard let bytes = engine.outputs[path] else { return nil }
        guard path.hasSuffix(".html") else { return bytes }
        return Self.inject(bytes, version: version, errors: errors, thai: thai)
    }

    /// Whether `path` + `/index.html` is a page (for redirecting `/84` to `/84/`).
    func isFolder(_ path: String) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return engine.outputs[path + "/index.html"] != nil
    }

    /// Adds the reload script (and the overlay, when there are errors) before `</body>`.
    static func inject(_ page: [UInt8], version: Int, errors: [Diagnostic], thai: Bool) -> [UInt8] {
        var extra = "<script>(function(){var v=\(version);function w(){fetch('/_savnet/wait?v='+v,{cache:'no-store'})"
            + ".then(function(r){return r.json()}).then(function(d){if(d.version!==v){location.reload()}else{w()}})"
            + ".catch(function(){setTimeout(w,1000)})}w()})();</script>"
        if !errors.isEmpty {
            let items = errors.prefix(50).map { d in
                "<li><code>\(escape(d.location.path)):\(d.location.line):\(d.location.column)</code> "
                    + escape(d.message.text(thai ? .th : .en)) + (d.hint.map { "<br><small>" + escape($0.text(thai ? .th : .en)) + "</small>" } ?? "")
                    + " <small>[\(escape(d.rule))]</small></li>"
            }.joined()
            let heading = thai ? "savnet: พบข้อผิดพลาด \(errors.count) รายการ แก้ไฟล์แล้วหน้านี้จะโหลดใหม่เอง"
                               : "savnet: \(errors.count) \(errors.count == 1 ? "error" : "errors"); save a fix and this page reloads"
            extra += "<div id=\"savnet-errors\" role=\"alert\" style=\"position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;"
                + "background:#fff5f5;color:#3b0000;border-top:4px solid #b00020;padding:1rem 1.25rem;font:16px/1.5 sans-serif;z-index:2147483647\">"
                + "<strong>\(escape(heading))</strong><ul style=\"margin:.5rem 0 0;padding-left:1.25rem\">\(items)</ul></div>"
        }
        let marker = Array("</body>".utf8)
        var result = page
        if let index = lastIndex(of: marker, in: page) {
            result.insert(contentsOf: Array(extra.utf8), at: index)
        } else {
            result += Array(extra.utf8)
        }
        return result
    }

    private static func lastIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        var index = haystack.count - needle.count
        while index >= 0 {
            if haystack[index] == needle[0], Array(haystack[index..<(index + needle.count)]) == needle { return index }
            index -= 1
        }
        return nil
    }

    static func escape(_ text: String) -> String { Feeds.escape(text) }

    /// Watches the content, the themes and the settings, and applies changes; runs until
    /// the process ends.
    func watch() throws {
        while true {
            // A new watcher after each restart: the settings may name another content
            // folder, or the folders watched may have been replaced.
            let watcher = try FolderWatcher(content: settings.content, themes: "themes", project: ".",
                                            settingsFile: project.settingsFile.map { ($0 as NSString).lastPathComponent })
            watching: while true {
                switch watcher.next() {
                case let .content(paths):
                    update(paths)
                case let .restart(why):
                    reload(why)
                    break watching
                }
            }
        }
    }
}

/// Answers the browser: site files from memory, and `/_savnet/wait`, which returns when
/// the site changes (or after 20 s, when the page asks again).
struct PreviewHandler: HTTPHandler {
    let site: PreviewSite

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        // The path as sent (FlyingFox's `path` drops a trailing slash, which relative links need).
        let path = request.target.path(percentEncoded: false)
        if path == "/_savnet/wait" {
            let seen = request.query.first { $0.name == "v" }.flatMap { Int($0.value) } ?? 0
            let deadline = DispatchTime.now().uptimeNanoseconds + 20_000_000_000
            var now = site.current()
            while now == seen, DispatchTime.now().uptimeNanoseconds < deadline {
                try await Task.sleep(nanoseconds: 5_000_000)
                now = site.current()
            }
            return response(.ok, Array("{\"version\":\(now)}".utf8), type: "application/json")
        }
        guard request.method == .GET || request.method == .HEAD else {
            return HTTPResponse(statusCode: .methodNotAllowed)
        }
        var relative = String(path.drop { $0 == "/" })
        if relative.split(separator: "/").contains("..") { return HTTPResponse(statusCode: .badRequest) }
        if relative.isEmpty || relative.hasSuffix("/") { relative += "index.html" }
        if let bytes = site.file(relative) {
            return response(.ok, bytes, type: Self.contentType(relative))
        }
        if site.isFolder(relative) {
            return HTTPResponse(statusCode: .movedPermanently, headers: [.location: "/" + relative + "/"])
        }
        return response(.notFound, site.file("404.html") ?? Array("not found".utf8), type: "text/html; charset=utf-8")
    }

    private func response(_ status: HTTPStatusCode, _ bytes: [UInt8], type: String) -> HTTPResponse {
        HTTPResponse(statusCode: status, headers: [.contentType: type, HTTPHeader("Cache-Control"): "no-store"], body: Data(bytes))
    }

    static func contentType(_ path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "html": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js": return "text/javascript; charset=utf-8"
        case "json": return "application/json"
        case "xml": return path.hasSuffix("feed.xml") ? "application/atom+xml" : "application/xml"
        case "txt": return "text/plain; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "otf": return "font/otf"
        case "woff2": return "font/woff2"
        default: return "application/octet-stream"
        }
    }
}
