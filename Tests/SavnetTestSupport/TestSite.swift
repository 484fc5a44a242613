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
        var parsed: [NetworkFile] = []
        var diagnostics: [Diagnostic] = []
        for (contentPath, text) in files {
            let (file, found) = NetworkParser.parse(text: text, path: "content/" + contentPath, contentPath: contentPath)
            parsed.append(file)
            diagnostics += found
        }
        let directory = Directory(files: parsed, gazetteer: .bundled)
        return (diagnostics + Validator(rules: rules).check(directory, RuleContext(today: today))).sorted()
    }

    /// Only the findings of one rule id.
    public func check(rule id: String, today: CalendarDate = TestSite.today) -> [Diagnostic] {
        check(today: today).filter { $0.rule == id }
    }
}
