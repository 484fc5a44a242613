import SavnetModel

/// Where each page of the site lives. Pages are folders with an `index.html`, one per
/// area, mirroring the content layout: `84/8409/840901/`.
public enum SitePaths {
    /// The folder of an area's page, relative to the site root, ending in `/` (empty for home).
    public static func folder(_ code: String) -> String { AreaCode(unchecked: code).folder }

    /// `../` once per folder level of `folder`: the way back to the site root.
    static func root(of folder: String) -> String {
        String(repeating: "../", count: folder.split(separator: "/").count)
    }

    /// The shortest relative link from the page in folder `from` to the page of area `code`.
    static func link(from: String, to code: String) -> String {
        relative(from: from, to: folder(code))
    }

    /// The relative link between two folders of the site (both ending in `/` or empty).
    static func relative(from: String, to target: String) -> String {
        // As bytes: every page asks for dozens of links.
        let source = from.utf8.split(separator: 0x2F)
        let destination = target.utf8.split(separator: 0x2F)
        var shared = 0
        while shared < source.count, shared < destination.count, source[shared].elementsEqual(destination[shared]) { shared += 1 }
        var link: [UInt8] = []
        for _ in shared..<source.count { link.append(contentsOf: [0x2E, 0x2E, 0x2F]) }
        for part in destination[shared...] {
            link.append(contentsOf: part)
            link.append(0x2F)
        }
        return link.isEmpty ? "./" : String(decoding: link, as: UTF8.self)
    }
}
