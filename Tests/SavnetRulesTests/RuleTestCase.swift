import SavnetModel
import SavnetTestSupport
import XCTest

/// Helpers for rule tests: change one file of the valid sample site, with a `‸` marker
/// where the finding is expected, and compare rule, severity and position.
class RuleTestCase: XCTestCase {
    /// Checks the site with `path` replaced by marked text; returns the findings of `rule`
    /// and asserts they sit exactly at the markers, in order.
    @discardableResult
    func assertFindings(
        _ rule: String, in path: String, _ source: String, severity: Severity = .error,
        today: CalendarDate = TestSite.today, base: TestSite = SampleNetwork.site(),
        file: StaticString = #filePath, line: UInt = #line
    ) -> [Diagnostic] {
        let marked = MarkedText(source)
        var site = base
        site.files[path] = marked.text
        let found = site.check(today: today).filter { $0.rule == rule }
        let expected = marked.marks.indices.map { marked.location($0, path: "content/" + path) }
        XCTAssertEqual(found.map(\.location), expected, "\(found.map { "\($0.location) \($0.message.en)" })", file: file, line: line)
        for diagnostic in found {
            XCTAssertEqual(diagnostic.severity, severity, diagnostic.message.en, file: file, line: line)
            XCTAssertFalse(diagnostic.message.th.isEmpty, file: file, line: line)
            XCTAssertFalse(diagnostic.message.en.isEmpty, file: file, line: line)
        }
        return found
    }

    /// The site's text for `path`.
    func sample(_ path: String) -> String {
        SampleNetwork.site().files[path]!
    }
}
