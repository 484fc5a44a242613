import XCTest

/// Every command explains itself with examples, and exits 0 doing so.
final class HelpTests: XCTestCase {
    func testEveryCommandHasHelpWithExamples() throws {
        for (arguments, example) in [
            (["--help"], "savnet check"),
            (["check", "--help"], "savnet check --format github --strict"),
            (["build", "--help"], "savnet build --output public --base-url https://example.org/savnet/"),
            (["areas", "--help"], "savnet areas 84"),
        ] {
            let result = try CLI.run(arguments, in: CLI.repository)
            XCTAssertEqual(result.status, 0, arguments.joined(separator: " "))
            XCTAssertTrue(result.stdout.contains(example), "\(arguments): \(result.stdout)")
        }
    }

    func testUnknownCommandIsAUsageError() throws {
        let result = try CLI.run(["publish"], in: CLI.repository)
        XCTAssertEqual(result.status, 64)
    }
}
