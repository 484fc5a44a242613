import SavnetModel

/// One HTML page of the site.
enum Page: Equatable {
    case home
    case area(Area)
    case document(DocumentKind, Area)
    case search
    case notFound

    /// The page's route: its kind and area.
    var route: Route {
        switch self {
        case .home: return Route(kind: .home, code: .national)
        case let .area(area): return Route(kind: .area, code: AreaCode(unchecked: area.code))
        case let .document(kind, area): return Route(kind: .document(kind), code: AreaCode(unchecked: area.code))
        case .search: return Route(kind: .search, code: .national)
        case .notFound: return Route(kind: .notFound, code: .national)
        }
    }

    /// The file's path in the site.
    var path: String { route.path }

    /// The page's folder (where relative links start).
    var folder: String { route.folder }

    /// The template the page renders with.
    var template: String { route.template! }
}

/// The site's route table: each kind of file the site has per area, its path and its
/// template. Paths are written and read here only (`Route(path:)` is the inverse of
/// `path`); the renderer, the engine, the sitemap and the cache all go through it.
public struct Route: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// The home page, the national network's page.
        case home
        /// A province, district or subdistrict page.
        case area
        /// A printable document of an area's network.
        case document(DocumentKind)
        /// The network's data, beside its page.
        case data
        case search
        case notFound
    }

    public let kind: Kind
    public let code: AreaCode

    public init(kind: Kind, code: AreaCode) {
        self.kind = kind
        self.code = code
    }

    /// The folder the file lives in (where its relative links start).
    public var folder: String {
        switch kind {
        case .home, .notFound: return ""
        case .area, .data: return code.folder
        case let .document(document): return code.folder + document.rawValue + "/"
        case .search: return "search/"
        }
    }

    /// The file's path in the site.
    public var path: String {
        switch kind {
        case .notFound: return "404.html"
        case .data: return code.folder + "network.json"
        default: return folder + "index.html"
        }
    }

    /// The template the file is rendered with; nil for data, which uses none.
    public var template: String? {
        switch kind {
        case .home: return "home"
        case .search: return "search"
        case .notFound: return "404"
        case .data: return nil
        case let .document(document): return document.rawValue
        case .area:
            switch code.level {
            case .province: return "province"
            case .district: return "district"
            default: return "subdistrict"
            }
        }
    }

    /// An area's own page: home for the nation.
    public static func page(of code: AreaCode) -> Route {
        Route(kind: code == .national ? .home : .area, code: code)
    }

    /// Every file the site can have for an area: its page (home for the nation), its
    /// documents and its data. Which of them exist depends on the content.
    public static func all(of code: AreaCode) -> [Route] {
        [page(of: code)]
            + DocumentKind.allCases.map { Route(kind: .document($0), code: code) }
            + [Route(kind: .data, code: code)]
    }

    /// The route of a path the site writes per page, or nil for any other path.
    public init?(path: String) {
        switch path {
        case "index.html": self.init(kind: .home, code: .national); return
        case "search/index.html": self.init(kind: .search, code: .national); return
        case "404.html": self.init(kind: .notFound, code: .national); return
        default: break
        }
        var parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard let file = parts.popLast(), file == "index.html" || file == "network.json" else { return nil }
        var kind: Kind = file == "network.json" ? .data : .area
        if file == "index.html", let last = parts.last, let document = DocumentKind(rawValue: last) {
            kind = .document(document)
            parts.removeLast()
        }
        guard let code = AreaCode(parts.last ?? ""), code.folder == parts.map({ $0 + "/" }).joined() else { return nil }
        // The national network's page is home; its documents and data sit at the root.
        if code == .national, kind == .area { return nil }
        self.init(kind: kind, code: code)
    }
}

/// The printable documents of a network.
public enum DocumentKind: String, CaseIterable, Sendable {
    case order
    case regulation
    case plan
}
