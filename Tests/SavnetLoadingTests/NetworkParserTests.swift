@testable import SavnetLoading
import Foundation
import SavnetModel
import SavnetTestSupport
import XCTest

/// Broken files: each gets one diagnostic at the right line and column of the file.
final class NetworkParserTests: XCTestCase {
    private let path = "content/84/8409/840901.md"

    private func parse(_ marked: MarkedText) -> (NetworkFile, [Diagnostic]) {
        NetworkParser.parse(text: marked.text, path: path, contentPath: "84/8409/840901.md")
    }

    private func assertOne(_ source: String, rule: String, file: StaticString = #filePath, line: UInt = #line) {
        let marked = MarkedText(source)
        let (parsed, diagnostics) = parse(marked)
        XCTAssertEqual(diagnostics.map(\.rule), [rule], "\(diagnostics)", file: file, line: line)
        XCTAssertEqual(diagnostics.first?.location, marked.location(path: path), file: file, line: line)
        XCTAssertEqual(diagnostics.first?.severity, .error, file: file, line: line)
        XCTAssertEqual(parsed.raw, marked.text, "the raw text is kept", file: file, line: line)
    }

    func testValidFileParsesWithPositions() {
        let marked = MarkedText("---\nlevel: subdistrict\narea: ‸\"840901\"\nterm:\n  start: ‸๒๕๖๖-๐๗-๐๔\n---\n# หัวข้อ\n")
        let (file, diagnostics) = parse(marked)
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(file.network?.area.value, "840901")
        XCTAssertEqual(file.network?.area.location, marked.location(0, path: path))
        XCTAssertEqual(file.network?.term?.start.value, CalendarDate(year: 2023, month: 7, day: 4))
        XCTAssertEqual(file.network?.term?.start.location, marked.location(1, path: path))
        XCTAssertEqual(file.bodyStartLine, 7)
        XCTAssertEqual(file.body, "# หัวข้อ\n")
    }

    func testColumnsCountCodePointsNotBytes() {
        // Thai letters are 3 bytes in UTF-8 and some are combining marks: the column still counts each scalar once.
        let marked = MarkedText("---\narea: \"840901\"\ncommittee:\n  - position: ประธานเครือข่าย\n    name: สมชาย\n    represents: ‸[1]\n---\n")
        let (_, diagnostics) = parse(marked)
        XCTAssertEqual(diagnostics.map(\.rule), ["front-matter-type"])
        XCTAssertEqual(diagnostics.first?.location, marked.location(path: path))
    }

    /// Findings in list items name the item's place, each part counted from 1, however
    /// deep it sits.
    func testFindingsNameTheListItemTheyAreIn() {
        let text = """
        ---
        area: "840901"
        committee:
          - {position: ประธานเครือข่าย, name: ก}
          - {position: รองประธาน, name: [ข], colour: red}
        groups:
          - {village: 1}
          - {village: x}
        plan:
          activities:
            - {name: ประชุม}
            - ประชุม
        regulation:
          chapters:
            - number: 1
              clauses:
                - {number: 1, text: ก}
                - {number: สอง, text: ข}
        funds:
          accounts:
            - bank: ธนาคารออมสิน
              signatories: [ประธานเครือข่าย, [x]]
              withdrawal: {required: many}
        contacts:
          - {name: ก, consent: maybe}
        deliverables:
          plan: {date: soon}
        wording:
          regulation:
            clauses:
              - {number: 1, text: ก}
              - {number: สอง, text: ข}
        ---

        """
        let (_, diagnostics) = NetworkParser.parse(text: text, path: path, contentPath: "84/8409/840901.md")
        let messages = diagnostics.map(\.message.en).joined(separator: "\n")
        for keyPath in ["`committee[2].name`", "`committee[2].colour`", "`groups[2].village`", "`plan.activities[2]`",
                        "`regulation.chapters[1].clauses[2].number`", "`funds.accounts[1].signatories[2]`",
                        "`funds.accounts[1].withdrawal.required`", "`contacts[1].consent`", "`deliverables.plan.date`",
                        "`wording.regulation.clauses[2].number`"] {
            XCTAssertTrue(messages.contains(keyPath), "\(keyPath) in:\n\(messages)")
        }
    }

    func testValuesAreTrimmedOfSpacesOfEveryKind() {
        // Thai text goes by without a look at Unicode's tables; every kind of space at
        // either end is still trimmed, whatever its bytes.
        let cases: [(String, String)] = [
            ("สมชาย ใจดี", "สมชาย ใจดี"), (" สมชาย ", "สมชาย"), ("\u{00A0}สมชาย\u{3000}", "สมชาย"),
            ("สมชาย\u{2003}", "สมชาย"), ("\u{1680}ก", "ก"), ("\u{202F}ก\u{205F}", "ก"), ("\tก\t", "ก"),
            ("Ünïcode", "Ünïcode"), ("ก 😀", "ก 😀"), ("ก\n", "ก\n"), ("", ""), (" ", ""),
        ]
        for (text, expected) in cases {
            XCTAssertEqual(NodeReader.trimmed(text), expected, text.debugDescription)
            XCTAssertEqual(NodeReader.trimmed(text), text.trimmingCharacters(in: .whitespaces), text.debugDescription)
        }
    }

    func testTabIndentation() {
        assertOne("---\narea: \"840901\"\nterm:\n‸\tstart: 2566-07-04\n---\n", rule: "yaml-syntax")
    }

    func testBadIndentation() {
        assertOne("---\narea: \"840901\"\nterm:\n    start: 2566-07-04\n  ‸end: 2570-07-03\n---\n", rule: "yaml-syntax")
    }

    func testDuplicateKeyPointsAtTheSecondOne() {
        assertOne("---\narea: \"840901\"\nlevel: subdistrict\n‸area: \"840902\"\n---\n", rule: "yaml-duplicate-key")
    }

    func testDuplicateKeyInsideAListItem() {
        assertOne("""
        ---
        area: "840901"
        committee:
          - position: ประธานเครือข่าย
            name: ก
          - position: เลขานุการ
            name: ข
            ‸name: ค
        ---

        """, rule: "yaml-duplicate-key")
    }

    func testUnclosedQuotePointsAtTheQuote() {
        assertOne("---\narea: \"840901\"\nname: ‸\"เครือข่ายตำบล\nfounded: 2548-07-12\n---\n", rule: "yaml-syntax")
    }

    func testMissingFrontMatter() {
        assertOne("‸# เครือข่าย\n\nไม่มีส่วนหัว\n", rule: "front-matter-missing")
    }

    func testUnterminatedFrontMatter() {
        assertOne("‸---\narea: \"840901\"\n# เครือข่าย\n", rule: "front-matter-unterminated")
    }

    func testEmptyFile() {
        assertOne("‸", rule: "file-empty")
        assertOne("‸\n  \n", rule: "file-empty")
    }

    func testEmptyFrontMatter() {
        assertOne("‸---\n---\nbody\n", rule: "front-matter-empty")
    }

    func testNonUTF8FilePointsAtTheFirstBadByte() {
        // "area: " then a TIS-620 byte for ก (0xA1).
        var bytes = Array("---\narea: \"8409".utf8)
        bytes.append(0xA1)
        bytes += Array("\"\n---\n".utf8)
        let (file, diagnostics) = NetworkParser.parse(bytes: bytes, path: path, contentPath: "84/8409/840901.md")
        XCTAssertNil(file.network)
        XCTAssertEqual(diagnostics.map(\.rule), ["file-encoding"])
        XCTAssertEqual(diagnostics.first?.location, SourceLocation(path: path, line: 2, column: 12))
    }

    func testUTF16IsNamed() {
        let bytes: [UInt8] = [0xFF, 0xFE] + Array("-\0-\0-\0".utf8)
        let (_, diagnostics) = NetworkParser.parse(bytes: bytes, path: path, contentPath: "x.md")
        XCTAssertEqual(diagnostics.map(\.rule), ["file-encoding"])
        XCTAssertTrue(diagnostics[0].message.en.contains("UTF-16"))
    }

    func testByteOrderMarkAndCRLFAreAccepted() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("---\r\narea: \"840901\"\r\nfounded: 2548-07-12\r\n---\r\nbody\r\n".utf8)
        let (file, diagnostics) = NetworkParser.parse(bytes: bytes, path: path, contentPath: "84/8409/840901.md")
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(file.network?.founded?.location, SourceLocation(path: path, line: 3, column: 10))
    }

    func testAMisspeltSectionIsAnErrorWithTheSpellingToWrite() {
        // It would drop the committee from the published page without a word.
        let marked = MarkedText("---\narea: \"840901\"\n‸comittee: []\n---\n")
        let (_, diagnostics) = parse(marked)
        XCTAssertEqual(diagnostics.map(\.rule), ["front-matter-unknown-key"])
        XCTAssertEqual(diagnostics.first?.severity, .error)
        XCTAssertEqual(diagnostics.first?.location, marked.location(path: path))
        XCTAssertEqual(diagnostics.first?.hint?.en, "write `committee`")
    }

    func testAnUnknownKeyInsideASectionWarnsWithASuggestion() {
        let marked = MarkedText("---\narea: \"840901\"\nterm:\n  start: 2566-07-04\n  ‸strt: 2566-07-04\n---\n")
        let (_, diagnostics) = parse(marked)
        XCTAssertEqual(diagnostics.map(\.rule), ["front-matter-unknown-key"])
        XCTAssertEqual(diagnostics.first?.severity, .warning)
        XCTAssertEqual(diagnostics.first?.location, marked.location(path: path))
        XCTAssertEqual(diagnostics.first?.hint?.en, "did you mean `start`?")
    }

    func testMissingAreaIsRequired() {
        let (file, diagnostics) = parse(MarkedText("---\nlevel: district\n---\n"))
        XCTAssertNil(file.network)
        XCTAssertEqual(diagnostics.map(\.rule), ["front-matter-required"])
    }

    func testBadDateNamesTheField() {
        let marked = MarkedText("---\narea: \"840901\"\norder:\n  date: ‸2566-13-40\n---\n")
        let (_, diagnostics) = parse(marked)
        XCTAssertEqual(diagnostics.map(\.rule), ["front-matter-type"])
        XCTAssertEqual(diagnostics.first?.location, marked.location(path: path))
        XCTAssertTrue(diagnostics[0].message.en.contains("order.date"))
    }

    func testAliasesAreRefused() {
        assertOne("---\narea: &code \"840901\"\nname: ‸*code\n---\n", rule: "yaml-alias")
    }

    func testAliasBombIsRefusedAtTheFirstAlias() {
        var lines = ["---", "area: \"840901\"", "a: &a [x, x, x, x, x, x, x, x, x, x]"]
        for level in 1..<10 {
            let previous = String(UnicodeScalar(UInt8(96 + level)))
            let name = String(UnicodeScalar(UInt8(97 + level)))
            lines.append("\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]")
        }
        let text = lines.joined(separator: "\n") + "\n---\n"
        let (_, diagnostics) = NetworkParser.parse(text: text, path: path, contentPath: "84/8409/840901.md")
        XCTAssertEqual(diagnostics.map(\.rule), ["yaml-alias"])
        XCTAssertEqual(diagnostics.first?.location, SourceLocation(path: path, line: 4, column: 8))
    }

    func testDeepNestingIsRefused() {
        let text = "---\narea: \"840901\"\nx: " + String(repeating: "[", count: 100) + String(repeating: "]", count: 100) + "\n---\n"
        let (_, diagnostics) = NetworkParser.parse(text: text, path: path, contentPath: "84/8409/840901.md")
        XCTAssertEqual(diagnostics.map(\.rule), ["yaml-too-large"])
    }

    func testTimestampLikeValuesStayBuddhistEra() {
        // A YAML timestamp resolver would turn this into CE year 2566; savnet reads the text.
        let (file, _) = parse(MarkedText("---\narea: \"840901\"\nfounded: 2566-07-28\n---\n"))
        XCTAssertEqual(file.network?.founded?.value, CalendarDate(year: 2023, month: 7, day: 28))
    }
}
