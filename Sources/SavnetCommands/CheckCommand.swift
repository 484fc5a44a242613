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

        Exit status: 0 no errors, 1 content errors (or warnings with --strict), 64 usage error.

        Examples:
          savnet check
          savnet check content --lang th
          savnet check --format github --strict
          savnet check --today 2570-08-01
        """
    )

    @OptionGroup var options: CheckOptions

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let language = options.lang ?? Language.fromEnvironment(environment)
        let today = try options.resolvedToday()
        let report = try ContentCheck.run(path: options.path, today: today)
        var diagnostics = report.diagnostics
        if options.strict { diagnostics = diagnostics.map { var d = $0; d.severity = .error; return d } }
        let printer = DiagnosticPrinter(language: language, sources: report.sources)
        switch options.format {
        case .human:
            print(printer.human(diagnostics), terminator: "")
        case .github:
            print(printer.github(diagnostics), terminator: "")
            if let summaryPath = environment["GITHUB_STEP_SUMMARY"], !summaryPath.isEmpty {
                try? printer.appendStepSummary(diagnostics, files: report.fileCount, to: summaryPath)
            }
        case .json:
            print(printer.json(diagnostics, files: report.fileCount))
        }
        FileHandle.standardError.write(Data((printer.summary(diagnostics, files: report.fileCount) + "\n").utf8))
        if diagnostics.errorCount > 0 { throw ExitCode(1) }
    }
}

/// The options `check` shares with the commands that check before they work (`build`).
struct CheckOptions: ParsableArguments {
    @Argument(help: "The content folder to check.")
    var path: String = "content"

    @Option(help: "Output format: human, github (GitHub Actions annotations) or json.")
    var format: OutputFormat = .human

    @Option(help: "Language of the messages: th or en (default: from LC_ALL, LC_MESSAGES or LANG).")
    var lang: Language?

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Option(help: "Judge terms and deadlines as of this date (2570-08-01 BE or 2027-08-01 CE; default: today in Thailand).")
    var today: String?

    func resolvedToday() throws -> CalendarDate {
        guard let today else { return CalendarDate.today() }
        guard let date = CalendarDate(parsing: today) else {
            throw ValidationError("--today must be a date like 2566-07-28 (BE) or 2023-07-28 (CE); got '\(today)'")
        }
        return date
    }
}

/// How `check` prints its findings.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case human
    case github
    case json
}

extension Language: ExpressibleByArgument {}

extension CalendarDate {
    /// Today's date in Thailand (UTC+7), from the system clock.
    static func today(now: Date = Date()) -> CalendarDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Bangkok") ?? TimeZone(secondsFromGMT: 7 * 3600)!
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}
