import Foundation
#if canImport(Glibc)
import Glibc
#endif
import SavnetModel
import SavnetRendering

/// Puts a built site in place without ever leaving a half-built one: files go into a
/// fresh folder beside the output, which then replaces the old output in one step.
/// Entries of the old output whose names start with `.` (a `.git` of a publishing
/// branch, `.gitkeep`) are carried over.
public struct SiteWriter {
    /// The output folder (`site`).
    public let output: URL

    /// Creates a writer for `output`.
    public init(output: URL) {
        self.output = output
    }

    /// A fresh, empty staging folder beside the output (leftovers of killed builds removed).
    public func makeStaging() throws -> StagingFolder {
        let parent = output.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        removeLeftovers(in: parent)
        let staging = parent.appendingPathComponent(".\(output.lastPathComponent).building-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.removeItem(at: staging)
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        return StagingFolder(url: staging)
    }

    /// A fresh staging folder beside the output, with `files` written into it.
    public func stage(_ files: [OutputFile]) throws -> URL {
        let folder = try makeStaging()
        for file in files { folder.add(file) }
        return try folder.finish()
    }

    /// Replaces the output with the staged folder.
    public func commit(_ staging: URL) throws {
        let manager = FileManager.default
        if manager.fileExists(atPath: output.path) {
            for name in (try? manager.contentsOfDirectory(atPath: output.path)) ?? [] where name.hasPrefix(".") {
                let target = staging.appendingPathComponent(name)
                if !manager.fileExists(atPath: target.path) {
                    try manager.moveItem(at: output.appendingPathComponent(name), to: target)
                }
            }
            let old = output.deletingLastPathComponent()
                .appendingPathComponent(".\(output.lastPathComponent).old-\(ProcessInfo.processInfo.processIdentifier)")
            try? manager.removeItem(at: old)
            try manager.moveItem(at: output, to: old)
            try manager.moveItem(at: staging, to: output)
            try? manager.removeItem(at: old)
        } else {
            try manager.moveItem(at: staging, to: output)
        }
    }

    /// The name of the file in the output that marks which build wrote it: a build that
    /// finds the mark its cache expects updates the output in place; any other output is
    /// rebuilt whole.
    public static let markName = ".savnet-build"

    /// The mark of the build that wrote the output, if any.
    public func mark() -> String? {
        guard let data = FileManager.default.contents(atPath: output.path + "/" + Self.markName) else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Changes the existing output in place: writes `written`, removes `removed` and marks
    /// the output with `mark`. New files are written into a staging folder first, then a
    /// journal of the changes is saved, then files are moved into place, the files they
    /// replace set aside. If the process is killed before the journal is saved, the output
    /// is untouched; after, the next build finishes the journal's moves
    /// (`recoverInterruptedUpdates()`). The returned update is then committed (the old
    /// files dropped) or rolled back (the output restored as it was).
    public func update(written: [OutputFile], removed: [String], mark: String) throws -> OutputUpdate {
        removeLeftovers(in: output.deletingLastPathComponent())
        for path in removed + written.map(\.path) where !Self.isSafe(path) { throw WriterError.unsafePath(path) }
        let parent = output.deletingLastPathComponent()
        let staging = parent.appendingPathComponent(".\(output.lastPathComponent).updating-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.removeItem(at: staging)
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        let files = StagingFolder(url: staging.appendingPathComponent("files"))
        try FileManager.default.createDirectory(at: files.url, withIntermediateDirectories: true)
        for file in written { files.add(file) }
        files.add(OutputFile(path: Self.markName, text: mark + "\n"))
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
            throw WriterError.cannotWrite(staging.path)
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

    /// Re-indexes the output for search with `indexer` and swaps the new search bundle
    /// (`pagefind/`) in for the old one; a failed indexer leaves the old bundle.
    public func reindex(with indexer: SearchIndexer) throws {
        let parent = output.deletingLastPathComponent()
        let pid = ProcessInfo.processInfo.processIdentifier
        let fresh = parent.appendingPathComponent(".\(output.lastPathComponent).search-\(pid)")
        let old = parent.appendingPathComponent(".\(output.lastPathComponent).old-search-\(pid)")
        try? FileManager.default.removeItem(at: fresh)
        do {
            try indexer.index(output, bundle: fresh)
        } catch {
            discard(fresh)
            throw error
        }
        let bundle = output.appendingPathComponent("pagefind")
        try? FileManager.default.removeItem(at: old)
        if FileManager.default.fileExists(atPath: bundle.path) { try FileManager.default.moveItem(at: bundle, to: old) }
        try FileManager.default.moveItem(at: fresh, to: bundle)
        discard(old)
    }

    /// Finishes updates that were interrupted after saving their journal, and removes
    /// those that were interrupted before (they had not touched the output).
    public func recoverInterruptedUpdates() {
        let parent = output.deletingLastPathComponent()
        let prefix = ".\(output.lastPathComponent).updating-"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? [] where name.hasPrefix(prefix) {
            let staging = parent.appendingPathComponent(name)
            do {
                try apply(staging)
            } catch {
                // Cannot be finished: leave the output unmarked, so it is rebuilt whole.
                unlink(output.path + "/" + Self.markName)
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
                guard rename(target, backup) == 0 else { throw WriterError.cannotWrite(target) }
            }
            if action == "write" {
                try Self.makeParent(of: target)
                guard rename(source, target) == 0 else { throw WriterError.cannotWrite(target) }
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
        if !complete { unlink(output.path + "/" + Self.markName) }
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
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var offset = 0
        while offset < bytes.count {
            let got = bytes.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            guard got > 0 else { return nil }
            offset += got
        }
        return bytes
    }

    /// Whether a path stays inside the output folder (and has no control characters, which
    /// no page needs and which would garble the update journal).
    static func isSafe(_ path: String) -> Bool {
        !path.isEmpty && !path.hasPrefix("/") && !path.utf8.contains { $0 < 0x20 || $0 == 0x7F }
            && !path.split(separator: "/", omittingEmptySubsequences: false).contains { $0 == ".." || $0 == "." || $0.isEmpty }
    }

    /// Staging and old folders left by builds that were killed.
    private func removeLeftovers(in parent: URL) {
        recoverInterruptedUpdates()
        let prefixes = [".\(output.lastPathComponent).building-", ".\(output.lastPathComponent).old-",
                        ".\(output.lastPathComponent).search-"]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        where prefixes.contains(where: name.hasPrefix) {
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(name))
        }
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

    public var description: String {
        switch self {
        case let .unsafePath(path): return "refusing to write \(path): it would leave the output folder"
        case let .cannotWrite(path): return "cannot write \(path)"
        }
    }
}

/// A staging folder that files can be added to from any thread while the site renders.
/// Files are written one at a time, in the background, in the order they arrive.
public final class StagingFolder: @unchecked Sendable {
    /// The folder on disk.
    public let url: URL
    private let queue = DispatchQueue(label: "savnet.staging")
    private var folders: Set<String> = [""]
    private var failure: Error?

    init(url: URL) {
        self.url = url
    }

    /// Queues `file` for writing.
    public func add(_ file: OutputFile) {
        queue.async { [self] in
            guard failure == nil else { return }
            do {
                guard SiteWriter.isSafe(file.path) else { throw WriterError.unsafePath(file.path) }
                try makeFolders(for: file.path)
                guard SiteWriter.write(file.bytes, to: url.path + "/" + file.path) else {
                    throw WriterError.cannotWrite(url.path + "/" + file.path)
                }
            } catch {
                failure = error
            }
        }
    }

    /// Waits for every queued file; returns the folder, or throws the first failure.
    public func finish() throws -> URL {
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
            throw WriterError.cannotWrite(url.path + "/" + folder)
        }
        folders.insert(folder)
    }
}
