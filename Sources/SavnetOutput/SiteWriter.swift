import Foundation
#if canImport(Glibc)
import Glibc
#endif
import SavnetModel
import SavnetRendering

/// Puts a built site in place without ever leaving a half-built one: files go into a
/// fresh folder beside the output, which then replaces the old output in one step.
///
/// savnet deletes or replaces only what it wrote: the output holds a manifest
/// (`.savnet-build`: the build's mark, then every path it wrote), and whatever else is in
/// the output (a `.git` of a publishing branch, `CNAME`, a hand-written page) is carried
/// over into the new site after the swap.
public struct SiteWriter {
    /// The output folder (`site`).
    public let output: URL

    /// Creates a writer for `output`.
    public init(output: URL) {
        self.output = output
    }

    private var parent: URL { output.deletingLastPathComponent() }
    private var pid: Int32 { ProcessInfo.processInfo.processIdentifier }

    /// The name of a folder or file savnet keeps beside the output while it works.
    func sibling(_ kind: String, pid: Int32? = nil) -> URL {
        parent.appendingPathComponent(".\(output.lastPathComponent).\(kind)-\(pid ?? self.pid)")
    }

    /// A fresh, empty staging folder beside the output (leftovers of killed builds
    /// finished or removed first).
    public func makeStaging() throws -> StagingFolder {
        recoverInterruptedWork()
        let staging = sibling("building")
        try? FileManager.default.removeItem(at: staging)
        guard mkdir(staging.path, 0o755) == 0 else { throw systemError("cannot create", staging.path) }
        return StagingFolder(url: staging)
    }

    /// A fresh staging folder beside the output, with `files` and their manifest written into it.
    public func stage(_ files: [OutputFile]) throws -> URL {
        let folder = try makeStaging()
        for file in files { folder.add(file) }
        let url = try folder.finish()
        guard Self.write(Self.manifest(mark: "test", paths: folder.paths), to: url.path + "/" + Self.markName) else {
            throw systemError("cannot write", url.path + "/" + Self.markName)
        }
        return url
    }

    /// What a commit did besides putting the new site in place.
    public struct CommitReport: Equatable {
        /// Files and folders of the old output that savnet had not written, carried over.
        public var kept: [String] = []
        /// Files savnet had not written that the new site replaced (only possible when
        /// building into a folder savnet did not write, with `--force`).
        public var replaced: [String] = []
    }

    /// Replaces the output with the staged folder (which holds its manifest). The old
    /// output stays whole until the new one is in place; then the entries savnet did not
    /// write are moved from the old output into the new one, and the old one is removed.
    /// A journal beside the output lets the next build finish (or undo) a swap that was
    /// interrupted at any point.
    @discardableResult
    public func commit(_ staging: URL) throws -> CommitReport {
        var report = CommitReport()
        var info = stat()
        guard lstat(output.path, &info) == 0 else {
            guard rename(staging.path, output.path) == 0 else { throw systemError("cannot move the new site to", output.path) }
            return report
        }
        guard (info.st_mode & S_IFMT) == S_IFDIR else { throw OutputRefusal.notAFolder(output.path) }
        let owned = Self.readManifest(output.path).map(\.paths) ?? []
        collectKept(owned: Manifest(owned), staging: staging.path, into: &report)
        let old = sibling("old")
        let journal = sibling("swap")
        try? FileManager.default.removeItem(at: old)
        var text = "staging\t\(staging.lastPathComponent)\nold\t\(old.lastPathComponent)\n"
        for path in report.kept { text += "keep\t\(path)\n" }
        let temporary = journal.path + ".partial"
        guard Self.write(Array(text.utf8), to: temporary), rename(temporary, journal.path) == 0 else {
            unlink(temporary)
            throw systemError("cannot write", journal.path)
        }
        guard rename(output.path, old.path) == 0 else {
            let code = errno
            unlink(journal.path)
            if code == EBUSY { throw OutputRefusal.mountPoint(output.path) }
            throw systemError("cannot move the old site aside:", output.path, code)
        }
        guard rename(staging.path, output.path) == 0 else {
            let code = errno
            rename(old.path, output.path)
            unlink(journal.path)
            throw systemError("cannot move the new site to", output.path, code)
        }
        finishSwap(old: old, kept: report.kept)
        unlink(journal.path)
        return report
    }

    /// Moves the kept entries from the old output into the new one, then removes the old.
    private func finishSwap(old: URL, kept: [String]) {
        for path in kept {
            let source = old.path + "/" + path
            let target = output.path + "/" + path
            var info = stat()
            guard lstat(source, &info) == 0, lstat(target, &info) != 0 else { continue }
            try? Self.makeParent(of: target)
            rename(source, target)
        }
        try? FileManager.default.removeItem(at: old)
    }

    /// Walks the old output for entries savnet did not write: a folder no written path
    /// lies in is kept whole; a file the new site also has is replaced (and reported).
    private func collectKept(owned: Manifest, staging: String, into report: inout CommitReport) {
        func walk(_ relative: String) {
            let folder = relative.isEmpty ? output.path : output.path + "/" + relative
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
            for name in names.sorted() {
                let path = relative.isEmpty ? name : relative + "/" + name
                if relative.isEmpty, name == Self.markName { continue }
                if owned.ownsWhole(path) { continue }
                var own = stat(), new = stat()
                guard lstat(folder + "/" + name, &own) == 0 else { continue }
                let inNew = lstat(staging + "/" + path, &new) == 0
                if (own.st_mode & S_IFMT) == S_IFDIR {
                    if owned.holds(folder: path) || inNew { walk(path) } else { report.kept.append(path) }
                } else if owned.paths.contains(path) {
                    continue
                } else if inNew {
                    report.replaced.append(path)
                } else {
                    report.kept.append(path)
                }
            }
        }
        walk("")
    }

    /// Finishes or undoes what killed builds left beside the output: an interrupted swap
    /// is completed (or, if its new site is gone, the old site put back), an interrupted
    /// update is finished, and staging folders of builds that no longer run are removed.
    /// Work of a process that still runs is never touched.
    public func recoverInterruptedWork() {
        let prefix = ".\(output.lastPathComponent)."
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []).filter { $0.hasPrefix(prefix) }
        func owner(_ name: String) -> Int32? {
            guard let dash = name.lastIndex(of: "-") else { return nil }
            return Int32(name[name.index(after: dash)...].prefix { $0.isNumber })
        }
        // Swaps first: they decide which folder is the site.
        for name in names where name.dropFirst(prefix.count).hasPrefix("swap-") && !name.hasSuffix(".partial") {
            guard let pid = owner(name), !processIsAlive(pid) || pid == self.pid else { continue }
            recoverSwap(parent.appendingPathComponent(name))
        }
        recoverInterruptedUpdates()
        var info = stat()
        let hasOutput = lstat(output.path, &info) == 0
        for name in names {
            let kind = name.dropFirst(prefix.count)
            guard let pid = owner(name), !processIsAlive(pid) || pid == self.pid,
                  ["building-", "old-", "search-new-", "search-old-", "swap-"].contains(where: kind.hasPrefix) else { continue }
            let url = parent.appendingPathComponent(name)
            guard lstat(url.path, &info) == 0 else { continue }
            if kind.hasPrefix("old-"), !hasOutput {
                rename(url.path, output.path)  // a site set aside by an older savnet: put it back
                continue
            }
            if kind.hasPrefix("search-old-"), lstat(output.path + "/pagefind", &info) != 0 {
                rename(url.path, output.path + "/pagefind")
                continue
            }
            try? FileManager.default.removeItem(at: url)
        }
    }

    /// Completes one interrupted swap from its journal.
    private func recoverSwap(_ journal: URL) {
        guard let data = FileManager.default.contents(atPath: journal.path) else { return }
        var staging: URL?
        var old: URL?
        var kept: [String] = []
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: "\t", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            switch parts[0] {
            case "staging" where !parts[1].contains("/"): staging = parent.appendingPathComponent(parts[1])
            case "old" where !parts[1].contains("/"): old = parent.appendingPathComponent(parts[1])
            case "keep" where Self.isSafe(parts[1]): kept.append(parts[1])
            default: break
            }
        }
        guard let staging, let old else { unlink(journal.path); return }
        var info = stat()
        if lstat(output.path, &info) != 0 {
            if lstat(staging.path, &info) == 0 {
                rename(staging.path, output.path)
            } else if lstat(old.path, &info) == 0 {
                rename(old.path, output.path)
            }
        }
        if lstat(old.path, &info) == 0 { finishSwap(old: old, kept: kept) }
        if lstat(staging.path, &info) == 0 { try? FileManager.default.removeItem(at: staging) }
        unlink(journal.path)
    }

    /// The manifest's text: the mark on the first line, then every path the build wrote
    /// (a path ending in `/` owns a whole folder, such as the search bundle).
    public static func manifest(mark: String, paths: some Sequence<String>) -> [UInt8] {
        var text = mark + "\n"
        for path in paths.sorted() { text += path + "\n" }
        return Array(text.utf8)
    }

    /// The mark and paths of the manifest in `folder`, if it has one.
    public static func readManifest(_ folder: String) -> (mark: String, paths: [String])? {
        guard let bytes = read(folder + "/" + markName) else { return nil }
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        guard let mark = lines.first else { return nil }
        return (mark.trimmingCharacters(in: .whitespaces), Array(lines.dropFirst()))
    }

    /// The name of the file in the output that marks which build wrote it: a build that
    /// finds the mark its cache expects updates the output in place; any other output is
    /// rebuilt whole.
    public static let markName = ".savnet-build"

    /// The mark of the build that wrote the output, if any.
    public func mark() -> String? {
        // The first line only: the manifest lists every file of the site.
        guard let bytes = Self.read(output.path + "/" + Self.markName) else { return nil }
        let line = bytes.prefix { $0 != 0x0A }
        guard !line.isEmpty else { return nil }
        return String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespaces)
    }

    /// The manifest with a new mark, when an update writes only files it already lists
    /// and removes none (the usual edit): its list is kept as it is, not read into
    /// strings, sorted and written out again. Nil otherwise.
    static func remarked(_ previous: [UInt8], mark: String, writing written: [OutputFile]) -> [UInt8]? {
        guard let end = previous.firstIndex(of: 0x0A) else { return nil }
        let body = previous[(end + 1)...]
        var starts: [Int] = []
        var start = body.startIndex
        while start < body.endIndex {
            starts.append(start)
            start = (body[start...].firstIndex(of: 0x0A) ?? body.endIndex) + 1
        }
        func line(_ index: Int) -> ArraySlice<UInt8> { body[starts[index]...].prefix { $0 != 0x0A } }
        // The list is sorted (as `manifest` writes it): find each path by halving.
        for file in written {
            let path = Array(file.path.utf8)
            var low = 0
            var high = starts.count
            while low < high {
                let middle = (low + high) / 2
                if line(middle).lexicographicallyPrecedes(path) { low = middle + 1 } else { high = middle }
            }
            guard low < starts.count, line(low).elementsEqual(path) else { return nil }
        }
        return Array((mark + "\n").utf8) + body
    }

    /// Changes the existing output in place: writes `written`, removes `removed` and marks
    /// the output with `mark`. New files are written into a staging folder first, then a
    /// journal of the changes is saved, then files are moved into place, the files they
    /// replace set aside. If the process is killed before the journal is saved, the output
    /// is untouched; after, the next build finishes the journal's moves
    /// (`recoverInterruptedUpdates()`). The returned update is then committed (the old
    /// files dropped) or rolled back (the output restored as it was).
    public func update(written: [OutputFile], removed: [String], mark: String) throws -> OutputUpdate {
        recoverInterruptedWork()
        for path in removed + written.map(\.path) where !Self.isSafe(path) { throw WriterError.unsafePath(path) }
        let staging = sibling("updating")
        try? FileManager.default.removeItem(at: staging)
        guard mkdir(staging.path, 0o755) == 0, mkdir(staging.path + "/files", 0o755) == 0 else {
            throw systemError("cannot create", staging.path)
        }
        let files = StagingFolder(url: staging.appendingPathComponent("files"))
        for file in written { files.add(file) }
        // The manifest: what the output held, less what is removed, plus what is written.
        let previous = Self.read(output.path + "/" + Self.markName)
        if removed.isEmpty, let previous, let manifest = Self.remarked(previous, mark: mark, writing: written) {
            files.add(OutputFile(path: Self.markName, bytes: manifest))
        } else {
            var paths = Set(Self.readManifest(output.path)?.paths ?? [])
            paths.subtract(removed)
            paths.formUnion(written.map(\.path))
            paths.remove(Self.markName)
            files.add(OutputFile(path: Self.markName, bytes: Self.manifest(mark: mark, paths: paths)))
        }
        do {
            _ = try files.finish()
        } catch {
            discard(staging)
            throw error
        }
        // The mark goes first and comes back last: an output caught half way has none, so
        // the next build rebuilds it whole rather than trusting it.
        var journal = "remove\t\(Self.markName)\n"
        for path in removed { journal += "remove\t\(path)\n" }
        for file in written { journal += "write\t\(file.path)\n" }
        journal += "write\t\(Self.markName)\n"
        let temporary = staging.appendingPathComponent("journal.partial")
        guard Self.write(Array(journal.utf8), to: temporary.path),
              rename(temporary.path, staging.appendingPathComponent("journal").path) == 0 else {
            discard(staging)
            throw systemError("cannot write", staging.path + "/journal")
        }
        let update = OutputUpdate(writer: self, staging: staging)
        do {
            try apply(staging)
        } catch {
            update.rollBack()
            throw error
        }
        return update
    }

    /// Finishes updates that were interrupted after saving their journal, and removes
    /// those that were interrupted before (they had not touched the output).
    public func recoverInterruptedUpdates() {
        let prefix = ".\(output.lastPathComponent).updating-"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? [] where name.hasPrefix(prefix) {
            if let pid = Int32(name.dropFirst(prefix.count)), pid != self.pid, processIsAlive(pid) { continue }
            let staging = parent.appendingPathComponent(name)
            do {
                try apply(staging)
            } catch {
                // Cannot be finished: the output is rebuilt whole by the next build.
                markUnfinished(staging)
            }
            discard(staging)
        }
    }

    /// The journal's entries: (`write` or `remove`, path).
    func journal(_ staging: URL) -> [(String, String)] {
        guard let data = FileManager.default.contents(atPath: staging.appendingPathComponent("journal").path) else { return [] }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap { line in
            let parts = line.split(separator: "\t", maxSplits: 1).map(String.init)
            guard parts.count == 2, Self.isSafe(parts[1]) else { return nil }
            return (parts[0], parts[1])
        }
    }

    /// Carries out a saved journal: sets aside the files to be replaced or removed, moves
    /// staged files into place, and removes folders left empty. Steps already done (by an
    /// interrupted run) are skipped.
    private func apply(_ staging: URL) throws {
        for (action, path) in journal(staging) {
            let target = output.path + "/" + path
            let backup = staging.path + "/old/" + path
            let source = staging.path + "/files/" + path
            if action == "write", !FileManager.default.fileExists(atPath: source) { continue }  // done before
            if FileManager.default.fileExists(atPath: target) {
                try Self.makeParent(of: backup)
                guard rename(target, backup) == 0 else { throw systemError("cannot move aside", target) }
            }
            if action == "write" {
                try Self.makeParent(of: target)
                guard rename(source, target) == 0 else { throw systemError("cannot write", target) }
            } else {
                removeEmptyFolders(above: path)
            }
        }
    }

    /// Undoes `apply`: puts back the files set aside and removes the files it added. If a
    /// file cannot be put back, the output is left unmarked, so it is rebuilt whole.
    func rollBack(_ staging: URL) {
        var complete = true
        for (action, path) in journal(staging).reversed() {
            let target = output.path + "/" + path
            let backup = staging.path + "/old/" + path
            if action == "write", !FileManager.default.fileExists(atPath: staging.path + "/files/" + path) {
                unlink(target)
                removeEmptyFolders(above: path)
            }
            if FileManager.default.fileExists(atPath: backup) {
                try? Self.makeParent(of: target)
                if rename(backup, target) != 0 { complete = false }
            }
        }
        if !complete { markUnfinished(staging) }
    }

    /// Marks an output that an update could not finish or undo: no build's mark (so the
    /// next build rebuilds it whole rather than trusting it), but still a manifest of every
    /// path savnet wrote there, before and after, so it stays savnet's to replace.
    func markUnfinished(_ staging: URL) {
        var paths = Set<String>()
        for manifest in [staging.path + "/files", staging.path + "/old", output.path] {
            paths.formUnion(Self.readManifest(manifest)?.paths ?? [])
        }
        let target = output.path + "/" + Self.markName
        unlink(target)
        _ = Self.write(Self.manifest(mark: "unfinished", paths: paths), to: target)
    }

    private static func makeParent(of path: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
    }

    /// Removes the folders holding `path` inside the output while they are empty.
    private func removeEmptyFolders(above path: String) {
        var folder = Substring(path)
        while let slash = folder.lastIndex(of: "/") {
            folder = folder[..<slash]
            guard rmdir(output.path + "/" + folder) == 0 else { return }
        }
    }

    /// Removes a staging folder after a failed build.
    public func discard(_ staging: URL) {
        try? FileManager.default.removeItem(at: staging)
    }

    /// Writes bytes to a new file with plain system calls (Foundation's writer is several
    /// times slower for tens of thousands of small files).
    public static func write(_ bytes: [UInt8], to path: String) -> Bool {
        write(chunks: [bytes], to: path)
    }

    /// Writes chunks of bytes, one after another, to a new file.
    public static func write(chunks: [[UInt8]], to path: String) -> Bool {
        write(chunks: chunks, to: path, flags: O_WRONLY | O_CREAT | O_TRUNC)
    }

    /// Appends chunks of bytes to a file (created if missing).
    public static func append(chunks: [[UInt8]], to path: String) -> Bool {
        write(chunks: chunks, to: path, flags: O_WRONLY | O_CREAT | O_APPEND)
    }

    private static func write(chunks: [[UInt8]], to path: String, flags: Int32) -> Bool {
        let descriptor = open(path, flags, 0o644)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        for bytes in chunks {
            var offset = 0
            while offset < bytes.count {
                let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + offset, bytes.count - offset) }
                guard written > 0 else { return false }
                offset += written
            }
        }
        return true
    }

    /// The bytes of a file, read with plain system calls; nil when it cannot be read.
    public static func read(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        // Read straight into the array's memory (filling it with zeros first touched every
        // page twice: the build cache is tens of megabytes).
        let size = Int(info.st_size)
        var complete = true
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            var offset = 0
            while offset < size {
                let got = Glibc.read(descriptor, buffer.baseAddress! + offset, size - offset)
                guard got > 0 else {
                    complete = false
                    break
                }
                offset += got
            }
            initialized = offset
        }
        return complete ? bytes : nil
    }

    /// Whether a path stays inside the output folder (and has no control characters, which
    /// no page needs and which would garble the update journal).
    static func isSafe(_ path: String) -> Bool {
        !path.isEmpty && !path.hasPrefix("/") && !path.utf8.contains { $0 < 0x20 || $0 == 0x7F }
            && !path.split(separator: "/", omittingEmptySubsequences: false).contains { $0 == ".." || $0 == "." || $0.isEmpty }
    }
}

/// Changes applied to an output in place, kept undoable until committed.
public struct OutputUpdate {
    let writer: SiteWriter
    let staging: URL

    /// Keeps the changes: drops the files they replaced.
    public func commit() {
        writer.discard(staging)
    }

    /// Undoes the changes: the output is as it was before the update.
    public func rollBack() {
        writer.rollBack(staging)
        writer.discard(staging)
    }
}

/// Why the site could not be written.
public enum WriterError: Error, Equatable, CustomStringConvertible {
    case unsafePath(String)
    case cannotWrite(String)
    /// A system call failed: what was being done, on which path, and the system's reason.
    case failed(String)

    public var description: String {
        switch self {
        case let .unsafePath(path): return "refusing to write \(path): it would leave the output folder"
        case let .cannotWrite(path): return "cannot write \(path)"
        case let .failed(reason): return reason
        }
    }
}

/// The paths a manifest lists, with the folders they lie in, for quick questions.
struct Manifest {
    let paths: Set<String>
    private let folders: Set<String>
    private let wholeFolders: [String]

    init(_ listed: [String]) {
        var files = Set<String>()
        var folders = Set<String>()
        var whole: [String] = []
        for path in listed {
            if path.hasSuffix("/") { whole.append(String(path.dropLast())); continue }
            files.insert(path)
            var folder = Substring(path)
            while let slash = folder.lastIndex(of: "/") {
                folder = folder[..<slash]
                guard folders.insert(String(folder)).inserted else { break }
            }
        }
        paths = files
        self.folders = folders
        wholeFolders = whole
    }

    /// Whether `path` lies in a folder the build owns whole (the search bundle).
    func ownsWhole(_ path: String) -> Bool {
        wholeFolders.contains { path == $0 || path.hasPrefix($0 + "/") }
    }

    /// Whether some listed path lies inside `folder`.
    func holds(folder: String) -> Bool { folders.contains(folder) }
}

/// A staging folder that files can be added to from any thread while the site renders.
/// Files are written one at a time, in the background, in the order they arrive.
///
/// Adding a file appends it to a list; the writer is woken only when it is idle, and
/// then writes whatever has gathered. (A dispatch per file woke the writer's thread once
/// per file, 41,000 times in a national build, which cost more than the writing.)
public final class StagingFolder: @unchecked Sendable {
    /// The folder on disk.
    public let url: URL
    private let queue = DispatchQueue(label: "savnet.staging")
    private var folders: Set<String> = [""]
    private var failure: Error?
    private var written: [String] = []
    /// Files added and not yet taken by the writer, and whether it is at work (both under `lock`).
    private let lock = NSLock()
    private var pending: [OutputFile] = []
    private var draining = false

    /// The paths written so far (after `finish()`, all of them).
    public var paths: [String] { queue.sync { written } }

    init(url: URL) {
        self.url = url
    }

    /// How many files gather before an idle writer is woken (`finish()` wakes it for the rest).
    static let batch = 32

    /// Queues `file` for writing.
    public func add(_ file: OutputFile) {
        wakeWriter(adding: file, atLeast: Self.batch)
    }

    /// Adds `file`, if any, to the files gathered, and wakes the writer if it is idle and
    /// at least `minimum` (one or more) have gathered.
    private func wakeWriter(adding file: OutputFile? = nil, atLeast minimum: Int) {
        lock.lock()
        if let file { pending.append(file) }
        let wake = !draining && pending.count >= max(minimum, 1)
        if wake { draining = true }
        lock.unlock()
        if wake { queue.async { [self] in drain() } }
    }

    /// Writes the files gathered, and those added meanwhile, until none are left.
    private func drain() {
        while true {
            lock.lock()
            let files = pending
            pending = []
            if files.isEmpty { draining = false }
            lock.unlock()
            if files.isEmpty { return }
            for file in files { write(file) }
        }
    }

    private func write(_ file: OutputFile) {
        guard failure == nil else { return }
        do {
            guard SiteWriter.isSafe(file.path) else { throw WriterError.unsafePath(file.path) }
            try makeFolders(for: file.path)
            guard SiteWriter.write(file.bytes, to: url.path + "/" + file.path) else {
                throw systemError("cannot write", url.path + "/" + file.path)
            }
            written.append(file.path)
        } catch {
            failure = error
        }
    }

    /// Waits for every queued file; returns the folder, or throws the first failure.
    public func finish() throws -> URL {
        wakeWriter(atLeast: 1)
        try queue.sync {
            if let failure { throw failure }
        }
        return url
    }

    private func makeFolders(for path: String) throws {
        guard let slash = path.lastIndex(of: "/") else { return }
        let folder = String(path[..<slash])
        guard !folders.contains(folder) else { return }
        try makeFolders(for: folder)
        guard mkdir(url.path + "/" + folder, 0o755) == 0 || errno == EEXIST else {
            throw systemError("cannot create", url.path + "/" + folder)
        }
        folders.insert(folder)
    }
}
