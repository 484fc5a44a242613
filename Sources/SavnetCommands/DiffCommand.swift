import ArgumentParser
import Foundation
import SavnetEngine
import SavnetLoading
import SavnetModel
import SavnetRendering
import SavnetRules

/// `savnet diff <rev> [<rev>]`: what changed in the directory, in words a reviewer reads.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Say what changed between two revisions of the content, for a reviewer.",
        discussion: """
        Compares the content at a git revision with the working tree (or with a second \
        revision) and reports, network by network: networks added or removed; committee \
        members added, removed, renamed or moved between positions; changes to the term, \
        the appointment order, the plan, the finances, the nominees and the deliverables; \
        and the check findings that appear or are fixed.

        Formats: human (the terminal), markdown (a pull-request comment), json.

        Exit status: 0 compared, 64 usage error (not a git repository, unknown revision).

        Examples:
          savnet diff HEAD
          savnet diff main HEAD --format markdown
          savnet diff HEAD~1 --format json --lang en
        """
    )

    @Argument(help: "The revision to compare from (a commit, branch or tag).")
    var from: String

    @Argument(help: "The revision to compare to (default: the working tree).")
    var to: String?

    @Option(help: "Output format: human, markdown or json.")
    var format: DiffFormat = .human

    @OptionGroup var project: ProjectOptions

    func run() throws {
        let options = try self.project.checkOptions()
        let project = try options.open()
        let settings = try options.settings(project)
        let today = try options.resolvedToday(settings)
        let gazetteer = try options.gazetteer(settings, project)
        let git = try GitContent(project: project, content: settings.content)
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("savnet-diff-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let old = try load(git.extract(from, into: scratch.appendingPathComponent("from")), today: today, gazetteer: gazetteer, shown: settings.content)
        let new: ContentCheck
        if let to {
            new = try load(git.extract(to, into: scratch.appendingPathComponent("to")), today: today, gazetteer: gazetteer, shown: settings.content)
        } else {
            new = try load(settings.content, today: today, gazetteer: gazetteer, shown: settings.content)
        }
        let report = ContentDiff(old: old, new: new)
        let language = options.language
        switch format {
        case .human: print(report.text(language), terminator: "")
        case .markdown: print(report.markdown(language, from: from, to: to), terminator: "")
        case .json: print(report.json(from: from, to: to))
        }
    }

    private func load(_ folder: String, today: CalendarDate, gazetteer: Gazetteer, shown: String) throws -> ContentCheck {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            // No content at that revision: everything is new.
            return ContentCheck(directory: CheckPipeline(gazetteer: gazetteer).directory([]), diagnostics: [], fileCount: 0)
        }
        return try ContentCheck.run(path: folder, shown: shown, today: today, gazetteer: gazetteer)
    }
}

enum DiffFormat: String, CaseInsensitiveArgument {
    case human
    case markdown
    case json
}

/// The content folder as git holds it at a revision.
struct GitContent {
    /// The repository's top folder.
    let top: String
    /// The content folder relative to the top.
    let content: String

    init(project: Project, content folder: String) throws {
        guard let top = try? Self.git(["rev-parse", "--show-toplevel"], in: project.folder).trimmingCharacters(in: .whitespacesAndNewlines),
              !top.isEmpty else {
            throw ValidationError("\(project.folder) is not in a git repository: savnet diff compares git revisions")
        }
        self.top = RealPath.resolve(top)
        let absolute = RealPath.resolve(folder, relativeTo: project.folder)
        guard RealPath.isInside(absolute, self.top) else {
            throw ValidationError("the content folder \(folder) is outside the git repository \(top)")
        }
        content = absolute == self.top ? "" : String(absolute.dropFirst(self.top.count + 1))
    }

    /// Writes the content folder as it is at `revision` below `folder`; returns where it is.
    func extract(_ revision: String, into folder: URL) throws -> String {
        guard (try? Self.git(["rev-parse", "--verify", "--quiet", revision + "^{commit}"], in: top)) != nil else {
            throw ValidationError("'\(revision)' is not a revision of this repository (try a commit, a branch or HEAD~1)")
        }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let listing = (try? Self.git(["ls-tree", "-d", "--name-only", revision, "--", content.isEmpty ? "." : content], in: top)) ?? ""
        let target = content.isEmpty ? folder.path : folder.path + "/" + content
        guard content.isEmpty || !listing.isEmpty else { return target }
        let archive = folder.appendingPathComponent("content.tar").path
        _ = try Self.git(["archive", "--format=tar", "-o", archive, revision, "--", content.isEmpty ? "." : content], in: top)
        let tar = Process()
        tar.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        tar.arguments = ["tar", "-xf", archive, "-C", folder.path]
        try tar.run()
        tar.waitUntilExit()
        guard tar.terminationStatus == 0 else { throw ValidationError("cannot unpack the content of \(revision)") }
        try? FileManager.default.removeItem(atPath: archive)
        return target
    }

    /// Runs git; its standard output, or an error when it fails.
    static func git(_ arguments: [String], in folder: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { throw ValidationError("cannot run git: \(error.localizedDescription)") }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw ValidationError("git \(arguments.joined(separator: " ")) failed") }
        return String(decoding: data, as: UTF8.self)
    }
}

/// What changed between two loads of the content.
struct ContentDiff {
    /// The changes to one network.
    struct NetworkChange {
        enum Kind: String { case added, removed, changed }
        var kind: Kind
        var code: String
        var name: String
        var path: String
        var lines: [Localized]
    }

    var networks: [NetworkChange] = []
    /// Findings that were not there before, and findings that are gone.
    var appeared: [Diagnostic] = []
    var fixed: [Diagnostic] = []

    init(old: ContentCheck, new: ContentCheck) {
        var before: [String: (NetworkFile, Network)] = [:]
        for (file, network) in old.directory.networks { before[network.area.value] = (file, network) }
        var after: [String: (NetworkFile, Network)] = [:]
        for (file, network) in new.directory.networks { after[network.area.value] = (file, network) }
        let gazetteer = new.directory.gazetteer
        for code in Set(before.keys).union(after.keys).sorted() {
            let area = gazetteer.area(code)
            switch (before[code], after[code]) {
            case let (nil, (file, network)?):
                networks.append(NetworkChange(kind: .added, code: code, name: network.displayName(area: area), path: file.path, lines: [
                    Localized(th: "เพิ่มเครือข่าย กรรมการ \(network.committee.count) คน", en: "network added, with \(network.committee.count) committee members"),
                ]))
            case let ((file, network)?, nil):
                networks.append(NetworkChange(kind: .removed, code: code, name: network.displayName(area: area), path: file.path, lines: [
                    Localized(th: "ลบเครือข่ายออก", en: "network removed"),
                ]))
            case let ((_, was)?, (file, now)?):
                let lines = Self.changes(was, now)
                if !lines.isEmpty {
                    networks.append(NetworkChange(kind: .changed, code: code, name: now.displayName(area: area), path: file.path, lines: lines))
                }
            case (nil, nil):
                break
            }
        }
        func key(_ d: Diagnostic) -> String { "\(d.rule)|\(d.location.path)|\(d.severity)|\(d.message.en)" }
        let oldKeys = Set(old.diagnostics.map(key))
        let newKeys = Set(new.diagnostics.map(key))
        appeared = new.diagnostics.filter { !oldKeys.contains(key($0)) }
        fixed = old.diagnostics.filter { !newKeys.contains(key($0)) }
    }

    /// The changes between two versions of one network, in words.
    static func changes(_ was: Network, _ now: Network) -> [Localized] {
        var lines: [Localized] = []
        func person(_ m: Member) -> String { m.fullName }
        func same(_ a: String?, _ b: String?) -> Bool { (a ?? "") == (b ?? "") }
        // Members are known by name; a new name in the seat an old one left is a rename.
        let oldByName = Dictionary(was.committee.map { (norm($0.name.value), $0) }, uniquingKeysWith: { a, _ in a })
        let newByName = Dictionary(now.committee.map { (norm($0.name.value), $0) }, uniquingKeysWith: { a, _ in a })
        var removed = was.committee.filter { newByName[norm($0.name.value)] == nil }
        var added: [Member] = []
        for member in now.committee {
            guard let old = oldByName[norm(member.name.value)] else { added.append(member); continue }
            if old.positionTitle != member.positionTitle {
                lines.append(Localized(th: "ย้าย \(person(member)) จาก\(old.positionTitle) เป็น\(member.positionTitle)",
                                       en: "\(person(member)) moved from \(old.positionTitle) to \(member.positionTitle)"))
            }
            if !same(old.represents?.value, member.represents?.value) {
                lines.append(Localized(th: "\(person(member)) เปลี่ยนผู้แทนจาก \(old.represents?.value ?? "-") เป็น \(member.represents?.value ?? "-")",
                                       en: "\(person(member)) now represents \(member.represents?.value ?? "-") (was \(old.represents?.value ?? "-"))"))
            }
            if !same(old.title?.value, member.title?.value) {
                lines.append(Localized(th: "คำนำหน้าของ \(member.name.value) เปลี่ยนจาก \(old.title?.value ?? "-") เป็น \(member.title?.value ?? "-")",
                                       en: "\(member.name.value)'s title changed from \(old.title?.value ?? "-") to \(member.title?.value ?? "-")"))
            }
        }
        for member in added {
            if let index = removed.firstIndex(where: { $0.positionTitle == member.positionTitle && same($0.represents?.value, member.represents?.value) }) {
                let old = removed.remove(at: index)
                lines.append(Localized(th: "\(member.positionTitle): เปลี่ยนชื่อจาก \(person(old)) เป็น \(person(member))",
                                       en: "\(member.positionTitle): \(person(old)) renamed or replaced by \(person(member))"))
            } else {
                lines.append(Localized(th: "เพิ่มกรรมการ \(person(member)) (\(member.positionTitle))",
                                       en: "member added: \(person(member)) (\(member.positionTitle))"))
            }
        }
        for member in removed {
            lines.append(Localized(th: "ลบกรรมการ \(person(member)) (\(member.positionTitle))",
                                   en: "member removed: \(person(member)) (\(member.positionTitle))"))
        }
        func field(_ th: String, _ en: String, _ a: String?, _ b: String?) {
            guard !same(a, b) else { return }
            lines.append(Localized(th: "\(th): \(a ?? "-") → \(b ?? "-")", en: "\(en): \(a ?? "-") → \(b ?? "-")"))
        }
        field("วันเริ่มวาระ", "term start", was.term?.start.value.buddhistISO, now.term?.start.value.buddhistISO)
        field("เลขที่คำสั่ง", "order number", was.order?.number?.value, now.order?.number?.value)
        field("วันที่คำสั่ง", "order date", was.order?.date?.value.buddhistISO, now.order?.date?.value.buddhistISO)
        field("ผู้ลงนามคำสั่ง", "order signer", was.order?.signer?.value, now.order?.signer?.value)
        field("ปีงบประมาณของแผน", "plan fiscal year", was.plan?.fiscalYear.map { String($0.value) }, now.plan?.fiscalYear.map { String($0.value) })
        field("จำนวนกิจกรรมในแผน", "plan activities", was.plan.map { String($0.activities.count) }, now.plan.map { String($0.activities.count) })
        func money(_ value: Located<Double>?) -> String? { value.map { ReportTable.amount($0.value) } }
        field("ข้อมูลการเงิน ณ วันที่", "finance as of", was.finance?.asOf?.value.buddhistISO, now.finance?.asOf?.value.buddhistISO)
        field("ยอดเงินกองทุน", "fund balance", money(was.finance?.fundBalance), money(now.finance?.fundBalance))
        field("รายรับ", "income", money(was.finance?.income), money(now.finance?.income))
        field("รายจ่าย", "expenses", money(was.finance?.expenses), money(now.finance?.expenses))
        field("เงินให้กู้", "loans", money(was.finance?.loans), money(now.finance?.loans))
        field("วันแจ้งรายชื่อผู้แทน", "nominees reported", was.nominees?.reported?.value.buddhistISO, now.nominees?.reported?.value.buddhistISO)
        field("รายชื่อผู้แทน", "nominees", was.nominees.map { $0.names.map(\.value).joined(separator: ", ") },
              now.nominees.map { $0.names.map(\.value).joined(separator: ", ") })
        for kind in Deliverable.allCases {
            let a = was.deliveries.first { $0.kind == kind }
            let b = now.deliveries.first { $0.kind == kind }
            field("ส่ง\(kind.thaiName)", "\(kind.englishName) sent", a?.date?.value.buddhistISO, b?.date?.value.buddhistISO)
        }
        return lines
    }

    private static func norm(_ name: String) -> String { name.split(whereSeparator: \.isWhitespace).joined(separator: " ") }

    var isEmpty: Bool { networks.isEmpty && appeared.isEmpty && fixed.isEmpty }

    private func kindLabel(_ kind: NetworkChange.Kind, _ language: Language) -> String {
        switch kind {
        case .added: return language == .th ? "เพิ่ม" : "added"
        case .removed: return language == .th ? "ลบ" : "removed"
        case .changed: return language == .th ? "แก้ไข" : "changed"
        }
    }

    private func findingLine(_ d: Diagnostic, _ language: Language) -> String {
        "\(d.location.path):\(d.location.line): \(d.severity.rawValue): \(d.message.text(language)) [\(d.rule)]"
    }

    func text(_ language: Language) -> String {
        let th = language == .th
        guard !isEmpty else { return th ? "ไม่มีการเปลี่ยนแปลงในเนื้อหา\n" : "no changes to the content\n" }
        var out = ""
        for change in networks {
            out += "\(change.name) (\(change.code)) \(kindLabel(change.kind, language)): \(change.path)\n"
            for line in change.lines { out += "  - \(line.text(language))\n" }
        }
        if !appeared.isEmpty {
            out += th ? "ปัญหาที่เกิดใหม่ \(appeared.count) รายการ:\n" : "\(appeared.count) new \(appeared.count == 1 ? "finding" : "findings"):\n"
            for d in appeared { out += "  + \(findingLine(d, language))\n" }
        }
        if !fixed.isEmpty {
            out += th ? "ปัญหาที่แก้แล้ว \(fixed.count) รายการ:\n" : "\(fixed.count) \(fixed.count == 1 ? "finding" : "findings") fixed:\n"
            for d in fixed { out += "  - \(findingLine(d, language))\n" }
        }
        return out
    }

    func markdown(_ language: Language, from: String, to: String?) -> String {
        let th = language == .th
        let target = to.map(Self.code) ?? (th ? "สำเนาทำงาน" : "the working tree")
        var out = th ? "### savnet: สิ่งที่เปลี่ยนจาก \(Self.code(from)) ถึง \(target)\n\n"
                     : "### savnet: what changed from \(Self.code(from)) to \(target)\n\n"
        guard !isEmpty else { return out + (th ? "ไม่มีการเปลี่ยนแปลงในเนื้อหา\n" : "No changes to the content.\n") }
        for change in networks {
            out += "**\(Self.escape(change.name))** (\(change.code), \(kindLabel(change.kind, language))) \(Self.code(change.path))\n\n"
            for line in change.lines { out += "- \(Self.escape(line.text(language)))\n" }
            out += "\n"
        }
        if !appeared.isEmpty {
            out += th ? "**ปัญหาที่เกิดใหม่** (\(appeared.count))\n\n" : "**New findings** (\(appeared.count))\n\n"
            for d in appeared { out += "- \(Self.code("\(d.location.path):\(d.location.line)")) \(d.severity.rawValue): \(Self.escape(d.message.text(language))) (`\(d.rule)`)\n" }
            out += "\n"
        }
        if !fixed.isEmpty {
            out += th ? "**ปัญหาที่แก้แล้ว** (\(fixed.count))\n\n" : "**Findings fixed** (\(fixed.count))\n\n"
            for d in fixed { out += "- ~~\(Self.code(d.location.path))~~ \(Self.escape(d.message.text(language))) (`\(d.rule)`)\n" }
        }
        return out
    }

    /// Text as a Markdown code span (backticks in it cannot end the span).
    static func code(_ text: String) -> String {
        "`" + text.replacingOccurrences(of: "`", with: "'").replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ") + "`"
    }

    /// Text safe inside Markdown: no HTML, links, mentions or emphasis from content, and
    /// no line break that could end a list item or a table row.
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            if character == "\n" || character == "\r\n" || character == "\r" {
                out.append(" ")
                continue
            }
            if "\\`*_{}[]<>()#|!~".contains(character) { out.append("\\") }
            out.append(character)
            // A word joiner after @ and in :// and www. stops mentions and autolinks.
            if character == "@" { out.append("\u{2060}") }
        }
        return out.replacingOccurrences(of: "://", with: ":\u{2060}//").replacingOccurrences(of: "www.", with: "www\u{2060}.")
    }

    func json(from: String, to: String?) -> String {
        func string(_ s: String) -> String { JSONWriter.quote(s) }
        var parts: [String] = []
        parts.append("\"from\": \(string(from))")
        parts.append("\"to\": \(to.map(string) ?? "null")")
        let networkItems = networks.map { change in
            "{\"change\": \(string(change.kind.rawValue)), \"area\": \(string(change.code)), \"name\": \(string(change.name)), "
                + "\"path\": \(string(change.path)), \"details\": ["
                + change.lines.map { "{\"th\": \(string($0.th)), \"en\": \(string($0.en))}" }.joined(separator: ", ") + "]}"
        }
        parts.append("\"networks\": [" + networkItems.joined(separator: ", ") + "]")
        func finding(_ d: Diagnostic) -> String {
            "{\"rule\": \(string(d.rule)), \"severity\": \(string(d.severity.rawValue)), \"path\": \(string(d.location.path)), "
                + "\"line\": \(d.location.line), \"message\": \(string(d.message.en))}"
        }
        parts.append("\"appeared\": [" + appeared.map(finding).joined(separator: ", ") + "]")
        parts.append("\"fixed\": [" + fixed.map(finding).joined(separator: ", ") + "]")
        return "{" + parts.joined(separator: ", ") + "}"
    }
}
