/// All networks of a content folder, placed in the national → province → district →
/// subdistrict hierarchy of the gazetteer. Networks refer to each other by area code.
///
/// A directory can be *scoped* to some files: `files` and `networks` then list only
/// those (so rules check only them), while every lookup still sees the whole content.
public struct Directory: Sendable {
    /// The areas the networks serve.
    public let gazetteer: Gazetteer
    /// Every loaded file, sorted by path, including files whose front matter failed.
    public private(set) var allFiles: [NetworkFile]
    /// The files in scope (all of them unless scoped), sorted by path.
    public private(set) var files: [NetworkFile]
    /// The files in scope whose network could be read, sorted by path.
    public private(set) var networkFiles: [NetworkFile]
    /// The files in scope whose network could be read, with the network, sorted by path.
    /// Derived on demand: stored copies made swapping one file into the engine's
    /// directory copy the whole list (8 → 35 ms per update at national scale).
    public var networks: [(file: NetworkFile, network: Network)] {
        networkFiles.map { ($0, $0.network!) }
    }
    /// The area codes that have a network, sorted.
    public let networkCodes: [String]
    private let byArea: [String: Int]
    /// Files after the first that claim an area (duplicates), by area.
    private let duplicateClaims: [String: [Int]]
    /// Every area code that has a network at or below it.
    private let coveredCodes: Set<String>

    /// Builds the directory. When two files claim one area, the first by path wins here;
    /// the area rule reports the second.
    public init(files: [NetworkFile], gazetteer: Gazetteer) {
        let sorted = files.sorted { $0.path < $1.path }
        var byArea: [String: Int] = [:]
        var duplicates: [String: [Int]] = [:]
        for (index, file) in sorted.enumerated() {
            guard let code = file.network?.area.value else { continue }
            if byArea[code] == nil { byArea[code] = index } else { duplicates[code, default: []].append(index) }
        }
        var covered: Set<String> = []
        for code in byArea.keys {
            for area in AreaCode(unchecked: code).lineage { covered.insert(area.value) }
        }
        self.gazetteer = gazetteer
        self.allFiles = sorted
        self.files = sorted
        self.networkFiles = sorted.filter { $0.network != nil }
        self.byArea = byArea
        self.duplicateClaims = duplicates
        self.networkCodes = byArea.keys.sorted()
        self.coveredCodes = covered
    }

    /// The same directory with one file replaced by a new version of itself, when that
    /// leaves every index as it was: same path, same area (or still none). Nil otherwise,
    /// and the caller builds a new directory.
    public func replacing(_ file: NetworkFile) -> Directory? {
        guard files.count == allFiles.count,
              let index = Self.index(of: file.path, in: allFiles),
              allFiles[index].network?.area.value == file.network?.area.value
        else { return nil }
        // Every index stays valid; the file also takes its old place among the networks.
        var copy = self
        copy.allFiles[index] = file
        copy.files = copy.allFiles
        if file.network != nil, let position = Self.index(of: file.path, in: networkFiles) {
            copy.networkFiles[position] = file
        }
        return copy
    }

    /// Binary search by path in files sorted by path.
    private static func index(of path: String, in files: [NetworkFile]) -> Int? {
        var low = 0
        var high = files.count - 1
        while low <= high {
            let middle = (low + high) / 2
            if files[middle].path == path { return middle }
            if files[middle].path < path { low = middle + 1 } else { high = middle - 1 }
        }
        return nil
    }

    /// The same directory with `files` and `networks` narrowed to the files at `paths`.
    public func scoped(to paths: Set<String>) -> Directory {
        var copy = self
        // Found by binary search, not by testing every file against the set.
        copy.files = paths.compactMap { Self.index(of: $0, in: allFiles).map { allFiles[$0] } }.sorted { $0.path < $1.path }
        copy.networkFiles = copy.files.filter { $0.network != nil }
        return copy
    }

    /// Every file whose network claims area `code` (more than one is a duplicate).
    public func files(claiming code: String) -> [NetworkFile] {
        guard let first = byArea[code] else { return [] }
        return [allFiles[first]] + (duplicateClaims[code] ?? []).map { allFiles[$0] }
    }

    public func file(forArea code: String) -> NetworkFile? {
        byArea[code].map { allFiles[$0] }
    }

    /// The network serving `code`, if any.
    public func network(forArea code: String) -> Network? {
        file(forArea: code)?.network
    }

    /// Whether any network file exists for `code` or an area below it.
    /// Whether some file has a network for `code` (without copying the network).
    public func hasNetwork(_ code: String) -> Bool {
        byArea[code] != nil
    }

    public func hasContent(under code: String) -> Bool {
        coveredCodes.contains(code)
    }

    /// The networks one level below `code` that exist in the content, by area code.
    public func childNetworks(of code: String) -> [(file: NetworkFile, network: Network)] {
        gazetteer.children(of: code).compactMap { area in
            guard let file = file(forArea: area.code), let network = file.network else { return nil }
            return (file, network)
        }
    }
}
