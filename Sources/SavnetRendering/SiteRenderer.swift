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
        var library = MustacheLibrary()
        for (name, text) in theme.templates.sorted(by: { $0.key < $1.key }) {
            do {
                try library.register(text, named: name)
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
        let site = SiteContext(directory: directory, settings: settings, today: today, searchIndexed: searchIndexed)
        var files: [OutputFile] = []
        for page in site.pages() {
            files.append(try render(page, site))
        }
        for (path, bytes) in theme.assets { files.append(OutputFile(path: "assets/" + path, bytes: bytes)) }
        files += Feeds(site: site).files()
        files += DataExport(site: site).files()
        return files.sorted { $0.path < $1.path }
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
        guard let html = library.render(TemplateData.clean(context) ?? [:], withTemplate: template) else {
            throw RenderError.missingTemplate(template)
        }
        return OutputFile(path: page.path, text: html)
    }
}
