import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Paths judged as the file system sees them: symbolic links and `..` resolved, never
/// compared as the strings a user typed.
public enum RealPath {
    /// The absolute path `path` names (relative to `base`), with every symbolic link of
    /// the part that exists resolved; the part that does not exist yet is added as
    /// written, `.` and `..` applied.
    public static func resolve(_ path: String, relativeTo base: String = FileManager.default.currentDirectoryPath) -> String {
        let absolute = path.hasPrefix("/") ? path : base + "/" + path
        var resolved = "/"
        var exists = true
        for part in absolute.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                resolved = (resolved as NSString).deletingLastPathComponent
                if resolved.isEmpty { resolved = "/" }
                continue
            }
            let candidate = resolved == "/" ? "/" + part : resolved + "/" + part
            var info = stat()
            if exists, lstat(candidate, &info) == 0, let real = realpath(candidate, nil) {
                resolved = String(cString: real)
                free(real)
            } else {
                exists = false
                resolved = candidate
            }
        }
        return resolved
    }

    /// Whether `path` is `folder` or lies inside it (both resolved).
    public static func isInside(_ path: String, _ folder: String) -> Bool {
        path == folder || folder == "/" || path.hasPrefix(folder + "/")
    }
}
