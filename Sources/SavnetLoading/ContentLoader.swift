import Foundation
import SavnetModel

/// Reads every network file under a content folder. The only part of savnet that reads
/// `content/`. Bounded: files over `maximumFileSize` are reported, not read.
public struct ContentLoader {
    /// The largest content file savnet reads (1 MiB: a national network with every
    /// field filled is about 30 KiB).
    public static let maximumFileSize = 1 << 20

    /// The content folder on disk.
    public let root: URL
    /// How the folder is shown in diagnostics (`content`).
    public let displayRoot: String

    /// Creates a loader for the folder at `root`, shown to users as `displayRoot`.
    public init(root: URL, displayRoot: String) {
        self.root = root
        self.displayRoot = displayRoot
    }

    /// The files and the problems found while reading and parsing them, files sorted by path.
    /// Files are read and parsed on every core; the result does not depend on their order.
    public func load() throws -> (files: [NetworkFile], diagnostics: [Diagnostic]) {
        let paths = try markdownPaths()
        let results = ParallelMap.map(paths) { contentPath in loadOne(contentPath) }
        var files: [NetworkFile] = []
        var diagnostics: [Diagnostic] = []
        files.reserveCapacity(paths.count)
        for (file, found) in results {
            if let file { files.append(file) }
            diagnostics += found
        }
        return (files, diagnostics)
    }

    /// Reads and parses one file; a file that cannot be read gives only a diagnostic.
    public func loadOne(_ contentPath: String) -> (NetworkFile?, [Diagnostic]) {
        let shown = displayRoot.isEmpty ? contentPath : "\(displayRoot)/\(contentPath)"
        let path = root.path + "/" + contentPath
        guard let handle = FileHandle(forReadingAtPath: path) else { return (nil, [unreadable(shown)]) }
        defer { try? handle.close() }
        // Read one byte past the limit: a larger file is reported, not parsed.
        let data: Data
        do {
            // `nil` means the file is empty.
            data = try handle.read(upToCount: Self.maximumFileSize + 1) ?? Data()
        } catch {
            return (nil, [unreadable(shown)])
        }
        guard data.count <= Self.maximumFileSize else {
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? data.count
            return (nil, [tooLarge(shown, size: size)])
        }
        let (file, found) = NetworkParser.parse(bytes: [UInt8](data), path: shown, contentPath: contentPath)
        return (file, found)
    }
}

extension ContentLoader {
    /// Paths of `.md` files below the root, relative to it, sorted; hidden entries and
    /// symbolic links that lead outside the folder are skipped.
    public func markdownPaths() throws -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ContentLoaderError.notAFolder(root.path)
        }
        let base = root.resolvingSymlinksInPath().standardizedFileURL.path
        guard let walker = FileManager.default.enumerator(
            at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]
        ) else { throw ContentLoaderError.notAFolder(root.path) }
        var paths: [String] = []
        for case let url as URL in walker where url.pathExtension == "md" {
            let resolved = url.resolvingSymlinksInPath().standardizedFileURL.path
            guard resolved.hasPrefix(base + "/") else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1))
            paths.append(relative)
        }
        return paths.sorted()
    }

    private func tooLarge(_ path: String, size: Int) -> Diagnostic {
        Diagnostic(
            rule: "file-too-large", severity: .error, location: SourceLocation(path: path, line: 1, column: 1),
            message: Localized(
                th: "ไฟล์ใหญ่เกินไป (\(size) ไบต์ เกินขีดจำกัด \(Self.maximumFileSize) ไบต์)",
                en: "the file is too large (\(size) bytes; the limit is \(Self.maximumFileSize))"),
            hint: Localized(th: "ย้ายเนื้อหายาว ๆ หรือไฟล์แนบออกจากไฟล์เครือข่าย",
                            en: "move long text or attachments out of the network file"))
    }

    private func unreadable(_ path: String) -> Diagnostic {
        Diagnostic(
            rule: "file-unreadable", severity: .error, location: SourceLocation(path: path, line: 1, column: 1),
            message: Localized(th: "อ่านไฟล์ไม่ได้", en: "the file cannot be read"),
            hint: Localized(th: "ตรวจสิทธิ์การอ่านไฟล์", en: "check the file's permissions"))
    }
}

/// Why a content folder could not be read at all.
public enum ContentLoaderError: Error, Equatable, CustomStringConvertible {
    /// The path is not a folder.
    case notAFolder(String)

    public var description: String {
        switch self {
        case let .notAFolder(path): return "\(path) is not a folder"
        }
    }
}
