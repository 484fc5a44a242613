import Foundation
import SavnetModel

/// Reads `savnet.yml`, the site's settings. Every key is optional; unknown keys and
/// wrong values are diagnostics with their line, like content files.
public enum SettingsLoader {
    static let keys = ["title", "base_url", "theme", "output", "content", "search", "areas"]

    /// The settings from `text` (the file shown as `path`), and what was wrong in it.
    public static func parse(_ text: String, path: String) -> (SiteSettings, [Diagnostic]) {
        var settings = SiteSettings()
        let node: YAMLNode?
        do {
            node = try YAMLComposer.compose(text)
        } catch let failure as YAMLComposer.Failure {
            let front = FrontMatter(yaml: text, yamlStartLine: 1, body: "", bodyStartLine: 1)
            return (settings, [YAMLDocument.diagnostic(for: failure, front: front, path: path)])
        } catch {
            return (settings, [])
        }
        guard let node else { return (settings, []) }
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
        if let value = reader.text(fields["theme"], "theme") { settings.theme = value.value }
        if let value = reader.text(fields["output"], "output") { settings.output = value.value }
        if let value = reader.text(fields["content"], "content") { settings.content = value.value }
        if let value = reader.text(fields["areas"], "areas") { settings.areas = value.value }
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
