import Foundation

/// A content folder on disk, in a fresh temporary folder, for tests of code that reads
/// `content/` itself (the loader, the engine, the build cache).
public final class ContentFolder {
    /// The folder.
    public let url: URL

    /// Writes every file of `site` into a new temporary folder.
    public init(_ site: TestSite) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("savnet-content-\(UUID().uuidString)")
        for (path, text) in site.files { try write(path, text) }
    }

    /// Writes (or replaces) the file at `path`, inside the content folder.
    public func write(_ path: String, _ text: String) throws {
        let file = url.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: file, atomically: true, encoding: .utf8)
    }

    /// The text of the file at `path`.
    public func text(_ path: String) throws -> String {
        try String(contentsOf: url.appendingPathComponent(path), encoding: .utf8)
    }

    /// Deletes the folder.
    public func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}
