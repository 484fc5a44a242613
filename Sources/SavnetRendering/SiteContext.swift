import SavnetModel

/// What every page builder needs: the directory, the settings and the date.
struct SiteContext {
    /// The directory, read through `recording(into:)` while a page renders.
    private(set) var directory: Directory
    let settings: SiteSettings
    let today: CalendarDate
    /// `today` as every page shows it (formatted once, not once a page).
    let statusDate: String
    let searchIndexed: Bool
    /// Every area's roll-up, summed once (read through `rollUp(_:)`, which records it).
    private let rollUps: RollUpTable

    /// A context for rendering; `sumRollUps: false` for listing pages only.
    init(directory: Directory, settings: SiteSettings, today: CalendarDate, searchIndexed: Bool, sumRollUps: Bool = true,
         rollUps: RollUpTable? = nil) {
        self.directory = directory
        self.settings = settings
        self.today = today
        statusDate = Format.date(today)
        self.searchIndexed = searchIndexed
        self.rollUps = rollUps ?? (sumRollUps ? RollUpTable(directory, today: today) : RollUpTable())
    }

    var gazetteer: Gazetteer { directory.gazetteer }

    /// The same context, noting in `log` what is read from the directory.
    func recording(into log: ReadLog) -> SiteContext {
        var copy = self
        copy.directory = directory.recording(into: log)
        return copy
    }

    /// The figures summed over an area (a read of everything below it).
    func rollUp(_ code: String) -> RollUp {
        directory.note(.subtree(code))
        return rollUps[code]
    }

    /// The provinces of the programme: every province but Bangkok.
    var provinces: [Area] { gazetteer.children(of: "").filter { !$0.isBangkok } }

    /// Every page: home, search, 404; every province; the districts of provinces that have
    /// any network file and the subdistricts of districts that do (an area without a
    /// network gets a page saying so); the documents of every network.
    func pages() -> [Page] {
        var pages: [Page] = [.home, .search, .notFound]
        for province in provinces {
            pages.append(.area(province))
            guard directory.hasContent(under: province.code) else { continue }
            for district in gazetteer.children(of: province.code) {
                pages.append(.area(district))
                guard directory.hasContent(under: district.code) else { continue }
                pages += gazetteer.children(of: district.code).map(Page.area)
            }
        }
        for (area, file) in publishedNetworks {
            pages.append(.document(.order, area))
            if file.network?.regulation != nil { pages.append(.document(.regulation, area)) }
            if file.network?.plan != nil { pages.append(.document(.plan, area)) }
        }
        return pages
    }

    /// The published network of `area`, if any: only a network whose file sits where the
    /// layout puts its area (`NetworkFile.isInPlace`) gets documents and data.
    func publishedNetwork(_ area: Area) -> Network? {
        guard let file = directory.file(forArea: area.code), file.isInPlace else { return nil }
        return file.network
    }

    /// Every published network's file with its area, in file order.
    var publishedNetworks: [(area: Area, file: NetworkFile)] {
        directory.networkFiles.compactMap { file in
            guard file.isInPlace, let code = file.outline?.area, let area = gazetteer.area(code) else { return nil }
            return (area, file)
        }
    }

    /// The network whose `network.json` sits beside this page: the area's (or, for home,
    /// the national) published network.
    func dataNetwork(for page: Page) -> (Network, Area)? {
        let area: Area
        switch page {
        case .home: area = Area.national
        case let .area(pageArea): area = pageArea
        default: return nil
        }
        return publishedNetwork(area).map { ($0, area) }
    }

    /// The page at `path`, if the site has one: the inverse of `Page.path`.
    func page(at path: String) -> Page? {
        guard let route = Route(path: path) else { return nil }
        let page: Page
        switch route.kind {
        case .home: page = .home
        case .search: page = .search
        case .notFound: page = .notFound
        case .data: return nil
        case .area, .document:
            guard let area = gazetteer.area(route.code.value) else { return nil }
            if case let .document(kind) = route.kind { page = .document(kind, area) } else { page = .area(area) }
        }
        return pageExists(page) ? page : nil
    }

    /// Whether `pages()` includes `page`.
    func pageExists(_ page: Page) -> Bool {
        switch page {
        case .home, .search, .notFound: return true
        case let .area(area):
            return area.level != .national && !area.isBangkok && (area.level == .province || hasPage(area.code))
        case let .document(kind, area):
            guard let network = publishedNetwork(area) else { return false }
            switch kind {
            case .order: return true
            case .regulation: return network.regulation != nil
            case .plan: return network.plan != nil
            }
        }
    }

    /// The page and data paths of one area: its page, documents and `network.json`.
    func paths(ofArea code: String) -> [String] {
        guard let area = gazetteer.area(code) else { return [] }
        var pages: [Page] = [code.isEmpty ? .home : .area(area)]
        pages += DocumentKind.allCases.map { .document($0, area) }
        var paths = pages.filter(pageExists).map(\.path)
        if let page = pages.first, pageExists(page), dataNetwork(for: page) != nil {
            paths.append(Route(kind: .data, code: AreaCode(unchecked: code)).path)
        }
        return paths
    }

    /// Whether an area's page has nothing of its own: no network at or below the area.
    /// Such a page says so and whom to ask; it is marked `noindex` and left out of the
    /// sitemap and the search index.
    func isEmpty(_ area: Area) -> Bool {
        !area.code.isEmpty && !directory.hasContent(under: area.code)
    }

    /// Whether the site has a page for an area (so links to it resolve).
    func hasPage(_ code: String) -> Bool {
        let area = AreaCode(unchecked: code)
        guard area.level > .province, let parent = area.parent else { return true }
        return directory.hasContent(under: parent.value)
    }

    /// The template and data of a page.
    func context(for page: Page) -> (String, View) { (page.template, view(for: page)) }

    /// The view a page's template reads.
    func view(for page: Page) -> View {
        switch page {
        case .home: return home()
        case let .area(area):
            switch area.level {
            case .province: return province(area)
            case .district: return district(area)
            default: return subdistrict(area)
            }
        case let .document(kind, area): return document(kind, area)
        case .search:
            return common(page, title: "ค้นหา", crumbs: [Area.national], current: "ค้นหา")
                .merging(["searchable": false, "searchIndexed": searchIndexed]) { $1 }
        case .notFound:
            var context = common(page, title: "ไม่พบหน้านี้", crumbs: [], current: nil)
            context["root"] = settings.basePath
            context["searchable"] = false
            // Served at any missing address: it is not the canonical copy of any page.
            context["canonical"] = false
            context["noindex"] = true
            return context
        }
    }

    /// Data every page has: site, root, title, breadcrumbs.
    func common(_ page: Page, title: String, crumbs: [Area], current: String?) -> View {
        let folder = page.folder
        var breadcrumbs: [View] = crumbs.map { area in
            ["name": area.code.isEmpty ? "ทั้งประเทศ" : area.qualifiedNameTH, "url": SitePaths.link(from: folder, to: area.code)]
        }
        if let current { breadcrumbs.append(["name": current]) }
        return [
            "statusDate": statusDate,
            "site": ["title": settings.title] as View,
            "root": SitePaths.root(of: folder),
            "title": title,
            "description": title,
            "canonical": settings.baseURL + folder,
            "breadcrumbs": breadcrumbs,
            "searchable": true,
        ]
    }

    /// Figures summed over an area, for the finance partial; nil when no network is below it.
    func rollUpView(_ code: String, own network: Network?) -> View? {
        let total = rollUp(code)
        guard total.networks > 0 else { return nil }
        var view: View = [
            "fundBalance": Format.amount(total.fundBalance), "networks": Format.count(total.networks),
        ]
        if total.groups > 0 {
            view["groups"] = Format.count(total.groups)
            view["members"] = Format.count(total.members)
            view["savings"] = Format.amount(total.savings)
        }
        if let range = total.asOfRange {
            view["asOf"] = range.lowerBound == range.upperBound
                ? Format.date(range.lowerBound) : "\(Format.date(range.lowerBound)) ถึง \(Format.date(range.upperBound))"
        }
        if let finance = network?.finance, finance.income != nil || finance.expenses != nil {
            view["own"] = [
                "income": finance.income.map { Format.amount($0.value) } ?? "–",
                "expenses": finance.expenses.map { Format.amount($0.value) } ?? "–",
                "loans": TemplateData.value(finance.loans.map { Format.amount($0.value) }),
            ] as View
        }
        return view
    }

    /// The network view of an area, when it has a network in its proper place.
    func networkView(_ area: Area) -> View? {
        guard let network = directory.network(forArea: area.code) else { return nil }
        return NetworkView(network: network, area: area, directory: directory, today: today).context
    }

    /// The rendered Markdown body of an area's network.
    func body(_ area: Area) -> String? {
        guard let file = directory.file(forArea: area.code), !file.body.allSatisfy(\.isWhitespace) else { return nil }
        return Markdown.html(file.body)
    }
}
