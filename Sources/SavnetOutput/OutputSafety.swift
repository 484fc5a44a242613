import Foundation
import SavnetLoading
#if canImport(Glibc)
import Glibc
#endif

/// Why savnet will not write its site into a folder.
public enum OutputRefusal: Error, Equatable, CustomStringConvertible {
    /// The output is (or holds) a folder savnet must not replace.
    case protected(output: String, folder: String, role: String, same: Bool)
    /// The output lies inside a folder whose files are the user's sources.
    case insideSources(output: String, folder: String, role: String)
    /// The output exists, holds files and was not written by savnet.
    case notASavnetBuild(output: String, entries: [String])
    /// The output exists and is not a folder.
    case notAFolder(String)
    /// The folder that should hold the output does not exist.
    case missingParent(String)
    /// The output is a mount point: it cannot be swapped by renaming.
    case mountPoint(String)

    public var description: String {
        switch self {
        case let .protected(output, folder, role, same):
            let what = same ? "is" : "holds"
            return "refusing to build into \(output): it \(what) \(role) (\(folder)), which savnet would replace; "
                + "choose a folder of its own, such as site or public"
        case let .insideSources(output, folder, role):
            return "refusing to build into \(output): it lies inside \(role) (\(folder)); "
                + "choose a folder outside it, such as site or public"
        case let .notASavnetBuild(output, entries):
            let shown = entries.prefix(5).joined(separator: ", ") + (entries.count > 5 ? ", …" : "")
            return "refusing to build into \(output): it already holds files that savnet did not write (\(shown)); "
                + "choose an empty or new folder, or pass --force to build into it anyway "
                + "(your files there are kept unless savnet writes a file of the same name)"
        case let .notAFolder(output):
            return "cannot build into \(output): it exists and is not a folder"
        case let .missingParent(parent):
            return "cannot build: the folder \(parent) does not exist; create it first, or choose another --output"
        case let .mountPoint(output):
            return "cannot build into \(output): it is a mount point, and savnet replaces the output folder by renaming it; "
                + "build into a folder inside it instead (for example \(output)/site)"
        }
    }
}

/// Decides whether a folder may receive a built site. savnet replaces the output folder
/// whole, so it must never be, hold or lie inside anything the user keeps there.
public struct OutputGuard {
    /// A folder the output must not be, hold, or (when `refusesInside`) lie inside.
    public struct Protected {
        public var path: String
        public var role: String
        public var refusesInside: Bool

        public init(path: String, role: String, refusesInside: Bool) {
            self.path = path
            self.role = role
            self.refusesInside = refusesInside
        }
    }

    /// The output as the user wrote it, for messages.
    public let shown: String
    /// The output's real path.
    public let output: String
    /// What it must keep clear of.
    public let protected: [Protected]

    /// A guard for `output` against `protected` folders (each path as the user wrote it,
    /// resolved here).
    public init(output: String, protected: [(path: String, role: String, refusesInside: Bool)]) {
        shown = output
        self.output = RealPath.resolve(output)
        self.protected = protected.map { Protected(path: RealPath.resolve($0.path), role: $0.role, refusesInside: $0.refusesInside) }
    }

    /// Throws when building into the output could replace or mix with something that is
    /// not a savnet build; `force` allows an existing folder savnet did not write.
    public func check(force: Bool) throws {
        try checkPlace()
        try checkOwnership(force: force)
    }

    /// Throws when the output is, holds or lies inside something it must keep clear of,
    /// has no folder to live in, is a file, or is a mount point.
    public func checkPlace() throws {
        if output == "/" { throw OutputRefusal.protected(output: shown, folder: "/", role: "the root of the file system", same: true) }
        for folder in protected {
            if RealPath.isInside(folder.path, output) {
                throw OutputRefusal.protected(output: shown, folder: folder.path, role: folder.role, same: folder.path == output)
            }
            if folder.refusesInside, RealPath.isInside(output, folder.path) {
                throw OutputRefusal.insideSources(output: shown, folder: folder.path, role: folder.role)
            }
        }
        let parent = (output as NSString).deletingLastPathComponent
        var info = stat()
        guard stat(parent, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
            throw OutputRefusal.missingParent((shown as NSString).deletingLastPathComponent.isEmpty
                ? parent : (shown as NSString).deletingLastPathComponent)
        }
        let parentDevice = info.st_dev
        guard lstat(output, &info) == 0 else { return }  // a new folder
        guard (info.st_mode & S_IFMT) == S_IFDIR else { throw OutputRefusal.notAFolder(shown) }
        if info.st_dev != parentDevice { throw OutputRefusal.mountPoint(shown) }
    }

    /// Throws when the output exists, holds files and was not written by savnet (no
    /// manifest), unless `force`. Run after the writer has finished what a killed build
    /// left half done, which may have set the manifest aside for a moment.
    public func checkOwnership(force: Bool) throws {
        var info = stat()
        guard !force, lstat(output, &info) == 0, !FileManager.default.fileExists(atPath: output + "/" + SiteWriter.markName) else { return }
        // Dot-entries alone (`.git` of a publishing branch, `.gitkeep`, `.nojekyll`) are kept
        // by every build, so such a folder may be built into.
        let entries = ((try? FileManager.default.contentsOfDirectory(atPath: output)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
        if !entries.isEmpty { throw OutputRefusal.notASavnetBuild(output: shown, entries: entries) }
    }
}

/// One lock per output folder, taken by every build, with or without the cache: held on
/// the folder that holds the output (which, unlike the output, is never renamed), until
/// the process ends.
public enum OutputLock {
    private nonisolated(unsafe) static var held: [String: Int32] = [:]

    /// Waits until no other savnet build writes beside `output`; `waiting` is called once
    /// if another build holds the lock.
    public static func acquire(for output: URL, waiting: () -> Void) throws {
        let parent = RealPath.resolve(output.deletingLastPathComponent().path)
        guard held[parent] == nil else { return }
        let descriptor = open(parent, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw OutputRefusal.missingParent(parent) }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            waiting()
            while flock(descriptor, LOCK_EX) != 0, errno == EINTR {}
        }
        held[parent] = descriptor
    }
}

/// Whether the process with `pid` still runs (its leftovers are then not touched).
func processIsAlive(_ pid: Int32) -> Bool {
    pid > 0 && (kill(pid, 0) == 0 || errno == EPERM)
}

/// A system call's failure as words: `cannot write site/x: No space left on device`.
func systemError(_ action: String, _ path: String, _ code: Int32 = errno) -> WriterError {
    .failed("\(action) \(path): \(String(cString: strerror(code)))")
}
