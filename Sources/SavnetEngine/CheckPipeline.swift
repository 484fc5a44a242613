import SavnetLoading
import SavnetModel
import SavnetRules

/// savnet's one check pipeline: parsed network files → the directory (the national →
/// province → district → subdistrict hierarchy over the gazetteer) → the rules.
/// `savnet check` and the commands built on it, the build engine (for a whole check and
/// for the scoped recheck after an edit) and the tests all go through it, so that what
/// they report cannot drift apart.
public struct CheckPipeline: Sendable {
    public let gazetteer: Gazetteer
    public let validator: Validator

    public init(gazetteer: Gazetteer = .bundled, rules: [any Rule] = Validator.allRules) {
        self.gazetteer = gazetteer
        validator = Validator(rules: rules)
    }

    /// Parses one file from its bytes as the loader does.
    public func parse(_ contentPath: String, bytes: [UInt8], loader: ContentLoader) -> (NetworkFile?, [Diagnostic]) {
        loader.loadOne(contentPath, bytes: bytes)
    }

    /// The directory of the parsed files.
    public func directory(_ files: [NetworkFile]) -> Directory {
        Directory(files: files, gazetteer: gazetteer)
    }

    /// The rules' findings on a directory, or on one scoped to some files, judged on `today`.
    public func findings(_ directory: Directory, today: CalendarDate) -> [Diagnostic] {
        validator.check(directory, RuleContext(today: today))
    }

    /// Each file's findings and what its check read (for rechecking after an edit).
    public func findingsRecording(_ directory: Directory, today: CalendarDate)
        -> [(path: String, findings: [Diagnostic], reads: Set<DirectoryRead>)] {
        validator.checkRecording(directory, RuleContext(today: today))
    }

    /// The whole pipeline from parsed files: the directory, and the loader's findings and
    /// the rules' together, sorted.
    public func run(_ files: [NetworkFile], loaderFindings: [Diagnostic], today: CalendarDate)
        -> (directory: Directory, diagnostics: [Diagnostic]) {
        let directory = directory(files)
        return (directory, (loaderFindings + findings(directory, today: today)).sorted())
    }
}
