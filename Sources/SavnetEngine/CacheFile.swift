import Foundation
import SavnetModel
import SavnetOutput

/// The build cache: `.savnet/cache/build` (the state) and `.savnet/cache/files` (the
/// store of parsed files) beside savnet.yml.
public struct CacheFile {
    public static let folder = ".savnet/cache"
    static let statePath = folder + "/build"
    static let storePath = folder + "/files"
    /// Identifies this savnet program: a digest of its executable, or nil (no cache) when
    /// it cannot be read.
    public let tool: String
    public let disabled: Bool

    public init(disabled: Bool) {
        let executable = FileManager.default.contents(atPath: "/proc/self/exe")
            ?? Bundle.main.executablePath.flatMap { FileManager.default.contents(atPath: $0) }
        tool = executable.map { ContentDigest([UInt8]($0)).description } ?? ""
        self.disabled = disabled || executable == nil
    }

    /// Waits for any other build using this cache (two builds updating one output in
    /// place at once would undo each other's work). Held until the process ends.
    /// `waiting` is told when another build holds the lock.
    public func lock(waiting: () -> Void) {
        guard !disabled else { return }
        try? FileManager.default.createDirectory(atPath: Self.folder, withIntermediateDirectories: true)
        let descriptor = open(Self.folder + "/lock", O_RDWR | O_CREAT, 0o644)
        guard descriptor >= 0 else { return }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            waiting()
            flock(descriptor, LOCK_EX)
        }
    }

    /// Takes the lock shared, without waiting, for a command that only reads the cache
    /// (`check`): false when a build holds it, or there is no cache. Held until the process
    /// ends; a build that starts meanwhile waits for it.
    public func lockShared() -> Bool {
        guard !disabled, FileManager.default.fileExists(atPath: Self.statePath) else { return false }
        let descriptor = open(Self.folder + "/lock", O_RDWR | O_CREAT, 0o644)
        guard descriptor >= 0 else { return false }
        if flock(descriptor, LOCK_SH | LOCK_NB) != 0 {
            close(descriptor)
            return false
        }
        return true
    }

    /// The last build's cache, if there is one to use.
    public func load() -> (state: [UInt8], store: [UInt8])? {
        guard !disabled, let state = SiteWriter.read(Self.statePath) else { return nil }
        return (state, SiteWriter.read(Self.storePath) ?? [])
    }

    /// Saves the engine's state for the next build: entries are appended to the file
    /// store (or the store rewritten), then the state replaces the old one. A build killed
    /// between the two leaves unused bytes at the end of the store, nothing worse. A cache
    /// that cannot be saved is handed to `failed`, not fatal (the next build is then a
    /// whole one).
    public func save(_ engine: BuildEngine, mark: String, failed: (String) -> Void) {
        guard !disabled else { return }
        var info = stat()
        let storeSize = stat(Self.storePath, &info) == 0 ? Int(info.st_size) : nil
        let image = engine.snapshot(tool: tool, mark: mark, storeSize: storeSize)
        let pid = ProcessInfo.processInfo.processIdentifier
        // Partial files of killed builds (the lock says none is running).
        for name in (try? FileManager.default.contentsOfDirectory(atPath: Self.folder)) ?? [] where name.contains(".partial-") {
            try? FileManager.default.removeItem(atPath: Self.folder + "/" + name)
        }
        do {
            try FileManager.default.createDirectory(atPath: Self.folder, withIntermediateDirectories: true)
            if image.rewritesStore {
                try Self.replace(Self.storePath, with: image.store, pid: pid)
            } else if !image.store.isEmpty {
                guard SiteWriter.append(chunks: image.store, to: Self.storePath) else { throw CocoaError(.fileWriteUnknown) }
            }
            try Self.replace(Self.statePath, with: image.state, pid: pid)
        } catch {
            failed("build cache: cannot save \(Self.folder)/: \(error.localizedDescription); the next build will be a whole one")
        }
    }

    /// Writes a file whole beside `path`, then renames it into place.
    private static func replace(_ path: String, with chunks: [[UInt8]], pid: Int32) throws {
        let temporary = path + ".partial-\(pid)"
        guard SiteWriter.write(chunks: chunks, to: temporary), rename(temporary, path) == 0 else {
            try? FileManager.default.removeItem(atPath: temporary)
            throw CocoaError(.fileWriteUnknown)
        }
    }
}
