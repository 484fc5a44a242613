/// All networks of a content folder, placed in the national → province → district →
/// subdistrict hierarchy of the gazetteer. Networks refer to each other by area code.
public struct Directory: Sendable {
    /// The areas the networks serve.
    public let gazetteer: Gazetteer
    /// Every loaded file, sorted by path, including files whose front matter failed.
    public let files: [NetworkFile]
    private let byArea: [String: Int]
    /// The area codes that have a network, sorted.
    public let networkCodes: [String]
    /// Every area code that has a network at or below it.
    private let coveredCodes: Set<String>

    /// Builds the directory. When two files claim one area, the first by path wins here;
    /// the area rule reports the second.
    public init(files: [NetworkFile], gazetteer: Gazetteer) {
        let sorted = files.sorted { $0.path < $1.path }
        var byArea: [String: Int] = [:]
        for (index, file) in sorted.enumerated() {
            guard let code = file.network?.area.value, byArea[code] == nil else { continue }
            byArea[code] = index
        }
        self.files = sorted
        self.networks = sorted.compactMap { file in file.network.map { (file, $0) } }
        self.byArea = byArea
        self.networkCodes = byArea.keys.sorted()
        var covered: Set<String> = []
        for code in byArea.keys {
            for length in [0, 2, 4, 6] where length <= code.count { covered.insert(String(code.prefix(length))) }
        }
        self.coveredCodes = covered
        self.gazetteer = gazetteer
    }

    /// Files whose network could be read, with the network, sorted by path.
    public let networks: [(file: NetworkFile, network: Network)]

    /// The file of the network serving `code`, if any.
    public func file(forArea code: String) -> NetworkFile? {
        byArea[code].map { files[$0] }
    }

    /// The network serving `code`, if any.
    public func network(forArea code: String) -> Network? {
        file(forArea: code)?.network
    }

    /// Whether any network file exists for `code` or an area below it.
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
