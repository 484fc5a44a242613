import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Watches the project for `serve` with Linux's inotify: the content folder and the
/// themes (every subfolder), and the settings file. Saves arrive as written-and-closed
/// files or as renames (how most editors save), and are handed out in batches: events
/// that follow within 10 ms belong to the same save.
final class FolderWatcher {
    enum Change {
        /// Network files written, added or removed (paths relative to the content folder).
        case content([String])
        /// The settings or the theme changed, or a folder went away: load everything again.
        case restart(String)
    }

    private let descriptor: Int32
    private let content: String
    private let themes: String
    private let settingsFile: String?
    /// The folder each watch stands for, and what it belongs to.
    private var watches: [Int32: (folder: String, kind: Kind)] = [:]

    private enum Kind { case content, themes, project }

    init(content: String, themes: String, project: String, settingsFile: String?) throws {
        descriptor = inotify_init1(Int32(IN_CLOEXEC))
        guard descriptor >= 0 else { throw WatchError.cannotWatch(String(cString: strerror(errno))) }
        self.content = content
        self.themes = themes
        self.settingsFile = settingsFile
        addTree(content, kind: .content)
        addTree(themes, kind: .themes)
        add(project, kind: .project)
    }

    enum WatchError: Error, CustomStringConvertible {
        case cannotWatch(String)
        var description: String {
            switch self {
            case let .cannotWatch(reason): return "cannot watch the project for changes: \(reason)"
            }
        }
    }

    private static let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | IN_CREATE | IN_DELETE_SELF)

    private func add(_ folder: String, kind: Kind) {
        let watch = inotify_add_watch(descriptor, folder, Self.mask)
        if watch >= 0 { watches[watch] = (folder, kind) }
    }

    private func addTree(_ folder: String, kind: Kind) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else { return }
        add(folder, kind: kind)
        for item in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where !item.hasPrefix(".") {
            let path = folder + "/" + item
            var inner: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &inner), inner.boolValue { addTree(path, kind: kind) }
        }
    }

    /// Blocks until something changes; returns the whole batch.
    func next() -> Change {
        var changed: Set<String> = []
        var restart: String?
        var waiting: Int32 = -1
        while true {
            var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&request, 1, waiting)
            if ready <= 0 {
                if let restart { return .restart(restart) }
                if !changed.isEmpty { return .content(changed.sorted()) }
                continue
            }
            var buffer = [UInt8](repeating: 0, count: 64 * 1024)
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { continue }
            var offset = 0
            while offset + 16 <= count {
                let watch = buffer.withUnsafeBytes { $0.load(fromByteOffset: offset, as: Int32.self) }
                let mask = buffer.withUnsafeBytes { $0.load(fromByteOffset: offset + 4, as: UInt32.self) }
                let length = Int(buffer.withUnsafeBytes { $0.load(fromByteOffset: offset + 12, as: UInt32.self) })
                let nameBytes = buffer[(offset + 16)..<min(count, offset + 16 + length)].prefix { $0 != 0 }
                let name = String(decoding: nameBytes, as: UTF8.self)
                offset += 16 + length
                if mask & UInt32(IN_Q_OVERFLOW) != 0 {
                    // Events were lost (thousands of files changed at once): start over.
                    restart = "many files changed at once"
                    continue
                }
                guard let (folder, kind) = watches[watch] else { continue }
                if mask & UInt32(IN_DELETE_SELF) != 0 {
                    watches[watch] = nil
                    if kind != .project { restart = "a folder was removed" }
                    continue
                }
                if name.hasPrefix(".") || name.hasSuffix("~") || name.hasSuffix(".swp") || name.hasSuffix(".tmp") { continue }
                let path = folder + "/" + name
                let isFolder = mask & UInt32(IN_ISDIR) != 0
                switch kind {
                case .project:
                    if name == settingsFile { restart = "\(name) changed" }
                case .themes:
                    if isFolder, mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { addTree(path, kind: .themes) }
                    restart = "the theme changed"
                case .content:
                    if isFolder {
                        if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                            addTree(path, kind: .content)
                            changed.formUnion(FmtCommand.markdownFiles(in: path).map(relative))
                        } else {
                            restart = "a content folder was removed or moved"
                        }
                    } else if name.hasSuffix(".md") {
                        changed.insert(relative(path))
                    }
                }
            }
            // More events of the same save follow within milliseconds.
            waiting = 10
        }
    }

    /// `path` relative to the content folder.
    private func relative(_ path: String) -> String {
        path.hasPrefix(content + "/") ? String(path.dropFirst(content.count + 1)) : path
    }

    deinit { close(descriptor) }
}
