import SavnetModel

/// One HTML page of the site.
enum Page: Equatable {
    case home
    case area(Area)
    case document(DocumentKind, Area)
    case search
    case notFound

    /// The file's path in the site.
    var path: String {
        switch self {
        case .home: return "index.html"
        case let .area(area): return SitePaths.folder(area.code) + "index.html"
        case let .document(kind, area): return SitePaths.folder(area.code) + kind.rawValue + "/index.html"
        case .search: return "search/index.html"
        case .notFound: return "404.html"
        }
    }

    /// The page's folder (where relative links start).
    var folder: String {
        switch self {
        case .home, .notFound: return ""
        case let .area(area): return SitePaths.folder(area.code)
        case let .document(kind, area): return SitePaths.folder(area.code) + kind.rawValue + "/"
        case .search: return "search/"
        }
    }
}

/// The printable documents of a network.
enum DocumentKind: String, CaseIterable {
    case order
    case regulation
    case plan
}
