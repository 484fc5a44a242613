import Foundation
#if canImport(Glibc)
import Glibc
#endif
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
    /// `root`'s path, taken once: a URL makes its path anew each time it is asked (about
    /// a tenth of a file's reading, on every file).
    private let rootPath: String

    /// Creates a loader for the folder at `root`, shown to users as `displayRoot`.
    public init(root: URL, displayRoot: String) {
        self.root = root
        self.displayRoot = displayRoot
        rootPath = root.path
    }

    /// The files and the problems found while reading and parsing them, files sorted by path.
    /// Files are read and parsed on every core; the result does not depend on their order.
    public func load() throws -> (files: [NetworkFile], diagnostics: [Diagnostic]) {
        let (paths, skipped) = try listing()
        let results = ParallelMap.map(paths) { contentPath in loadOne(contentPath) }
        var files: [NetworkFile] = []
        var diagnostics: [Diagnostic] = skipped
        files.reserveCapacity(paths.count)
        for (file, found) in results {
            if let file { files.append(file) }
            diagnostics += found
        }
        return (files, diagnostics)
    }

    /// Reads and parses one file; a file that cannot be read gives only a diagnostic.
    public func loadOne(_ contentPath: String) -> (NetworkFile?, [Diagnostic]) {
        switch read(contentPath) {
        case let .success(bytes): return loadOne(contentPath, bytes: bytes)
        case let .failure(diagnostic): return (nil, [diagnostic])
        }
    }

    /// Parses one file from bytes already read with `read(_:)`.
    public func loadOne(_ contentPath: String, bytes: [UInt8]) -> (NetworkFile?, [Diagnostic]) {
        let (file, found) = NetworkParser.parse(bytes: bytes, path: shownPath(contentPath), contentPath: contentPath)
        return (file, found)
    }

    /// How many content files were read, as `savnet check` reports it: those parsed, and
    /// those too large to parse (an unreadable file was not read).
    public static func fileCount(parsed: Int, findings: some Sequence<Diagnostic>) -> Int {
        parsed + findings.filter { $0.rule == "file-too-large" }.count
    }

    /// The path of a content file as shown to users: `content/84/_index.md`.
    public func shownPath(_ contentPath: String) -> String {
        displayRoot.isEmpty ? contentPath : "\(displayRoot)/\(contentPath)"
    }

    /// The bytes of each of `paths` (as `listing()` gives them), read on every core, in
    /// the order given.
    public func contents(of paths: [String]) -> [(String, Result<[UInt8], Diagnostic>)] {
        Array(zip(paths, ParallelMap.map(paths, read)))
    }

    /// The bytes of one file, or the finding that says why it cannot be used (unreadable,
    /// larger than the limit). Reads at most one byte past the limit.
    public func read(_ contentPath: String) -> Result<[UInt8], Diagnostic> {
        let shown = shownPath(contentPath)
        let path = rootPath + "/" + contentPath
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return .failure(unreadable(shown)) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(unreadable(shown)) }
        // Read up to one byte past the limit (the size may change while reading), straight
        // into the array's memory: filling it with zeros first touched every page twice.
        var failed = false
        func chunk(_ size: Int) -> [UInt8] {
            [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
                var count = 0
                while count < size {
                    let got = Glibc.read(descriptor, buffer.baseAddress! + count, size - count)
                    if got < 0, errno == EINTR { continue }
                    if got < 0 { failed = true }
                    if got <= 0 { break }
                    count += got
                }
                initialized = count
            }
        }
        var room = min(Int(info.st_size), Self.maximumFileSize) + 1
        var bytes = chunk(room)
        // The file grew since it was measured: read on, a page at a time, to the limit.
        while !failed, bytes.count == room, room <= Self.maximumFileSize {
            let more = min(4096, Self.maximumFileSize + 1 - room)
            room += more
            bytes += chunk(more)
        }
        guard !failed else { return .failure(unreadable(shown)) }
        guard bytes.count <= Self.maximumFileSize else {
            return .failure(tooLarge(shown, size: max(Int(info.st_size), bytes.count)))
        }
        return .success(bytes)
    }
}

extension ContentLoader {
    /// Paths of `.md` files below the root, relative to it, sorted.
    public func markdownPaths() throws -> [String] {
        try listing().paths
    }

    /// Paths of `.md` files below the root, relative to it, sorted, and a finding for
    /// every other entry, which is not read: hidden entries, other names (`.MD`, `.txt`),
    /// symbolic links to folders or out of the folder, folders that cannot be read, pipes.
    /// Nothing under the content folder is passed over without a word.
    public func listing() throws -> (paths: [String], skipped: [Diagnostic]) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: rootPath, isDirectory: &isDirectory), isDirectory.boolValue,
              let base = Self.resolved(rootPath)
        else { throw ContentLoaderError.notAFolder(rootPath) }
        guard let stream = opendir(rootPath) else { throw ContentLoaderError.unreadable(rootPath) }
        closedir(stream)
        var paths: [String] = []
        var skipped: [Diagnostic] = []
        walk(rootPath, relative: "", base: base, into: &paths, skipped: &skipped)
        return (paths.sorted(), skipped.sorted())
    }

    /// Whether `markdownPaths()` would list the file at `contentPath`: a visible `.md`
    /// regular file, or a link to one inside the content folder, in visible folders that
    /// are not links.
    public func isListed(_ contentPath: String) -> Bool {
        let parts = contentPath.split(separator: "/", omittingEmptySubsequences: false)
        guard contentPath.hasSuffix(".md"), !parts.contains(where: { $0.isEmpty || $0.hasPrefix(".") }),
              let base = Self.resolved(rootPath) else { return false }
        var folder = rootPath
        for part in parts.dropLast() {
            folder += "/" + part
            var info = stat()
            guard lstat(folder, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return false }
        }
        let path = rootPath + "/" + contentPath
        var info = stat()
        guard lstat(path, &info) == 0 else { return false }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return true
        case S_IFLNK:
            guard let target = Self.resolved(path), target.hasPrefix(base + "/") else { return false }
            return stat(target, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
        default: return false
        }
    }

    /// The absolute path with every symbolic link resolved.
    private static func resolved(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    /// Collects `.md` files below `folder` with plain directory reads (Foundation's walker
    /// costs several times more on 8,000 files), and a finding for each entry not read.
    private func walk(_ folder: String, relative: String, base: String, into paths: inout [String], skipped: inout [Diagnostic]) {
        guard let stream = opendir(folder) else {
            skipped.append(notRead(relative, .error, th: "อ่านโฟลเดอร์นี้ไม่ได้ ไฟล์ในโฟลเดอร์จึงไม่ถูกตรวจ",
                                   en: "this folder cannot be read, so none of its files were checked",
                                   hintTH: "ตรวจสิทธิ์การอ่านโฟลเดอร์", hintEN: "check the folder's permissions"))
            return
        }
        defer { closedir(stream) }
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            guard name != ".", name != ".." else { continue }
            let path = folder + "/" + name
            let shown = relative.isEmpty ? name : relative + "/" + name
            if name.hasPrefix(".") {
                guard name != ".gitkeep" else { continue }  // the usual marker of an empty folder
                skipped.append(notRead(shown, .warning, th: "ไฟล์หรือโฟลเดอร์ซ่อน (ชื่อขึ้นต้นด้วยจุด) ไม่ถูกอ่าน",
                                       en: "hidden entries (names starting with a dot) are not read",
                                       hintTH: "เปลี่ยนชื่อไม่ให้ขึ้นต้นด้วยจุด หรือย้ายออกจากโฟลเดอร์เนื้อหา",
                                       hintEN: "rename it without the leading dot, or move it out of the content folder"))
                continue
            }
            var type = Int32(entry.pointee.d_type)
            if type == Int32(DT_UNKNOWN) {
                var info = stat()
                guard lstat(path, &info) == 0 else { continue }
                switch info.st_mode & S_IFMT {
                case S_IFDIR: type = Int32(DT_DIR)
                case S_IFLNK: type = Int32(DT_LNK)
                case S_IFREG: type = Int32(DT_REG)
                default: type = Int32(DT_FIFO)
                }
            }
            if type == Int32(DT_DIR) {
                walk(path, relative: shown, base: base, into: &paths, skipped: &skipped)
                continue
            }
            if type == Int32(DT_LNK) {
                var info = stat()
                guard let target = Self.resolved(path), target.hasPrefix(base + "/"), stat(target, &info) == 0,
                      (info.st_mode & S_IFMT) == S_IFREG, name.hasSuffix(".md") else {
                    skipped.append(notRead(shown, name.lowercased().hasSuffix(".md") ? .error : .warning,
                                           th: "ไม่อ่านลิงก์ (symbolic link) ที่ชี้ไปยังโฟลเดอร์หรือออกนอกโฟลเดอร์เนื้อหา",
                                           en: "symbolic links to folders or out of the content folder are not followed",
                                           hintTH: "คัดลอกไฟล์จริงมาไว้ในโฟลเดอร์เนื้อหาแทนลิงก์",
                                           hintEN: "put the file itself in the content folder instead of a link"))
                    continue
                }
                paths.append(shown)
                continue
            }
            guard type == Int32(DT_REG) else {
                skipped.append(notRead(shown, .warning, th: "ไม่ใช่ไฟล์ธรรมดา (เช่น pipe หรือ device) จึงไม่ถูกอ่าน",
                                       en: "not a regular file (a pipe or a device), so it is not read",
                                       hintTH: "ลบออกจากโฟลเดอร์เนื้อหา", hintEN: "remove it from the content folder"))
                continue
            }
            if name.hasSuffix(".md") {
                paths.append(shown)
            } else if name.lowercased().hasSuffix(".md") || name.lowercased().hasSuffix(".markdown") {
                skipped.append(notRead(shown, .error, th: "ไฟล์เครือข่ายต้องลงท้ายด้วย .md (ตัวพิมพ์เล็ก) ไฟล์นี้จึงไม่ถูกอ่าน",
                                       en: "network files must end in .md (lower case), so this one is not read",
                                       hintTH: "เปลี่ยนชื่อให้ลงท้ายด้วย .md", hintEN: "rename it to end in .md"))
            } else {
                skipped.append(notRead(shown, .warning, th: "ไม่ใช่ไฟล์เครือข่าย (.md) จึงไม่ถูกอ่าน",
                                       en: "not a network file (.md), so it is not read",
                                       hintTH: "ย้ายไฟล์อื่น ๆ ออกจากโฟลเดอร์เนื้อหา", hintEN: "keep other files out of the content folder"))
            }
        }
    }

    private func notRead(_ contentPath: String, _ severity: Severity, th: String, en: String, hintTH: String, hintEN: String) -> Diagnostic {
        Diagnostic(rule: "content-not-read", severity: severity,
                   location: SourceLocation(path: shownPath(contentPath), line: 1, column: 1),
                   message: Localized(th: th, en: en), hint: Localized(th: hintTH, en: hintEN))
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
    /// The folder cannot be read (permissions).
    case unreadable(String)

    public var description: String {
        switch self {
        case let .notAFolder(path): return "\(path) is not a folder"
        case let .unreadable(path): return "the folder \(path) cannot be read (check its permissions)"
        }
    }
}
