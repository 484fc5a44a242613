import SavnetModel

/// Where each page of the site lives. Pages are folders with an `index.html`, one per
/// area, mirroring the content layout: `84/8409/840901/`.
public enum SitePaths {
    /// The folder of an area's page, relative to the site root, ending in `/` (empty for home).
    public static func folder(_ code: String) -> String { AreaCode(unchecked: code).folder }

    /// `../` once per folder level of `folder`: the way back to the site root.
    static func root(of folder: String) -> String {
        var folder = folder
        let levels = folder.withUTF8 { components($0).count }
        return String(repeating: "../", count: levels)
    }

    /// The shortest relative link from the page in folder `from` to the page of area `code`.
    static func link(from: String, to code: String) -> String {
        relative(from: from, to: folder(code))
    }

    /// The relative link between two folders of the site (both ending in `/` or empty).
    static func relative(from: String, to target: String) -> String {
        // As bytes: every page asks for dozens of links.
        var from = from
        var target = target
        return from.withUTF8 { source in
            target.withUTF8 { destination in
                let sourceParts = components(source)
                let destinationParts = components(destination)
                var shared = 0
                while shared < sourceParts.count, shared < destinationParts.count,
                      source[sourceParts[shared]].elementsEqual(destination[destinationParts[shared]]) { shared += 1 }
                guard shared < sourceParts.count || shared < destinationParts.count else { return "./" }
                var link: [UInt8] = []
                link.reserveCapacity(3 * (sourceParts.count - shared) + destination.count)
                for _ in shared..<sourceParts.count { link += [0x2E, 0x2E, 0x2F] }
                for part in destinationParts[shared...] {
                    link.append(contentsOf: UnsafeBufferPointer(rebasing: destination[part]))
                    link.append(0x2F)
                }
                return String(decoding: link, as: UTF8.self)
            }
        }
    }

    /// Where the non-empty parts between `/` lie (as `split(separator: "/")` cuts).
    private static func components(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var parts: [Range<Int>] = []
        var start = 0
        for index in 0...bytes.count where index == bytes.count || bytes[index] == 0x2F {
            if index > start { parts.append(start..<index) }
            start = index + 1
        }
        return parts
    }
}
