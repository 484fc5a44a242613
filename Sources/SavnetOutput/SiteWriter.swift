import Foundation
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

    /// A fresh staging folder beside the output, with `files` written into it.
    public func stage(_ files: [OutputFile]) throws -> URL {
        let parent = output.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        removeLeftovers(in: parent)
        let staging = parent.appendingPathComponent(".\(output.lastPathComponent).building-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.removeItem(at: staging)
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        var made: Set<String> = [""]
        for file in files {
            guard Self.isSafe(file.path) else { throw WriterError.unsafePath(file.path) }
            let folder = (file.path as NSString).deletingLastPathComponent
            if !made.contains(folder) {
                try FileManager.default.createDirectory(
                    at: staging.appendingPathComponent(folder), withIntermediateDirectories: true)
                made.insert(folder)
            }
            let url = staging.appendingPathComponent(file.path)
            guard FileManager.default.createFile(atPath: url.path, contents: Data(file.bytes)) else {
                throw WriterError.cannotWrite(url.path)
            }
        }
        return staging
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
