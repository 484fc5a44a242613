import Foundation
import XCTest

/// One case per kind of hostile input (Tests/Fixtures/hostile/cases.tsv): each fixture is
/// put into a copy of the sample content, and `savnet check` must report the expected
/// finding at the expected line, print nothing raw to the terminal, stay short, and exit 1.
final class HostileInputTests: XCTestCase {
    static let folder = CLI.repository.appendingPathComponent("Tests/Fixtures/hostile")

    struct Case {
        var fixture: String
        var placedAt: String
        var rule: String
        var line: Int
    }

    static func cases() throws -> [Case] {
        let text = try String(contentsOf: folder.appendingPathComponent("cases.tsv"), encoding: .utf8)
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { row in
            let cells = row.split(separator: "\t").map(String.init)
            return Case(fixture: cells[0], placedAt: cells[1], rule: cells[2], line: Int(cells[3])!)
        }
    }

    func testEveryHostileCaseGivesItsFinding() throws {
        let cases = try Self.cases()
        XCTAssertGreaterThanOrEqual(cases.count, 30)
        for item in cases {
            let work = FileManager.default.temporaryDirectory.appendingPathComponent("savnet-hostile-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: work) }
            try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: CLI.repository.appendingPathComponent("content"), to: work.appendingPathComponent("content"))
            let target = work.appendingPathComponent("content/" + item.placedAt)
            try? FileManager.default.removeItem(at: target)
            try FileManager.default.copyItem(at: Self.folder.appendingPathComponent(item.fixture), to: target)
            let started = Date()
            let result = try CLI.run(["check", "--today", "2567-01-01"], in: work)
            let seconds = Date().timeIntervalSince(started)
            // Errors fail the check; a hidden file is only a warning.
            XCTAssertEqual(result.status, result.stdout.contains(": error: ") ? 1 : 0, "\(item.fixture): \(result.stderr)")
            XCTAssertTrue(result.stdout.contains(": error: ") || item.fixture == "hidden.md", item.fixture)
            let expected = "content/\(item.placedAt):\(item.line):"
            let found = result.stdout.split(separator: "\n").contains { $0.hasPrefix(expected) && $0.hasSuffix("[\(item.rule)]") }
            XCTAssertTrue(found, "\(item.fixture): no \(item.rule) at \(expected)\n\(result.stdout.prefix(2000))")
            // Nothing reaches the terminal raw, and the report stays short.
            let raw = result.stdout.unicodeScalars.filter { ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || (0x7F...0x9F).contains($0.value)
                || (0x202A...0x202E).contains($0.value) }
            XCTAssertEqual(raw.count, 0, "\(item.fixture): control characters in the output")
            XCTAssertLessThan(result.stdout.utf8.count, 64 * 1024, "\(item.fixture): output not bounded")
            XCTAssertLessThan(seconds, 30, "\(item.fixture): took \(seconds) s")
        }
    }

    func testAHostileFileNeverReachesTheSite() throws {
        // A build with any of these stops before writing, so the site keeps what it had.
        let project = try SampleProject()
        defer { project.remove() }
        let work = project.folder
        try FileManager.default.removeItem(at: work.appendingPathComponent("content/84/8409/840901.md"))
        try FileManager.default.copyItem(at: Self.folder.appendingPathComponent("phone-html-comment.md"),
                                         to: work.appendingPathComponent("content/84/8409/840901.md"))
        let result = try CLI.run(["build", "--no-search"], in: work)
        XCTAssertEqual(result.status, 1)
        XCTAssertFalse(FileManager.default.fileExists(atPath: work.path + "/site/84"), result.stderr)
    }
}
