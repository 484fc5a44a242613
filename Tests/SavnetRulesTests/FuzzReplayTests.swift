import Foundation
import SavnetLoading
import SavnetModel
import SavnetRules
import SavnetTestSupport
import XCTest

/// Inputs that once crashed savnet (found by the fuzzer in Fuzz/ or by review), kept in
/// Tests/Fixtures/fuzz/: each goes through everything the fuzzer drives, and through the
/// rules, and must come back with findings, not a crash.
final class FuzzReplayTests: XCTestCase {
    func testEveryKeptCrasherIsHandled() throws {
        let folder = TestBuild.repository.appendingPathComponent("Tests/Fixtures/fuzz")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        XCTAssertGreaterThanOrEqual(names.count, 3)
        for name in names {
            let bytes = [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
            let (file, found) = NetworkParser.parse(bytes: bytes, path: "content/" + name, contentPath: "84/8409/840901.md")
            let text = String(decoding: bytes, as: UTF8.self)
            _ = NumberScanner.candidates(in: text)
            _ = SettingsLoader.parse(text, path: "savnet.yml")
            for line in text.split(separator: "\n", omittingEmptySubsequences: false).prefix(16) {
                _ = CalendarDate(parsing: String(line))
                _ = PositionName.match(String(line))
                _ = ThaiNumerals.parseInt(String(line))
                _ = ThaiNumerals.parseDecimal(String(line))
            }
            let directory = Directory(files: [file], gazetteer: .bundled)
            let findings = found + Validator().check(directory, RuleContext(today: TestSite.today))
            // The three kept by review are out-of-range numbers: each must say so.
            if name.hasSuffix("overflow.md") {
                XCTAssertTrue(findings.contains { $0.rule == "number-range" }, name)
            }
            var rollUp = RollUp()
            for network in directory.files.compactMap(\.network) { rollUp.add(network, today: TestSite.today) }
        }
    }
}
