import Foundation
import Mustache
import SavnetModel

/// Turns the directory into the files of the site: a page per area, printable documents
/// per network, search page, feeds and data. Pure: returns files, writes nothing.
public struct SiteRenderer: Sendable {
    let library: MustacheLibrary
    let theme: Theme

    /// Compiles the theme's templates; a template that does not parse is an error naming it.
    public init(theme: Theme) throws {
        MustacheContentTypes.register(FastHTMLContentType(), named: FastHTMLContentType.name)
        var library = MustacheLibrary()
        for (name, text) in theme.templates.sorted(by: { $0.key < $1.key }) {
            do {
                // Every template (and partial, which starts afresh) escapes with the fast escaper.
                try library.register("{{% CONTENT_TYPE: \(FastHTMLContentType.name) }}" + text, named: name)
            } catch {
                throw RenderError.template(name: name, reason: "\(error)")
            }
        }
        for required in Self.requiredTemplates where library.getTemplate(named: required) == nil {
            throw RenderError.missingTemplate(required)
        }
        self.library = library
        self.theme = theme
    }

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
        emit: @Sendable (OutputFile) -> Void
    ) throws {
        let site = SiteContext(directory: directory, settings: settings, today: today, searchIndexed: searchIndexed)
        let failures = ParallelMap.map(site.pages()) { page -> RenderError? in
            do {
                emit(try render(page, site))
                // Each network's data file goes out with its page.
                if case let .area(area) = page, let network = directory.network(forArea: area.code),
                   directory.file(forArea: area.code)?.contentPath == NetworkFile.expectedContentPath(for: area.code) {
                    emit(DataExport.networkFile(network, area: area))
                }
                return nil
            } catch let error as RenderError {
                return error
            } catch {
                return .emptyPage(page.path)
            }
        }
        if let failure = failures.compactMap({ $0 }).first { throw failure }
        for (path, bytes) in theme.assets.sorted(by: { $0.key < $1.key }) { emit(OutputFile(path: "assets/" + path, bytes: bytes)) }
        Feeds(site: site).files().forEach(emit)
        if let national = directory.network(forArea: ""), directory.file(forArea: "")?.contentPath == "_index.md" {
            emit(DataExport.networkFile(national, area: Area.national))
        }
        emit(DataExport(site: site).directoryFile())
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

    public var description: String {
        switch self {
        case let .template(name, reason): return "template \(name).mustache does not parse: \(reason)"
        case let .missingTemplate(name): return "the theme has no \(name).mustache template"
        case let .emptyPage(path): return "rendering \(path) produced nothing"
        }
    }
}

extension SiteRenderer {
    func render(_ page: Page, _ site: SiteContext) throws -> OutputFile {
        let (template, context) = site.context(for: page)
        guard let html = library.render(context, withTemplate: template) else {
            throw RenderError.missingTemplate(template)
        }
        return OutputFile(path: page.path, text: html)
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
