import Foundation
import SavnetModel

/// Reads a theme: the default theme built into savnet, then the project's
/// `themes/default/` (when there is one) and the named theme's own files on top, so a
/// site overrides only the templates and assets it changes.
public enum ThemeLoader {
    /// Loads `name` from the folder that holds the project's themes (which may not exist).
    public static func load(themes root: URL, name: String) throws -> Theme {
        var theme = DefaultTheme.theme
        guard SettingsLoader.isThemeName(name) else { throw ThemeError.badName(name) }
        let base = root.appendingPathComponent("default")
        if FileManager.default.fileExists(atPath: base.path) { try overlay(&theme, from: base) }
        if name != "default" {
            let own = root.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: own.path) else { throw ThemeError.missing(own.path) }
            try overlay(&theme, from: own)
        }
        return theme
    }

    private static func overlay(_ theme: inout Theme, from folder: URL) throws {
        for path in files(in: folder.appendingPathComponent("templates")) where path.hasSuffix(".mustache") {
            let url = folder.appendingPathComponent("templates").appendingPathComponent(path)
            theme.templates[String(path.dropLast(".mustache".count))] = try String(contentsOf: url, encoding: .utf8)
        }
        for path in files(in: folder.appendingPathComponent("static")) where !path.hasSuffix("README.md") {
            let url = folder.appendingPathComponent("static").appendingPathComponent(path)
            theme.assets[path] = Array(try Data(contentsOf: url))
        }
    }

    /// Regular files below `folder`, relative, sorted; hidden files skipped, and links that
    /// lead out of the folder too (a theme never copies files from elsewhere into the site).
    static func files(in folder: URL) -> [String] {
        guard let walker = FileManager.default.enumerator(
            at: folder, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]) else { return [] }
        let prefix = folder.standardizedFileURL.path + "/"
        let realFolder = folder.standardizedFileURL.resolvingSymlinksInPath().path + "/"
        var paths: [String] = []
        for case let url as URL in walker {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true,
                  url.standardizedFileURL.resolvingSymlinksInPath().path.hasPrefix(realFolder) else { continue }
            let path = url.standardizedFileURL.path
            if path.hasPrefix(prefix) { paths.append(String(path.dropFirst(prefix.count))) }
        }
        return paths.sorted()
    }
}

/// Why a theme could not be loaded.
public enum ThemeError: Error, Equatable, CustomStringConvertible {
    /// The theme's folder does not exist.
    case missing(String)
    /// The name is not one plain folder name.
    case badName(String)

    public var description: String {
        switch self {
        case let .missing(path): return "no theme at \(path)"
        case let .badName(name): return "'\(name)' is not a theme name: name a folder in themes/, such as local (no / or ..)"
        }
    }
}

/// The default theme, built into the program by scripts/embed-theme.py from
/// themes/default (a test keeps the two equal).
public enum DefaultTheme {
    /// Its files by path in the theme folder (`templates/home.mustache`, `static/style.css`).
    public static let files: [String: [UInt8]] = encodedFiles.mapValues { Array(Data(base64Encoded: $0) ?? Data()) }

    /// The files as a theme: templates by name, assets by path under `static/`.
    static var theme: Theme {
        var theme = Theme(templates: [:], assets: [:])
        for (path, bytes) in files {
            if path.hasPrefix("templates/"), path.hasSuffix(".mustache") {
                theme.templates[String(path.dropFirst("templates/".count).dropLast(".mustache".count))] = String(decoding: bytes, as: UTF8.self)
            } else if path.hasPrefix("static/"), !path.hasSuffix("README.md") {
                theme.assets[String(path.dropFirst("static/".count))] = bytes
            }
        }
        return theme
    }
}
