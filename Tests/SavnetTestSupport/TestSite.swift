import Foundation
import SavnetEngine
import SavnetLoading
import SavnetModel
import SavnetRules

/// A content folder held in memory: files by their path inside `content/`.
public struct TestSite {
    /// Files by content path (`84/8409/_index.md`).
    public var files: [String: String]

    /// Creates a site from files.
    public init(_ files: [String: String]) {
        self.files = files
    }

    /// The date tests judge terms and deadlines against, unless they say otherwise.
    public static let today = CalendarDate(year: 2024, month: 6, day: 1)!

    /// Parses every file, builds the directory and runs `rules` (all by default).
    /// Returns loader and rule findings together, sorted.
    public func check(today: CalendarDate = TestSite.today, rules: [any Rule] = Validator.allRules) -> [Diagnostic] {
        // The files go through the loader's parse, as `savnet check` reads them.
        let pipeline = CheckPipeline(rules: rules)
        let loader = ContentLoader(root: URL(fileURLWithPath: "/nonexistent"), displayRoot: "content")
        var parsed: [NetworkFile] = []
        var diagnostics: [Diagnostic] = []
        for (contentPath, text) in files {
            let (file, found) = pipeline.parse(contentPath, bytes: Array(text.utf8), loader: loader)
            if let file { parsed.append(file) }
            diagnostics += found
        }
        return pipeline.run(parsed, loaderFindings: diagnostics, today: today).diagnostics
    }

    /// Only the findings of one rule id.
    public func check(rule id: String, today: CalendarDate = TestSite.today) -> [Diagnostic] {
        check(today: today).filter { $0.rule == id }
    }
}
