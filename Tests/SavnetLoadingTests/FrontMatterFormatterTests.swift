import Foundation
import SavnetLoading
import SavnetTestSupport
import XCTest

/// `savnet fmt`'s formatter: canonical, idempotent, and never a change of meaning.
final class FrontMatterFormatterTests: XCTestCase {
    private let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    private func files(under folder: String) -> [URL] {
        let root = repository.appendingPathComponent(folder)
        let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        return (walker?.allObjects as? [URL] ?? []).filter { $0.pathExtension == "md" }.sorted { $0.path < $1.path }
    }

    /// Shuffling the sample's top-level keys and formatting gives the sample back.
    func testShuffledKeysComeBackInCanonicalOrder() throws {
        var generator = SplitMix64(seed: 2566)
        let sample = files(under: "content")
        XCTAssertEqual(sample.count, 24)
        for url in sample {
            let text = try String(contentsOf: url, encoding: .utf8)
            XCTAssertEqual(FrontMatterFormatter.format(text, path: url.path), .unchanged, url.path)
            let parts = text.components(separatedBy: "\n---\n")
            var lines = parts[0].components(separatedBy: "\n")
            XCTAssertEqual(lines.removeFirst(), "---")
            var blocks: [[String]] = []
            for line in lines {
                if let first = line.first, first != " ", first != "#" { blocks.append([line]) } else { blocks[blocks.count - 1].append(line) }
            }
            for round in 0..<5 {
                let shuffled = "---\n" + blocks.shuffled(using: &generator).flatMap { $0 }.joined(separator: "\n") + "\n---\n"
                    + parts.dropFirst().joined(separator: "\n---\n")
                switch FrontMatterFormatter.format(shuffled, path: url.path) {
                case let .formatted(result): XCTAssertEqual(result, text, "\(url.lastPathComponent) round \(round)")
                case .unchanged: XCTAssertEqual(shuffled, text)
                case let .failed(diagnostic): XCTFail("\(url.lastPathComponent): \(diagnostic.message.en)")
                }
            }
        }
    }

    /// Every fixture, hostile ones included: no crash, and a formatted file formats to itself.
    func testEveryFixtureFormatsIdempotently() throws {
        var formatted = 0
        for url in files(under: "Tests/Fixtures") + files(under: "Tests/SavnetCommandsTests/Fixtures") {
            guard let data = FileManager.default.contents(atPath: url.path), let text = NetworkParser.decodedText(Array(data)) else { continue }
            if case let .formatted(result) = FrontMatterFormatter.format(text, path: "x.md") {
                formatted += 1
                XCTAssertEqual(FrontMatterFormatter.format(result, path: "x.md"), .unchanged, url.path)
                // The body is byte for byte the same.
                XCTAssertEqual(text.components(separatedBy: "\n---\n").dropFirst(), result.components(separatedBy: "\n---\n").dropFirst(), url.path)
            }
        }
        XCTAssertGreaterThan(formatted, 0)
    }

    func testDatesAndCodesTakeOneStyle() {
        let text = "---\narea: 8409\nlevel: district\nterm:\n  start: 2023-7-3\nfounded: '2550-01-02'\n---\nbody\n"
        guard case let .formatted(result) = FrontMatterFormatter.format(text, path: "x.md") else { return XCTFail() }
        // A quoted date is text to YAML: it is left as written.
        XCTAssertEqual(result, "---\nlevel: district\narea: \"8409\"\nfounded: '2550-01-02'\nterm:\n  start: 2566-07-03\n---\nbody\n")
    }
}

/// Two rewrites on one line (a flow mapping of dates) both happen, in one pass.
final class FrontMatterFormatterFlowTests: XCTestCase {
    func testSeveralRewritesOnOneLineAreIdempotent() {
        let text = "---\nlevel: province\narea: \"84\"\ndeadlines: {nominees: 2023-7-31, order: 2023-9-20}\n---\n"
        guard case let .formatted(result) = FrontMatterFormatter.format(text, path: "x.md") else { return XCTFail() }
        XCTAssertTrue(result.contains("deadlines: {nominees: 2566-07-31, order: 2566-09-20}"), result)
        XCTAssertEqual(FrontMatterFormatter.format(result, path: "x.md"), .unchanged)
    }
}
