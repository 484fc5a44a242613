import SavnetModel

/// `sitemap.xml`, `feed.xml` (Atom, networks by the latest date in their files) and `robots.txt`.
struct Feeds {
    let site: SiteContext

    func files() -> [OutputFile] {
        [OutputFile(path: "sitemap.xml", text: sitemap()), OutputFile(path: "feed.xml", text: feed()),
         OutputFile(path: "robots.txt", text: "User-agent: *\nAllow: /\n\nSitemap: \(site.settings.baseURL)sitemap.xml\n")]
    }

    func sitemap() -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for page in site.pages() where page != .notFound {
            xml += "<url><loc>\(Self.escape(site.settings.baseURL + page.folder))</loc>"
            if case let .area(area) = page, let date = site.directory.network(forArea: area.code)?.lastChanged {
                xml += "<lastmod>\(date.iso)</lastmod>"
            }
            xml += "</url>\n"
        }
        return xml + "</urlset>\n"
    }

    /// The 50 networks whose files record the latest dates, newest first.
    func feed() -> String {
        let base = site.settings.baseURL
        let entries = site.directory.networks.compactMap { file, network -> (Area, Network, CalendarDate)? in
            guard let area = site.gazetteer.area(network.area.value), let date = network.lastChanged else { return nil }
            return (area, network, date)
        }.sorted { $0.2 != $1.2 ? $0.2 > $1.2 : $0.0.code < $1.0.code }.prefix(50)
        let updated = entries.first.map { Self.timestamp($0.2) } ?? "1970-01-01T00:00:00Z"
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="th">
        <title>\(Self.escape(site.settings.title))</title>
        <link href="\(Self.escape(base))"/>
        <link rel="self" href="\(Self.escape(base))feed.xml"/>
        <id>\(Self.escape(base))</id>
        <updated>\(updated)</updated>
        <author><name>\(Self.escape(site.settings.title))</name></author>

        """
        for (area, network, date) in entries {
            let url = base + SitePaths.folder(area.code)
            let name = network.displayName(area: area)
            let summary = "คณะกรรมการ \(network.committee.count) คน"
                + (network.term.map { " · วาระถึง \(Format.date($0.end))" } ?? "")
            xml += """
            <entry><title>\(Self.escape(name))</title><link href="\(Self.escape(url))"/><id>\(Self.escape(url))</id>\
            <updated>\(Self.timestamp(date))</updated><summary>\(Self.escape(summary))</summary></entry>

            """
        }
        return xml + "</feed>\n"
    }

    /// Midnight in Thailand on `date`, as RFC 3339.
    static func timestamp(_ date: CalendarDate) -> String { "\(date.iso)T00:00:00+07:00" }

    /// Escapes text for XML content and attributes.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.append(character)
            }
        }
        return out
    }
}
