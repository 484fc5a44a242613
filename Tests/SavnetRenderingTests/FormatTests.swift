@testable import SavnetRendering
import XCTest

/// How amounts and counts read on the site.
final class FormatTests: XCTestCase {
    func testAmountsAndCountsAreGroupedByThousands() {
        XCTAssertEqual(Format.amount(0), "0")
        XCTAssertEqual(Format.amount(999), "999")
        XCTAssertEqual(Format.amount(1000), "1,000")
        XCTAssertEqual(Format.amount(1_250_000), "1,250,000")
        XCTAssertEqual(Format.amount(1250.5), "1,250.50")
        XCTAssertEqual(Format.amount(-12_345.07), "-12,345.07")
        XCTAssertEqual(Format.amount(1e18), "1,000,000,000,000,000,000")
        XCTAssertEqual(Format.amount(.nan), "–")
        XCTAssertEqual(Format.count(12_345), "12,345")
        XCTAssertEqual(Format.count(-100_000), "-100,000")
        XCTAssertEqual(Format.count(Int.min), "-9,223,372,036,854,775,808")
    }

    /// The same as grouping the digits as characters (as `Format` and the number-range
    /// messages once did, each on its own), for random whole numbers.
    func testGroupingAgreesWithGroupingCharacters() {
        func reference(_ value: Int) -> String {
            let digits = String(value.magnitude)
            var out = value < 0 ? "-" : ""
            for (index, character) in digits.enumerated() {
                if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
                out.append(character)
            }
            return out
        }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let value = Int.random(in: -10_000_000_000...10_000_000_000, using: &generator) >> Int.random(in: 0...33, using: &generator)
            XCTAssertEqual(Format.count(value), reference(value), "\(value)")
        }
    }
}
