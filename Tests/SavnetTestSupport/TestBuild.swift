import Foundation
import SavnetEngine
import SavnetLoading
import SavnetModel
import SavnetRendering

/// Renders a test site with the repository's default theme.
public enum TestBuild {
    /// The repository's root folder.
    public static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The default theme as shipped.
    public static func defaultTheme() throws -> Theme {
        try ThemeLoader.load(themes: repository.appendingPathComponent("themes"), name: "default")
    }

    /// Every output file of `site`, by path.
    public static func render(_ site: TestSite, theme: Theme? = nil, today: CalendarDate = TestSite.today,
                              settings: SiteSettings = SiteSettings(baseURL: "https://example.org/savnet/"))
        throws -> [String: OutputFile] {
        var files: [NetworkFile] = []
        for (contentPath, text) in site.files {
            files.append(NetworkParser.parse(text: text, path: "content/" + contentPath, contentPath: contentPath).0)
        }
        let directory = CheckPipeline().directory(files)
        let renderer = try SiteRenderer(theme: theme ?? defaultTheme())
        let output = try renderer.render(directory, settings: settings, today: today, searchIndexed: false)
        return Dictionary(uniqueKeysWithValues: output.map { ($0.path, $0) })
    }
}

public extension OutputFile {
    /// The file as text, without the `<t-w>` marks that keep Thai words whole on a line
    /// (tests of wording look for the words; `ThaiLineBreaksTests` tests the marks).
    var text: String { String(decoding: bytes, as: UTF8.self).withoutWordMarks }
    /// The file's text exactly as written.
    var rawText: String { String(decoding: bytes, as: UTF8.self) }
}

public extension String {
    /// The text without savnet's `<t-w>` word marks.
    var withoutWordMarks: String {
        replacingOccurrences(of: "<t-w>", with: "").replacingOccurrences(of: "</t-w>", with: "")
    }
}
