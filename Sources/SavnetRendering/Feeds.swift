import SavnetModel

/// `sitemap.xml`, `feed.xml` (Atom, networks by the latest date in their files) and `robots.txt`.
public struct Feeds {
    let site: SiteContext

    /// The feed, and the sitemap and robots.txt unless `sitemap` is false.
    func files(sitemap withSitemap: Bool = true, lastChanged: [String: CalendarDate]) -> [OutputFile] {
        var files = [OutputFile(path: "feed.xml", text: feed(lastChanged))]
        if withSitemap {
            files += [OutputFile(path: "sitemap.xml", bytes: sitemap(lastChanged)),
                      OutputFile(path: "robots.txt", text: "User-agent: *\nAllow: /\n\nSitemap: \(site.settings.baseURL)sitemap.xml\n")]
        }
        return files
    }

    /// Each network's latest date, by area (the first file that claims an area is its
    /// network, as `Directory` has it).
    public static func lastChanged(of directory: Directory) -> [String: CalendarDate] {
        var dates: [String: CalendarDate] = [:]
        for code in directory.networkCodes {
            if let date = lastChanged(code, in: directory) { dates[code] = date }
        }
        return dates
    }

    /// The latest date of the network of `code`, if any.
    public static func lastChanged(_ code: String, in directory: Directory) -> CalendarDate? {
        directory.file(forArea: code)?.outline?.lastChanged
    }

    /// Every page's address, with the date its network last changed. Written as bytes:
    /// at national scale it lists 32,000 pages and is rebuilt after every edit.
    func sitemap(_ lastChanged: [String: CalendarDate]) -> [UInt8] {
        var xml: [UInt8] = []
        xml.reserveCapacity(4 << 20)
        xml.append(contentsOf: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n".utf8)
        let base = Array(Self.escape(site.settings.baseURL).utf8)
        for page in site.pages() where page != .notFound {
            if case let .area(area) = page, site.isEmpty(area) { continue }
            xml.append(contentsOf: "<url><loc>".utf8)
            xml += base
            Self.escape(page.folder, into: &xml)
            xml.append(contentsOf: "</loc>".utf8)
            if case let .area(area) = page, let date = lastChanged[area.code] {
                xml.append(contentsOf: "<lastmod>".utf8)
                xml.append(contentsOf: date.iso.utf8)
                xml.append(contentsOf: "</lastmod>".utf8)
            }
            xml.append(contentsOf: "</url>\n".utf8)
        }
        xml.append(contentsOf: "</urlset>\n".utf8)
        return xml
    }

    func feed(_ lastChanged: [String: CalendarDate]) -> String {
        let base = site.settings.baseURL
        // The 50 latest, found by their codes before any network is looked at, in one pass.
        func before(_ a: (key: String, value: CalendarDate), _ b: (key: String, value: CalendarDate)) -> Bool {
            a.value != b.value ? a.value > b.value : a.key < b.key
        }
        var latest: [(key: String, value: CalendarDate)] = []
        for entry in lastChanged where latest.count < 50 || before(entry, latest[latest.count - 1]) {
            latest.insert(entry, at: latest.firstIndex { before(entry, $0) } ?? latest.count)
            if latest.count > 50 { latest.removeLast() }
        }
        let entries = latest.compactMap { code, date -> (Area, NetworkFile, CalendarDate)? in
            guard let file = site.directory.file(forArea: code), let area = site.gazetteer.area(code) else { return nil }
            return (area, file, date)
        }
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
        for (area, file, date) in entries {
            let network = file.network!
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

    static func timestamp(_ date: CalendarDate) -> String { "\(date.iso)T00:00:00+07:00" }

    /// Escapes text for XML content and attributes.
    /// Appends `text` to `bytes`, escaped for XML, working on UTF-8 bytes.
    static func escape(_ text: String, into bytes: inout [UInt8]) {
        for byte in text.utf8 {
            switch byte {
            case 0x26: bytes += [0x26, 0x61, 0x6D, 0x70, 0x3B]  // &amp;
            case 0x3C: bytes += [0x26, 0x6C, 0x74, 0x3B]  // &lt;
            case 0x3E: bytes += [0x26, 0x67, 0x74, 0x3B]  // &gt;
            case 0x22: bytes += [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B]  // &quot;
            case 0x27: bytes += [0x26, 0x61, 0x70, 0x6F, 0x73, 0x3B]  // &apos;
            default: bytes.append(byte)
            }
        }
    }

    /// `text` safe inside XML or HTML text and attribute values.
    public static func escape(_ text: String) -> String {
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
