import ArgumentParser
import Foundation
import SavnetLoading
import SavnetModel
import SavnetRules

/// `savnet check [PATH]`: load, build the hierarchy, run every rule, print every finding.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate every network file and report all problems at once.",
        discussion: """
        Each finding names the file, line and column, the rule id, what is wrong, what to \
        do, and the regulation clause where one applies.

        Findings are errors (the file is wrong or unsafe), warnings (likely wrong), and \
        status notes (the file is right but the world is behind: a term expired or ending, \
        a deliverable late or missing). Status notes are published on the site and never \
        fail the check unless --fail-on-status is given.

        After a build, check reads the build's cache (.savnet/cache/, never writing it) and \
        parses and checks again only the files that changed since and those whose checks \
        read what changed: the findings are those of a check from scratch, which \
        --no-cache runs.

        Exit status: 0 no errors, 1 content errors (or warnings with --strict, status notes \
        with --fail-on-status), 64 usage error.

        Examples:
          savnet check
          savnet check content --lang th
          savnet check --format github --strict
          savnet check --fail-on-status
          savnet check --today 2570-08-01
          savnet check --no-cache
        """
    )

    @Argument(help: ArgumentHelp(
        "Files or folders to report on (default: the whole content folder).",
        discussion: "They are checked in the context of the whole content, so rules that compare files see them all."))
    var paths: [String] = []

    @Flag(help: ArgumentHelp(
        "Do not read the build cache (.savnet/cache/): parse and check every file.",
        discussion: "By default a check after a build parses and checks again only what changed since; the findings are the same."))
    var noCache = false

    @OptionGroup var options: CheckOptions

    func run() throws {
        let project = try options.open()
        let settings = try options.settings(project)
        let selection = try Selection(paths.map { (project.argument($0), $0) }, content: settings.content)
        let today = try options.resolvedToday(settings)
        let gazetteer = try options.gazetteer(settings, project)
        let cached = noCache || selection.content != settings.content
            ? nil : ContentCheck.fromBuildCache(settings: settings, today: today, gazetteer: gazetteer)
        var report = try cached ?? ContentCheck.run(path: selection.content, today: today, gazetteer: gazetteer)
        report.keep(selection.includes)
        let errors = options.report(report)
        if errors > 0 { throw ExitCode(1) }
    }

    /// What `check PATH…` reports on: the content folder to load, and which of its files to
    /// show findings for.
    struct Selection {
        /// The content folder to load whole.
        var content: String
        /// The files and folders to report on; empty means all.
        var only: [String] = []

        /// `paths`: each path relative to the project, and as the user typed it.
        init(_ paths: [(String, typed: String)], content configured: String) throws {
            content = configured
            let root = RealPath.resolve(configured)
            var selected: [String] = []
            var whole = false
            for (path, typed) in paths {
                var isFolder: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                    throw ValidationError("no file or folder at \(typed)")
                }
                let real = RealPath.resolve(path)
                if RealPath.isInside(root, real) {
                    whole = true  // the whole content (or a folder above it)
                } else if RealPath.isInside(real, root) {
                    // As the loader shows paths: the content folder's display path, then the
                    // rest of the real path (however the user spelt it: `..`, `//`, links).
                    let shownRoot = ContentCheck.displayPath(configured)
                    let rest = String(real.dropFirst(root.count)).drop { $0 == "/" }
                    selected.append(rest.isEmpty ? shownRoot : (shownRoot.isEmpty ? String(rest) : shownRoot + "/" + rest))
                } else if paths.count == 1, isFolder.boolValue {
                    // Another content folder altogether: check it whole.
                    content = path
                    return
                } else {
                    throw ValidationError("\(typed) is not inside the content folder (\(configured)): "
                        + "savnet checks files in the context of the whole content")
                }
            }
            only = whole ? [] : selected
        }

        /// Whether findings in the file shown as `path` are reported.
        func includes(_ path: String) -> Bool {
            only.isEmpty || only.contains { path == $0 || path.hasPrefix($0 + "/") }
        }
    }
}

/// The options `check` shares with the commands that check before they work (`build`).
struct CheckOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "The settings file, or the project folder that holds it.",
        discussion: "Default: savnet.yml in the current folder or the nearest folder above it. Paths in it are relative to it."))
    var config: String?

    @Option(help: "Output format: human, github (GitHub Actions annotations) or json.")
    var format: OutputFormat = .human

    @Option(help: "Language of the messages: th or en (default: from LC_ALL, LC_MESSAGES or LANG).")
    var lang: Language?

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Flag(help: ArgumentHelp(
        "Fail on status notes too (an expired term, a late or missing deliverable).",
        discussion: "By default they are reported and published, and never fail a check or stop a build."))
    var failOnStatus = false

    @Option(help: "Judge terms and deadlines as of this date (2570-08-01 BE or 2027-08-01 CE; default: today in Thailand).")
    var today: String?

    /// The language of messages: `--lang`, else the environment's.
    var language: Language { lang ?? Language.fromEnvironment(ProcessInfo.processInfo.environment) }

    /// Prints the findings in the chosen format and the summary line on standard error;
    /// returns how many errors there are (warnings count with `--strict`).
    func report(_ report: ContentCheck) -> Int {
        let environment = ProcessInfo.processInfo.environment
        var diagnostics = report.diagnostics
        if strict { diagnostics = diagnostics.map { var d = $0; if d.severity == .warning { d.severity = .error }; return d } }
        let printer = DiagnosticPrinter(language: language, sources: report.sources)
        printFindings(diagnostics, printer, files: report.fileCount)
        if format == .github, let summaryPath = environment["GITHUB_STEP_SUMMARY"], !summaryPath.isEmpty {
            try? printer.appendStepSummary(diagnostics, files: report.fileCount, to: summaryPath)
        }
        Console.status(printer.summary(diagnostics, files: report.fileCount))
        return diagnostics.errorCount + (failOnStatus ? diagnostics.statusCount : 0)
    }

    /// Prints findings in the chosen format: for people and for GitHub at most
    /// `findingsPerFile` a file (then how many more), for tools all of them.
    private func printFindings(_ diagnostics: [Diagnostic], _ printer: DiagnosticPrinter, files: Int) {
        let (shown, hidden) = Self.capped(diagnostics)
        switch format {
        case .human:
            print(printer.human(shown), terminator: "")
            for (path, count) in hidden {
                print(language == .th ? "\(DiagnosticPrinter.visible(path)): ยังมีอีก \(count) รายการที่ไม่ได้แสดง แก้รายการข้างบนก่อน"
                                      : "\(DiagnosticPrinter.visible(path)): \(count) more findings not shown; fix the ones above first")
            }
        case .github:
            print(printer.github(shown), terminator: "")
        case .json:
            print(printer.json(diagnostics, files: files))
        }
    }

    /// The most findings shown for one file: past it a line says how many more there are.
    static let findingsPerFile = 50

    /// The findings to show, at most `findingsPerFile` a file, and how many each file has beyond.
    static func capped(_ diagnostics: [Diagnostic]) -> ([Diagnostic], [(String, Int)]) {
        var counts: [String: Int] = [:]
        var shown: [Diagnostic] = []
        var hidden: [(String, Int)] = []
        for diagnostic in diagnostics {
            let count = counts[diagnostic.location.path, default: 0] + 1
            counts[diagnostic.location.path] = count
            if count <= findingsPerFile { shown.append(diagnostic) }
        }
        for (path, count) in counts.sorted(by: { $0.key < $1.key }) where count > findingsPerFile {
            hidden.append((path, count - findingsPerFile))
        }
        return (shown, hidden)
    }

    /// Finds the project (see `Project`) and makes its folder the working folder.
    func open() throws -> Project {
        let project = try Project.locate(config: config)
        try project.enter()
        return project
    }

    /// The settings from the project's settings file, or the defaults when there is none.
    func settings(_ project: Project) throws -> SiteSettings {
        guard let file = project.settingsFile else { return SiteSettings() }
        let shown = project.settingsDisplay
        guard let data = FileManager.default.contents(atPath: file) else { throw ValidationError("cannot read \(shown)") }
        let text = String(decoding: data, as: UTF8.self)
        let (loaded, problems) = SettingsLoader.parse(text, path: shown, project: project.folder)
        try stopOn(problems, sources: [shown: text])
        return loaded
    }

    /// The bundled gazetteer plus the settings' extra areas, if any.
    func gazetteer(_ settings: SiteSettings, _ project: Project) throws -> Gazetteer {
        guard let file = settings.areas else { return .bundled }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw ValidationError("cannot read the areas file \(file) named in \(project.settingsDisplay)")
        }
        let text = String(decoding: data, as: UTF8.self)
        let (areas, problems) = AreasLoader.parse(text, path: file, gazetteer: .bundled)
        // Its lines are not quoted: the file is named in the settings and could be anything.
        try stopOn(problems, sources: [:])
        return Gazetteer.bundled.adding(areas)
    }

    /// Prints problems in a settings or areas file in the chosen format, like content
    /// findings; errors end the command.
    private func stopOn(_ problems: [Diagnostic], sources: [String: String]) throws {
        guard !problems.isEmpty else { return }
        let printer = DiagnosticPrinter(language: language, sources: sources)
        printFindings(problems.sorted(), printer, files: 1)
        if problems.errorCount > 0 {
            Console.status(printer.summary(problems, files: 1))
            throw ExitCode(1)
        }
    }

    /// The date statuses are judged on: `--today`, else the settings' `status_date`, else
    /// today in Thailand.
    func resolvedToday(_ settings: SiteSettings? = nil) throws -> CalendarDate {
        guard let today else { return settings?.statusDate ?? CalendarDate.today() }
        guard let date = CalendarDate(parsing: today) else {
            throw ValidationError("--today must be a date like 2566-07-28 (BE) or 2023-07-28 (CE); got '\(today)'")
        }
        return date
    }
}

/// The options of commands that read the project but print no findings list: the
/// settings file, the language and the date. `check` and `build` have the same three in
/// `CheckOptions`.
struct ProjectOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The settings file, or the project folder that holds it.",
                               discussion: "Default: savnet.yml in the current folder or the nearest folder above it."))
    var config: String?

    @Option(help: "Language of the messages: th or en (default: from LC_ALL, LC_MESSAGES or LANG).")
    var lang: Language?

    @Option(help: "Judge terms and deadlines as of this date (2566-09-25 BE or 2023-09-25 CE; default: the settings' status_date, else today).")
    var today: String?

    /// The same choices as `check` options, for the helpers they share.
    func checkOptions() throws -> CheckOptions {
        var arguments = config.map { ["--config", $0] } ?? []
        if let lang { arguments += ["--lang", lang.rawValue] }
        if let today { arguments += ["--today", today] }
        return try CheckOptions.parse(arguments)
    }
}

/// How `check` prints its findings.
enum OutputFormat: String, CaseInsensitiveArgument {
    case human
    case github
    case json
}

extension Language: CaseInsensitiveArgument {}

/// An option value from a fixed list, accepted in any case (`--lang TH`, `--format JSON`).
protocol CaseInsensitiveArgument: ExpressibleByArgument, CaseIterable, RawRepresentable where RawValue == String {}

extension CaseInsensitiveArgument {
    public init?(argument: String) {
        guard let match = Self.allCases.first(where: { $0.rawValue.lowercased() == argument.lowercased() }) else { return nil }
        self = match
    }

    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

extension CalendarDate {
    /// Today's date in Thailand (UTC+7), from the system clock.
    static func today(now: Date = Date()) -> CalendarDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Bangkok") ?? TimeZone(secondsFromGMT: 7 * 3600)!
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}
