import Foundation
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
        return files
    }

    /// Every stored property, recursively, as text.
    private func dump(_ value: Any) -> String {
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
                XCTAssertEqual(dump(copy), dump(file), file.path)
            }
            XCTAssertTrue(reader.isAtEnd)
        }
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
