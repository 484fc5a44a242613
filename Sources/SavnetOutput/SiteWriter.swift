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

    /// Removes a staging folder after a failed build.
    public func discard(_ staging: URL) {
        try? FileManager.default.removeItem(at: staging)
    }

    /// Writes bytes to a new file with plain system calls (Foundation's writer is several
    /// times slower for tens of thousands of small files).
    static func write(_ bytes: [UInt8], to path: String) -> Bool {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                Glibc.write(descriptor, buffer.baseAddress! + offset, bytes.count - offset)
            }
            guard written > 0 else { return false }
            offset += written
        }
        return true
    }

    /// Whether a path stays inside the output folder.
    static func isSafe(_ path: String) -> Bool {
        !path.isEmpty && !path.hasPrefix("/")
            && !path.split(separator: "/", omittingEmptySubsequences: false).contains { $0 == ".." || $0 == "." || $0.isEmpty }
    }

    /// Staging and old folders left by builds that were killed.
    private func removeLeftovers(in parent: URL) {
        let prefixes = [".\(output.lastPathComponent).building-", ".\(output.lastPathComponent).old-"]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        where prefixes.contains(where: name.hasPrefix) {
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(name))
        }
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
