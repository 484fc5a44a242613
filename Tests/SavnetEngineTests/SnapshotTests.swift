import Foundation
@testable import SavnetEngine
import SavnetLoading
import SavnetModel
import SavnetTestSupport
import XCTest

/// The build cache stores parsed files in the snapshot format; reading one back must give
/// exactly what parsing gave, field for field.
final class SnapshotTests: XCTestCase {
    /// The sample content (it uses every part of the model: advisors, contacts, nominees,
    /// regulation, accounts, plan, finance, groups), the test site, and a file whose front
    /// matter does not parse.
    private func parsedFiles() throws -> [NetworkFile] {
        let content = TestBuild.repository.appendingPathComponent("content")
        var files = try ContentLoader(root: content, displayRoot: "content").load().files
        for (path, text) in SampleNetwork.site().files.sorted(by: { $0.key < $1.key }) {
            files.append(NetworkParser.parse(text: text, path: "content/" + path, contentPath: path).0)
        }
        files.append(NetworkParser.parse(text: "---\narea: [\n---\nเนื้อหา\n", path: "content/84/_index.md",
                                         contentPath: "84/_index.md").0)
        files.append(NetworkParser.parse(text: Self.rareFields, path: "content/85/_index.md", contentPath: "85/_index.md").0)
        return files
    }

    /// Fields the sample content leaves empty: a network name, a contact's phone, an
    /// account's branch, the nominees' letter, the plan's date, the regulation's title,
    /// a province's wording, a key of the wrong type and a long number in the body.
    static let rareFields = """
        ---
        level: province
        area: "85"
        name: เครือข่ายกลุ่มออมทรัพย์เพื่อการผลิตจังหวัดระนอง
        founded: 2566-13-45
        contacts:
          - name: นางสาวสมใจ ตัวอย่าง
            phone: 081-234-5678
            consent: true
        funds:
          sources: [สัจจะสะสม]
          accounts:
            - bank: ธนาคารเพื่อการเกษตรและสหกรณ์การเกษตร
              branch: ระนอง
              name: เครือข่ายฯ
              signatories: [ประธาน, เหรัญญิก]
        nominees:
          reported: 2566-07-21
          letter: รน 0017/ว 123
          names: [สมศรี สมมติรักษ์]
        plan:
          fiscal_year: 2567
          date: 2566-09-01
          activities:
            - name: ประชุม
              months: [ต.ค.]
        regulation:
          title: ระเบียบเครือข่ายฯ
          adopted: 2566-08-01
        wording:
          order:
            background: ด้วยกรมการพัฒนาชุมชน
            networks: ระเบียบกรมการพัฒนาชุมชน
            purpose: เพื่อให้การดำเนินงาน
            duties: [ส่งเสริม, กำหนดนโยบาย]
            closing: ทั้งนี้ ตั้งแต่บัดนี้เป็นต้นไป
          regulation:
            preamble: อาศัยอำนาจ
            clauses:
              - number: 5
                text: ข้อความ
        ---
        เลขประจำตัว 3841000123456 ของผู้ประสานงาน

        """

    /// Every stored property, recursively, as text; a file's text as what reading it gives
    /// (a restored file decodes it when asked, a parsed one holds it).
    private func dump(_ value: Any) -> String {
        if let file = value as? NetworkFile {
            return dump(NetworkFile(path: file.path, contentPath: file.contentPath, raw: file.raw,
                                    bodyStartLine: file.bodyStartLine, body: file.body, network: file.network,
                                    longNumbers: file.longNumbers), decodedText: ())
        }
        return dump(value, decodedText: ())
    }

    /// `Swift.dump`'s text.
    private func dump(_ value: Any, decodedText: Void) -> String {
        var text = ""
        Swift.dump(value, to: &text)
        return text
    }

    func testFilesRoundTripFieldForField() throws {
        let files = try parsedFiles()
        XCTAssertGreaterThan(files.count, 25)
        for includeRaw in [true, false] {
            var writer = SnapshotWriter()
            for file in files { writer.write(file, includeRaw: includeRaw) }
            var reader = SnapshotReader(writer.bytes)
            for file in files {
                let copy = try reader.readFile { file.raw }
                // The outline is read as saved, before and apart from the network.
                XCTAssertEqual(copy.outline, file.outline, file.path)
                XCTAssertEqual(dump(copy), dump(file), file.path)
            }
            XCTAssertTrue(reader.isAtEnd)
        }
    }

    /// The files above fill every field of the model at least once (a value, a non-empty
    /// list or text, each case of an enum where it holds data), so that the round trip
    /// above covers every field the snapshot must write: a field added to the model and
    /// left out of the snapshot cannot hide behind an empty sample.
    func testTheSampleFillsEveryFieldOfTheModel() throws {
        var filled: [String: Bool] = [:]
        func mark(_ path: String, _ isFilled: Bool) { filled[path] = (filled[path] ?? false) || isFilled }
        func walk(_ value: Any, _ path: String) {
            let mirror = Mirror(reflecting: value)
            switch mirror.displayStyle {
            case .optional:
                mark(path, !mirror.children.isEmpty)
                if let wrapped = mirror.children.first { walk(wrapped.value, path) }
            case .collection, .set, .dictionary:
                mark(path, !mirror.children.isEmpty)
                for child in mirror.children { walk(child.value, path + "[]") }
            case .struct, .class, .tuple:
                if value is String || value is Substring { mark(path, !"\(value)".isEmpty); return }
                mark(path, true)
                for (index, child) in mirror.children.enumerated() { walk(child.value, path + "." + (child.label ?? "\(index)")) }
            case .enum:
                mark(path, true)
                for child in mirror.children { walk(child.value, path + "." + (child.label ?? "case")) }
            default:
                if let text = value as? String { mark(path, !text.isEmpty) } else { mark(path, true) }
            }
        }
        for file in try parsedFiles() { walk(file, "file") }
        // How a restored file decodes its network: set by the snapshot reader itself, never
        // written (the round trip above compares the network it decodes).
        filled["file.deferred"] = nil
        XCTAssertGreaterThan(filled.count, 100)
        XCTAssertEqual(filled.filter { !$0.value }.keys.sorted(), [], "fields no sample file fills")
    }

    func testANetworkThatDoesNotDecodeIsParsedFromTheText() throws {
        // A restored file decodes its network only when asked; bytes that do not decode
        // then (they cannot, short of a bug: they were checked against their digest) give
        // the network parsed from the file's text instead of a crash or a wrong network.
        let file = try XCTUnwrap(parsedFiles().first { $0.network?.committee.isEmpty == false })
        var writer = SnapshotWriter()
        writer.write(file, includeRaw: false)
        var bytes = writer.bytes
        for index in bytes.indices.suffix(12) { bytes[index] = 0xFF }
        var reader = SnapshotReader(bytes)
        let copy = try reader.readFile { file.raw }
        XCTAssertTrue(reader.isAtEnd)
        XCTAssertEqual(copy.outline, file.outline)
        XCTAssertEqual(dump(copy), dump(file))
        // The bytes as written decode without the text.
        var intact = SnapshotReader(writer.bytes)
        let decoded = try intact.readFile { "" }
        XCTAssertEqual(dump(decoded.network as Any), dump(file.network as Any))
    }

    func testTheDumpSeesNestedFields() throws {
        // Guards the test above: a difference deep inside a member must show in the dump.
        let file = try XCTUnwrap(parsedFiles().first { $0.network?.committee.isEmpty == false })
        var network = try XCTUnwrap(file.network)
        network.committee[0].represents = Located("999999", at: SourceLocation(path: file.path, line: 1, column: 1))
        let changed = NetworkFile(path: file.path, contentPath: file.contentPath, raw: file.raw, bodyStartLine: file.bodyStartLine,
                                  body: file.body, network: network, longNumbers: file.longNumbers)
        XCTAssertNotEqual(dump(changed), dump(file))
    }

    func testDiagnosticsRoundTrip() throws {
        let diagnostics = TestSite(SampleNetwork.site().files.merging(["84/8409/840901.md": "---\narea: 840901\n---\n"]) { $1 })
            .check()
        XCTAssertFalse(diagnostics.isEmpty)
        var writer = SnapshotWriter()
        writer.write(diagnostics) { $0.write($1) }
        var reader = SnapshotReader(writer.bytes)
        XCTAssertEqual(try reader.readArray { try $0.readDiagnostic() }, diagnostics)
    }

    func testTruncatedBytesThrowInsteadOfCrashing() throws {
        var writer = SnapshotWriter()
        for file in try parsedFiles().prefix(3) { writer.write(file, includeRaw: true) }
        for cut in stride(from: 0, to: writer.bytes.count, by: max(1, writer.bytes.count / 200)) {
            var reader = SnapshotReader(Array(writer.bytes.prefix(cut)))
            XCTAssertThrowsError(try (0..<3).forEach { _ in _ = try reader.readFile { "" } })
        }
    }
}
