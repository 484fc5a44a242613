import Foundation
import SavnetModel

/// Reads `savnet.yml`, the site's settings. Every key is optional; unknown keys and
/// wrong values are diagnostics with their line, like content files.
public enum SettingsLoader {
    /// Whether `name` can name a theme: one plain folder name.
    public static func isThemeName(_ name: String) -> Bool {
        !name.isEmpty && !name.hasPrefix(".") && !name.contains("/") && !name.contains("\\")
            && !name.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
    }


    static let keys = ["title", "base_url", "theme", "output", "content", "search", "areas", "status_date"]

    /// The settings from `text` (the file shown as `path`), and what was wrong in it.
    /// `project` is the real path of the folder the settings belong to: `content` and
    /// `areas` must lie inside it, and `theme` must name a folder under `themes/`.
    public static func parse(_ text: String, path: String, project: String? = nil) -> (SiteSettings, [Diagnostic]) {
        let tree: YAMLTree?
        do {
            tree = try YAMLComposer.compose(text)
        } catch let failure as YAMLComposer.Failure {
            let front = FrontMatter(yaml: text, yamlStartLine: 1, body: "", bodyStartLine: 1)
            return (SiteSettings(), [YAMLDocument.diagnostic(for: failure, front: front, path: path)])
        } catch {
            return (SiteSettings(), [])
        }
        guard let tree else { return (SiteSettings(), []) }
        return tree.withRoot { node in read(node, path: path, project: project) }
    }

    /// The settings read from the document's root `node`.
    private static func read(_ node: YAMLNode, path: String, project: String?) -> (SiteSettings, [Diagnostic]) {
        var settings = SiteSettings()
        var reader = NodeReader(path: path, yamlStartLine: 1)
        guard let fields = reader.fields(node, "", allowed: keys) else { return (settings, reader.diagnostics) }
        if let value = reader.text(fields["title"], "title") { settings.title = value.value }
        if let value = reader.text(fields["base_url"], "base_url") {
            if value.value.hasPrefix("http://") || value.value.hasPrefix("https://") {
                settings.baseURL = value.value.hasSuffix("/") ? value.value : value.value + "/"
            } else {
                reader.report(Diagnostic(rule: "settings", severity: .error, location: value.location, message: Localized(
                    th: "base_url ต้องขึ้นต้นด้วย http:// หรือ https://", en: "base_url must start with http:// or https://")))
            }
        }
        if let value = reader.text(fields["theme"], "theme") {
            if isThemeName(value.value) {
                settings.theme = value.value
            } else {
                reader.report(Diagnostic(rule: "settings", severity: .error, location: value.location, message: Localized(
                    th: "theme ต้องเป็นชื่อโฟลเดอร์ใน themes/ เช่น local (ไม่มี / หรือ ..)",
                    en: "theme must be the name of a folder in themes/, such as local (no / or ..)")))
            }
        }
        if let value = reader.text(fields["output"], "output") { settings.output = value.value }
        func insideProject(_ key: String) -> String? {
            guard let value = reader.text(fields[key], key) else { return nil }
            guard let project, !RealPath.isInside(RealPath.resolve(value.value), project) else { return value.value }
            reader.report(Diagnostic(rule: "settings", severity: .error, location: value.location, message: Localized(
                th: "\(key) ต้องเป็นโฟลเดอร์หรือไฟล์ภายในโครงการ (\(project))",
                en: "\(key) must name a file or folder inside the project (\(project))"),
                hint: Localized(th: "ใช้ path สัมพัทธ์ภายในโครงการ เช่น content", en: "use a path inside the project, such as content")))
            return nil
        }
        settings.statusDate = reader.date(fields["status_date"], "status_date")?.value
        if let value = insideProject("content") { settings.content = value }
        if let value = insideProject("areas") { settings.areas = value }
        if let value = reader.text(fields["search"], "search") {
            if let mode = SearchMode(rawValue: value.value) {
                settings.search = mode
            } else {
                reader.report(Diagnostic(rule: "settings", severity: .error, location: value.location, message: Localized(
                    th: "search ต้องเป็น auto, on หรือ off", en: "search must be auto, on or off")))
            }
        }
        return (settings, reader.diagnostics)
    }
}
