/// All networks of a content folder, placed in the national → province → district →
/// subdistrict hierarchy of the gazetteer. Networks refer to each other by area code.
///
/// A directory can be *scoped* to some files: `files` and `networks` then list only
/// those (so rules check only them), while every lookup still sees the whole content.
///
/// A directory can also *record* what is read from it (`recording(into:)`): every lookup
/// notes the area, subtree or person it asked about, and reading a whole list of an
/// unscoped directory notes `.all`. Pages render and files are checked through recording
/// directories, which is how the engine knows what an edit reaches.
public struct Directory: Sendable {
    /// The areas the networks serve.
    public let gazetteer: Gazetteer
    private var storedFiles: [NetworkFile]
    private var scopedFiles: [NetworkFile]
    private var scopedNetworkFiles: [NetworkFile]
    private var isScoped = false
    private let storedCodes: [String]
    private let byArea: [String: Int]
    /// Files after the first that claim an area (duplicates), by area.
    private let duplicateClaims: [String: [Int]]
    /// Every area code that has a network at or below it.
    private let coveredCodes: Set<String>
    /// Committee members by name, for spotting one person on two committees of a level.
    private var people: PeopleIndex
    /// Where reads are recorded, if anywhere.
    private var log: ReadLog?

    /// Every loaded file, sorted by path, including files whose front matter failed.
    public var allFiles: [NetworkFile] {
        log?.note(.all)
        return storedFiles
    }

    /// The files in scope (all of them unless scoped), sorted by path.
    public var files: [NetworkFile] {
        if !isScoped { log?.note(.all) }
        return scopedFiles
    }

    /// The files in scope whose network could be read, sorted by path.
    public var networkFiles: [NetworkFile] {
        if !isScoped { log?.note(.all) }
        return scopedNetworkFiles
    }

    /// The files in scope whose network could be read, with the network, sorted by path.
    /// Derived on demand: stored copies made swapping one file into the engine's
    /// directory copy the whole list (8 → 35 ms per update at national scale).
    public var networks: [(file: NetworkFile, network: Network)] {
        networkFiles.map { ($0, $0.network!) }
    }

    /// `body` applied to each file in scope whose network could be read, with the network
    /// lent rather than copied: a copy of a `Network` retains each of its fields, and
    /// every rule walks every network of its scope (copies were a quarter of the rules'
    /// reference counting).
    public func forEachNetwork(_ body: (NetworkFile, Network) throws -> Void) rethrows {
        for file in networkFiles { try body(file, file.network!) }
    }

    /// `transform`'s non-nil results for the files in scope whose network could be read,
    /// in order, each network lent as in `forEachNetwork`.
    public func compactMapNetworks<Result>(_ transform: (NetworkFile, Network) throws -> Result?) rethrows -> [Result] {
        var results: [Result] = []
        for file in networkFiles {
            if let result = try transform(file, file.network!) { results.append(result) }
        }
        return results
    }

    /// The area codes that have a network, sorted.
    public var networkCodes: [String] {
        log?.note(.all)
        return storedCodes
    }

    /// Builds the directory. When two files claim one area, the first by path wins here;
    /// the area rule reports the second.
    public init(files: [NetworkFile], gazetteer: Gazetteer) {
        let sorted = files.sorted { $0.path < $1.path }
        var byArea: [String: Int] = [:]
        var duplicates: [String: [Int]] = [:]
        for (index, file) in sorted.enumerated() {
            guard let code = file.outline?.area else { continue }
            if byArea[code] == nil { byArea[code] = index } else { duplicates[code, default: []].append(index) }
        }
        var covered: Set<String> = []
        for code in byArea.keys {
            for area in AreaCode(unchecked: code).lineage { covered.insert(area.value) }
        }
        self.gazetteer = gazetteer
        storedFiles = sorted
        scopedFiles = sorted
        scopedNetworkFiles = sorted.filter { $0.outline != nil }
        self.byArea = byArea
        duplicateClaims = duplicates
        storedCodes = byArea.keys.sorted()
        coveredCodes = covered
        people = PeopleIndex(sorted)
    }

    /// Replaces one file by a new version of itself, when that leaves every index but the
    /// people's as it was: same path, same area (or still none). Returns false, changing
    /// nothing, otherwise; the caller then builds a new directory.
    public mutating func replace(_ file: NetworkFile) -> Bool {
        guard scopedFiles.count == storedFiles.count,
              let index = Self.index(of: file.path, in: storedFiles),
              storedFiles[index].outline?.area == file.outline?.area
        else { return false }
        // Every index stays valid; the file also takes its old place among the networks.
        people.replace(Int32(index), with: file)
        storedFiles[index] = file
        scopedFiles = storedFiles
        if file.outline != nil, let position = Self.index(of: file.path, in: scopedNetworkFiles) {
            scopedNetworkFiles[position] = file
        }
        return true
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
        copy.scopedFiles = paths.compactMap { Self.index(of: $0, in: storedFiles).map { storedFiles[$0] } }
            .sorted { $0.path < $1.path }
        copy.scopedNetworkFiles = copy.scopedFiles.filter { $0.outline != nil }
        copy.isScoped = true
        return copy
    }

    /// The same directory, noting in `log` everything read from it.
    public func recording(into log: ReadLog) -> Directory {
        var copy = self
        copy.log = log
        return copy
    }

    /// Notes a read made through a table derived from this directory (a roll-up).
    public func note(_ read: DirectoryRead) {
        log?.note(read)
    }

    /// Every file whose network claims area `code` (more than one is a duplicate).
    public func files(claiming code: String) -> [NetworkFile] {
        log?.note(.area(code))
        guard let first = byArea[code] else { return [] }
        return [storedFiles[first]] + (duplicateClaims[code] ?? []).map { storedFiles[$0] }
    }

    public func file(forArea code: String) -> NetworkFile? {
        log?.note(.area(code))
        return byArea[code].map { storedFiles[$0] }
    }

    /// The network serving `code`, if any.
    public func network(forArea code: String) -> Network? {
        file(forArea: code)?.network
    }

    /// Whether some file has a network for `code` (without copying the network).
    public func hasNetwork(_ code: String) -> Bool {
        log?.note(.area(code))
        return byArea[code] != nil
    }

    /// Whether any network file exists for `code` or an area below it.
    public func hasContent(under code: String) -> Bool {
        log?.note(.subtree(code))
        return coveredCodes.contains(code)
    }

    /// The networks one level below `code` that exist in the content, by area code.
    public func childNetworks(of code: String) -> [(file: NetworkFile, network: Network)] {
        gazetteer.children(of: code).compactMap { area in
            guard let file = file(forArea: area.code), let network = file.network else { return nil }
            return (file, network)
        }
    }

    /// The first file by path whose committee, at the level of `code`, lists a person
    /// with this name key (`PersonName.key`), and the line of its first entry there.
    public func firstCommittee(listing key: [UInt8], levelOf code: String) -> (path: String, line: Int)? {
        firstCommittee(hash: PersonName.hash(key, level: code.utf8.count), check: PersonName.check(key))
    }

    /// `firstCommittee(listing:levelOf:)` for the key whose hashes `PersonName.hashes`
    /// gives (at the level of the committees to search).
    public func firstCommittee(hash: UInt64, check: UInt64) -> (path: String, line: Int)? {
        log?.note(.person(hash))
        return people.first(hash: hash, check: check).map { (storedFiles[Int($0.file)].path, Int($0.line)) }
    }
}
