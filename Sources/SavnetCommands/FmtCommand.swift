import ArgumentParser
import Foundation
import SavnetLoading
import SavnetModel

/// `savnet fmt [--check] [PATH…]`: puts network files' front matter in canonical form.
struct FmtCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fmt",
        abstract: "Put network files in one canonical form, so that diffs stay small.",
        discussion: """
        Rewrites the front matter of each network file: keys in the documented order, \
        committee members in the order template's order, dates as 2566-07-13 (Buddhist \
        era), area codes in double quotes. Comments move with the key they stand above; \
        the Markdown body, unknown keys and every value are kept. Each result is read back \
        and compared with the original before the file is replaced (through a temporary \
        file and a rename); a file that does not parse is left untouched and reported.

        Exit status: 0 done (or, with --check, nothing to change), 1 files would change \
        (--check) or could not be formatted, 64 usage error.

        Examples:
          savnet fmt
          savnet fmt --check
          savnet fmt content/84/8409
        """
    )

    @Argument(help: "Files or folders to format (default: the content folder).")
    var paths: [String] = []

    @Flag(help: "Change nothing: list the files that are not in canonical form, and exit 1 if there are any.")
    var check = false

    @Option(help: ArgumentHelp("The settings file, or the project folder that holds it.",
                               discussion: "Default: savnet.yml in the current folder or the nearest folder above it."))
    var config: String?

    @Option(help: "Language of the messages: th or en (default: from LC_ALL, LC_MESSAGES or LANG).")
    var lang: Language?

    func run() throws {
        let project = try Project.locate(config: config)
        try project.enter()
        let options = try CheckOptions.parse(config.map { ["--config", $0] } ?? [])
        let settings = try options.settings(project)
        let language = lang ?? Language.fromEnvironment(ProcessInfo.processInfo.environment)
        let targets = paths.isEmpty ? [(settings.content, settings.content)] : paths.map { (project.argument($0), $0) }
        var files: [String] = []
        for (path, typed) in targets {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                throw ValidationError("no file or folder at \(typed)")
            }
            files += isFolder.boolValue ? Self.markdownFiles(in: path) : [path]
        }
        var changed: [String] = []
        var failed: [Diagnostic] = []
        var sources: [String: String] = [:]
        for file in files {
            let shown = ContentCheck.displayPath(file)
            guard let data = FileManager.default.contents(atPath: file), let text = NetworkParser.decodedText(Array(data)) else {
                failed.append(Diagnostic(rule: "fmt", severity: .error, location: SourceLocation(path: shown, line: 1, column: 1),
                                         message: Localized(th: "อ่านไฟล์ไม่ได้", en: "cannot read the file as UTF-8 text")))
                continue
            }
            switch FrontMatterFormatter.format(text, path: shown) {
            case .unchanged:
                continue
            case let .failed(diagnostic):
                failed.append(diagnostic)
                sources[shown] = text
            case let .formatted(result):
                changed.append(shown)
                if check {
                    print(shown)
                } else {
                    // A byte-order mark the file had stays.
                    let bom = data.starts(with: [0xEF, 0xBB, 0xBF]) ? "\u{FEFF}" : ""
                    try FileWriting.write(bom + result, to: file, replacing: true)
                }
            }
        }
        if !failed.isEmpty { print(DiagnosticPrinter(language: language, sources: sources).human(failed), terminator: "") }
        let thai = language == .th
        let count = files.count
        func filesText(_ n: Int) -> String { n == 1 ? "1 file" : "\(n) files" }
        if check {
            Console.status(thai ? "ตรวจรูปแบบ \(count) ไฟล์: ต้องจัดรูปใหม่ \(changed.count) ไฟล์" + (changed.isEmpty ? "" : " (สั่ง savnet fmt)")
                                : "\(filesText(count)) checked: \(changed.count) not in canonical form" + (changed.isEmpty ? "" : " (run savnet fmt)"))
        } else {
            Console.status(thai ? "จัดรูป \(changed.count) ไฟล์จาก \(count) ไฟล์" : "formatted \(changed.count) of \(filesText(count))")
        }
        if !failed.isEmpty {
            Console.status(thai ? "จัดรูปไม่ได้ \(failed.count) ไฟล์ (ไม่ได้แก้ไฟล์เหล่านั้น)" : "\(filesText(failed.count)) could not be formatted and left as \(failed.count == 1 ? "it was" : "they were")")
        }
        if !failed.isEmpty || (check && !changed.isEmpty) { throw ExitCode(1) }
    }

    /// The `.md` files below `folder`, sorted; hidden entries skipped.
    static func markdownFiles(in folder: String) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return [] }
        var files: [String] = []
        while let item = walker.nextObject() as? String {
            if item.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            if item.hasSuffix(".md") { files.append(folder == "." ? item : folder + "/" + item) }
        }
        return files.sorted()
    }
}
