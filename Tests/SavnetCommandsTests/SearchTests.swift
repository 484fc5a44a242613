import Foundation
import XCTest

/// The site's own search, as a reader's browser runs it: search.js (under Node) against
/// the index of the built sample, for a list of real-looking queries
/// (Tests/search/sample-queries.tsv), each with the page that must come first.
final class SearchTests: SampleProjectTestCase {
    func testEveryQueryFindsItsPageFirst() throws {
        XCTAssertEqual(try CLI.run(["build"], in: work).status, 0)
        let node = ["/usr/bin/node", "/usr/local/bin/node", "/usr/bin/nodejs"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let node else {
            return XCTFail("Node.js is needed to run the search script's tests: scripts/setup.sh installs it")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: node)
        process.arguments = [CLI.repository.appendingPathComponent("Tests/search/run.js").path,
                             work.appendingPathComponent("site").path,
                             CLI.repository.appendingPathComponent("Tests/search/sample-queries.tsv").path]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, text)
        XCTAssertTrue(text.contains("queries found their page first"), text)
        // Each query fetches a few small files.
        for line in text.split(separator: "\n") where line.hasPrefix("ok") {
            let bytes = Int(line.split(separator: ",").last?.split(separator: " ").first ?? "") ?? .max
            XCTAssertLessThan(bytes, 50_000, String(line))
        }
    }

    /// The index holds what the site publishes and nothing about empty areas.
    func testEmptyAreasAreNotIndexed() throws {
        XCTAssertEqual(try CLI.run(["build"], in: work).status, 0)
        let site = try tree("site")
        let documents = site.filter { $0.key.hasPrefix("search/d/") }.map { String(decoding: $0.value, as: UTF8.self) }.joined()
        XCTAssertTrue(documents.contains("\"84/8409/840901/\""))
        XCTAssertFalse(documents.contains("\"84/8401/840101/\""), "an empty subdistrict is not a search result")
        let terms = site.filter { $0.key.hasPrefix("search/t/") }.map { String(decoding: $0.value, as: UTF8.self) }.joined()
        XCTAssertFalse(terms.contains("ตลาด\""), "nor are its names")
        XCTAssertFalse(terms.contains("08"), "no phone numbers")
    }
}
