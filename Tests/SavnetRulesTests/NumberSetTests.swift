@testable import SavnetRules
import XCTest

/// The rules' set of numbers answers as a hash set does, below 1,024 and above.
final class NumberSetTests: XCTestCase {
    func testAgreesWithASetOnRandomNumbers() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            var numbers = NumberSet()
            var reference = Set<Int>()
            XCTAssertTrue(numbers.isEmpty)
            for _ in 0..<Int.random(in: 1...60, using: &generator) {
                let number = [Int.random(in: 0...1023, using: &generator), Int.random(in: -5...3000, using: &generator),
                              [0, 63, 64, 1023, 1024, -1].randomElement(using: &generator)!].randomElement(using: &generator)!
                XCTAssertEqual(numbers.insert(number), reference.insert(number).inserted, "\(number)")
            }
            XCTAssertFalse(numbers.isEmpty)
            XCTAssertEqual((-8...3008).filter { numbers.contains($0) }, (-8...3008).filter { reference.contains($0) })
        }
    }
}
