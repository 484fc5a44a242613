import Foundation
import XCTest

/// The CLI behaves as people expect: from any folder, for given files, in any case, with
/// the right usage, with its own examples working, and with output in order.
final class CLIBehaviourTests: SampleProjectTestCase {
    func testCommandsWorkFromASubfolderAndWithConfigFromAnywhere() throws {
        let root = try CLI.run(["check", "--today", "2567-01-01"], in: work)
        let sub = try CLI.run(["check", "--today", "2567-01-01"], in: work.appendingPathComponent("content/84/8409"))
        XCTAssertEqual(sub.status, root.status)
        XCTAssertEqual(sub.stdout, root.stdout)
        XCTAssertTrue(sub.stderr.contains("checked 24 files"), sub.stderr)
        let elsewhere = try CLI.run(["check", "--today", "2567-01-01", "--config", work.appendingPathComponent("savnet.yml").path],
                                    in: FileManager.default.temporaryDirectory)
        XCTAssertEqual(elsewhere.stdout, root.stdout)
        // Paths in savnet.yml are relative to it.
        try FileManager.default.moveItem(at: work.appendingPathComponent("content"), to: work.appendingPathComponent("networks"))
        var settings = try String(contentsOf: work.appendingPathComponent("savnet.yml"), encoding: .utf8)
        settings = settings.replacingOccurrences(of: "content: content", with: "content: networks")
        XCTAssertTrue(settings.contains("content: networks"))
        try settings.write(to: work.appendingPathComponent("savnet.yml"), atomically: true, encoding: .utf8)
        let moved = try CLI.run(["check", "--today", "2567-01-01"], in: work.appendingPathComponent("networks/84"))
        XCTAssertEqual(moved.status, 0, moved.stdout + moved.stderr)
        XCTAssertTrue(moved.stderr.contains("checked 24 files"), moved.stderr)
        let missing = try CLI.run(["check", "--config", "nowhere/savnet.yml"], in: work)
        XCTAssertEqual(missing.status, 64)
    }

    func testCheckPathsReportsOnlyThoseFilesInTheContextOfAll() throws {
        // Break one file; checking another reports nothing false about it.
        let broken = work.appendingPathComponent("content/84/8401/_index.md")
        let text = try String(contentsOf: broken, encoding: .utf8).replacingOccurrences(of: "position: เหรัญญิก\n", with: "position: กรรมการ\n")
        try text.write(to: broken, atomically: true, encoding: .utf8)
        let other = try CLI.run(["check", "content/84/8409", "--today", "2566-09-25"], in: work)
        XCTAssertEqual(other.status, 0, other.stdout)
        XCTAssertFalse(other.stdout.contains("8401"), other.stdout)
        XCTAssertTrue(other.stderr.contains("checked 5 files"), other.stderr)
        // A district's file alone: the rules that compare it with its subdistricts still see them.
        let district = try CLI.run(["check", "content/84/8409/_index.md", "--today", "2566-09-25"], in: work)
        XCTAssertEqual(district.status, 0, district.stdout)
        XCTAssertTrue(district.stderr.contains("checked 1 file"), district.stderr)
        let bad = try CLI.run(["check", "content/84/8401/_index.md", "content/84/8409/840901.md"], in: work)
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(bad.stdout.contains("content/84/8401/_index.md:"), bad.stdout)
        XCTAssertTrue(bad.stderr.contains("checked 2 files"), bad.stderr)
        // However the path is spelt, it names the same files.
        for spelling in ["content/84/../84/8401/_index.md", "content//84/8401", work.appendingPathComponent("content/84/8401").path] {
            let result = try CLI.run(["check", spelling], in: work)
            XCTAssertEqual(result.status, 1, spelling)
            XCTAssertTrue(result.stdout.contains("content/84/8401/_index.md:"), "\(spelling): \(result.stdout)")
        }
        // From a subfolder, paths are relative to it.
        let relative = try CLI.run(["check", "8401"], in: work.appendingPathComponent("content/84"))
        XCTAssertEqual(relative.status, 1)
        XCTAssertTrue(relative.stdout.contains("content/84/8401/_index.md:"), relative.stdout)
        let outside = try CLI.run(["check", "content", "savnet.yml"], in: work)
        XCTAssertEqual(outside.status, 64)
    }

    func testOptionValuesInAnyCaseAndUsageOfTheSubcommand() throws {
        let upper = try CLI.run(["check", "--lang", "TH", "--format", "JSON"], in: work)
        XCTAssertNotEqual(upper.status, 64, upper.stderr)
        XCTAssertTrue(upper.stdout.hasPrefix("{"), upper.stdout)
        let inside = try CLI.run(["check", "--today", "soon"], in: work)
        XCTAssertEqual(inside.status, 64)
        XCTAssertTrue(inside.stderr.contains("Usage: savnet check"), inside.stderr)
        XCTAssertTrue(inside.stderr.contains("See 'savnet check --help'"), inside.stderr)
        let areas = try CLI.run(["areas", "Atlantis"], in: work)
        XCTAssertTrue(areas.stderr.contains("Usage: savnet areas"), areas.stderr)
    }

    func testAreasFindsByNameWithTheBestMatchFirst() throws {
        for (query, first) in [("Phun Phin", "8417\t"), ("surat", "84\t"), ("อ.พุนพิน", "8417\t"), ("ko samui", "8404\t")] {
            let result = try CLI.run(["areas", query], in: work)
            XCTAssertEqual(result.status, 0, query)
            XCTAssertTrue(result.stdout.hasPrefix(first), "\(query): \(result.stdout.prefix(200))")
        }
    }

    /// Findings and the summary arrive in order in one stream: the summary last, no line
    /// cut in two, every annotation a line of its own.
    func testOutputStaysInOrderWhenBothStreamsGoToOneFile() throws {
        for file in ["content/84/8401/_index.md", "content/84/8402/_index.md", "content/84/8403/_index.md"] {
            let url = work.appendingPathComponent(file)
            let text = try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: "position: เหรัญญิก\n", with: "position: กรรมการ\n")
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        for format in ["human", "github"] {
            let combined = try CLI.runCombined(["check", "--format", format], in: work)
            XCTAssertEqual(combined.status, 1)
            let lines = combined.output.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            XCTAssertTrue(lines.last?.hasPrefix("checked 24 files") ?? false, "\(lines.suffix(3))")
            XCTAssertEqual(lines.filter { $0.hasPrefix("checked ") }.count, 1)
            if format == "github" {
                for line in lines.dropLast() { XCTAssertTrue(line.hasPrefix("::"), String(line)) }
            }
        }
    }

    /// Every example in every command's help runs (in a fresh copy of the sample, in a git
    /// repository with two commits) and is not a usage error.
    func testEveryHelpExampleRuns() throws {
        var examples: [[String]] = []
        for command in ["", "check", "build", "serve", "new", "fmt", "diff", "report", "export", "init", "areas"] {
            let help = try CLI.run(command.isEmpty ? ["--help"] : [command, "--help"], in: work)
            XCTAssertEqual(help.status, 0)
            guard let start = help.stdout.range(of: "Examples:\n") else {
                if !command.isEmpty { XCTFail("\(command) --help has no examples") }
                continue
            }
            for line in help.stdout[start.upperBound...].split(separator: "\n") {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                guard trimmed.hasPrefix("savnet ") else { break }
                examples.append(Self.words(String(trimmed.split(separator: "#")[0])))
            }
        }
        XCTAssertGreaterThanOrEqual(examples.count, 20)
        for example in examples {
            try? FileManager.default.removeItem(at: work)
            project = try SampleProject()
            try git("init", "-q")
            try git("add", "-A")
            try git("commit", "-q", "-m", "one")
            try git("commit", "-q", "--allow-empty", "-m", "two")
            // `new` examples need their area free.
            for file in ["content/84/8409/840901.md", "content/84/8417/_index.md"] {
                try? FileManager.default.removeItem(at: work.appendingPathComponent(file))
            }
            if example[1] == "serve" {
                XCTAssertTrue(try Self.serves(Array(example.dropFirst()), in: work), example.joined(separator: " "))
                continue
            }
            let result = try CLI.run(Array(example.dropFirst()), in: work)
            XCTAssertTrue([0, 1].contains(result.status), "\(example.joined(separator: " ")): \(result.status) \(result.stderr.suffix(400))")
            XCTAssertFalse(result.stderr.contains("Usage:"), "\(example.joined(separator: " ")): \(result.stderr)")
        }
    }

    /// Whether `savnet serve …` starts serving (its first line); it is then stopped.
    static func serves(_ arguments: [String], in folder: URL) throws -> Bool {
        let (process, line) = try CLI.start(arguments, in: folder)
        process.terminate()
        process.waitUntilExit()
        return line.hasPrefix("serving ")
    }

    /// Splits a shell line into words, honouring double quotes.
    static func words(_ line: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quoted = false
        var started = false
        for character in line {
            if character == "\"" { quoted.toggle(); started = true; continue }
            if character == " ", !quoted {
                if started { words.append(current) }
                current = ""
                started = false
            } else {
                current.append(character)
                started = true
            }
        }
        if started { words.append(current) }
        return words
    }
}
