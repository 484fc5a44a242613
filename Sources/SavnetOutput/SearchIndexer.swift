import Foundation

/// Runs Pagefind's extended build (which segments Thai words) over a built site.
/// Found as `pagefind_extended` on the PATH or as the Python package
/// `pagefind_bin_extended` (`pip install pagefind-bin-extended`).
public struct SearchIndexer {
    /// The command to run, before its arguments.
    public let command: [String]

    /// Finds Pagefind in `environment`'s PATH; nil when it is not installed.
    public static func find(environment: [String: String]) -> SearchIndexer? {
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/pagefind_extended"
            if FileManager.default.isExecutableFile(atPath: candidate) { return SearchIndexer(command: [candidate]) }
        }
        for folder in path.split(separator: ":") {
            let python = "\(folder)/python3"
            guard FileManager.default.isExecutableFile(atPath: python) else { continue }
            if (try? run([python, "-c", "import pagefind_bin_extended"], quiet: true)) == 0 {
                return SearchIndexer(command: [python, "-m", "pagefind_bin_extended"])
            }
            break
        }
        return nil
    }

    /// Indexes the site in `folder`; throws with Pagefind's own output when it fails.
    public func index(_ folder: URL) throws {
        let status = try Self.run(command + ["--site", folder.path, "--silent"], quiet: false)
        guard status == 0 else { throw SearchIndexerError.failed(status) }
    }

    /// Indexes the site in `folder` and writes the search bundle to `bundle` instead of
    /// inside the site (so an updated site's index can be swapped in whole).
    public func index(_ folder: URL, bundle: URL) throws {
        let status = try Self.run(command + ["--site", folder.path, "--output-path", bundle.path, "--silent"], quiet: false)
        guard status == 0 else { throw SearchIndexerError.failed(status) }
    }

    @discardableResult
    static func run(_ arguments: [String], quiet: Bool) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        if quiet {
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
        }
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}

/// Why indexing failed.
public enum SearchIndexerError: Error, Equatable, CustomStringConvertible {
    case failed(Int32)

    public var description: String {
        switch self {
        case let .failed(status): return "Pagefind failed (exit status \(status))"
        }
    }
}
