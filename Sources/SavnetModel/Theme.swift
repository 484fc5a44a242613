/// A theme as loaded: Mustache templates by name and static assets by path.
/// A site's own theme overrides files of the default theme one by one.
public struct Theme: Sendable {
    /// Template text by name (`district`, `layout`), without the `.mustache` extension.
    public var templates: [String: String]
    /// Static files by path relative to the theme's `static/` folder (`style.css`, `fonts/Laksaman.woff2`).
    public var assets: [String: [UInt8]]

    /// Creates a theme.
    public init(templates: [String: String], assets: [String: [UInt8]]) {
        self.templates = templates
        self.assets = assets
    }
}

/// Site-wide settings from `savnet.yml`, with defaults.
public struct SiteSettings: Sendable, Equatable {
    /// The site's title.
    public var title: String
    /// The public address the site is served from, ending in `/`; used for the sitemap and feed.
    public var baseURL: String
    /// The theme's name: a folder under `themes/`.
    public var theme: String
    /// Where the site is written.
    public var output: String
    /// Where the network files are.
    public var content: String
    /// Whether to write the site's search index (`search/`).
    public var search: SearchMode
    /// A file of extra areas (`code<TAB>Thai name<TAB>English name` a line) added to the
    /// bundled gazetteer: areas created after it, or synthetic areas for benchmarks.
    public var areas: String?
    /// The date statuses are judged on (terms, deadlines), when not today: a published
    /// snapshot "as of" a date. `--today` overrides it.
    public var statusDate: CalendarDate?

    /// Creates settings; every value has a default so `savnet build` works without a file.
    public init(
        title: String = "ทำเนียบเครือข่ายกลุ่มออมทรัพย์เพื่อการผลิต", baseURL: String = "http://localhost:8000/",
        theme: String = "default", output: String = "site", content: String = "content", search: SearchMode = .auto
    ) {
        self.title = title
        self.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        self.theme = theme
        self.output = output
        self.content = content
        self.search = search
    }

    /// The path part of the base URL (`/` or `/savnet/`), for pages served at any depth (404).
    public var basePath: String {
        guard let schemeEnd = baseURL.range(of: "://") else { return "/" }
        let afterHost = baseURL[schemeEnd.upperBound...]
        guard let slash = afterHost.firstIndex(of: "/") else { return "/" }
        return String(afterHost[slash...])
    }
}

/// Whether `build` indexes the site for search.
public enum SearchMode: String, Sendable, CaseIterable {
    /// Index (the default; the same as `on`, kept for older settings files).
    case auto
    /// Index.
    case on
    /// Never index.
    case off
}
