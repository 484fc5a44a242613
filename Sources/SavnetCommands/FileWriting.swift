import Foundation
import SavnetLoading

/// Writes a user's file whole or not at all: into a temporary file beside it, then into
/// place by one rename (or, for a new file, one link that fails if the name is taken).
enum FileWriting {
    enum Failure: Error, CustomStringConvertible {
        case exists(String)
        case cannotWrite(String, String)

        var description: String {
            switch self {
            case let .exists(path): return "\(path) already exists; savnet never overwrites it"
            case let .cannotWrite(path, reason): return "cannot write \(path): \(reason)"
            }
        }
    }

    /// Writes `text` to `path`. With `replacing` false the file must not exist yet; with
    /// true it replaces the file, keeping its permissions.
    static func write(_ text: String, to given: String, replacing: Bool) throws {
        // A link is followed: its target is what changes, and the link stays a link.
        let path = replacing ? RealPath.resolve(given) : given
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let temporary = (folder.isEmpty ? "." : folder) + "/.\(name).savnet-\(ProcessInfo.processInfo.processIdentifier)"
        // A new file gets the user's umask; a replaced one keeps its permissions.
        let mask = umask(0)
        umask(mask)
        var mode: mode_t = 0o666 & ~mask
        var info = stat()
        if replacing, stat(path, &info) == 0 { mode = info.st_mode & 0o7777 }
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, mode)
        guard descriptor >= 0 else { throw Failure.cannotWrite(path, String(cString: strerror(errno))) }
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if count <= 0 {
                let reason = String(cString: strerror(errno))
                close(descriptor)
                unlink(temporary)
                throw Failure.cannotWrite(path, reason)
            }
            written += count
        }
        fchmod(descriptor, mode)
        // On disk before it takes the old file's name.
        fsync(descriptor)
        guard close(descriptor) == 0 else {
            unlink(temporary)
            throw Failure.cannotWrite(path, String(cString: strerror(errno)))
        }
        defer { unlink(temporary) }
        if replacing {
            guard rename(temporary, path) == 0 else { throw Failure.cannotWrite(given, String(cString: strerror(errno))) }
        } else {
            guard link(temporary, path) == 0 else {
                if errno == EEXIST { throw Failure.exists(given) }
                throw Failure.cannotWrite(given, String(cString: strerror(errno)))
            }
        }
        let directory = open(folder.isEmpty ? "." : folder, O_RDONLY)
        if directory >= 0 {
            fsync(directory)
            close(directory)
        }
    }
}
