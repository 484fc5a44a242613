@testable import SavnetLoading
import XCTest

/// The interner gives back exactly the text of the bytes asked for, whatever its table
/// held before; repeated values share one string's storage.
final class StringInternerTests: XCTestCase {
    private func string(_ interner: StringInterner, _ text: String) -> String {
        Array(text.utf8).withUnsafeBufferPointer { interner.string($0) }
    }

    private func storage(_ text: String) -> UnsafePointer<UInt8>? {
        var text = text
        return text.withUTF8 { $0.baseAddress }
    }

    func testEveryLookupGivesTheTextOfItsBytes() {
        let interner = StringInterner.current
        var generator = SystemRandomNumberGenerator()
        let pieces = ["ก", "ำ", "ประธานเครือข่าย", "a", " ", "1", "😀", "\u{0E4D}", "é"]
        // Far more distinct values than the table has slots, repeated, of every length
        // around the limits (15, 16, 512, 513 bytes).
        var texts: [String] = []
        for _ in 0..<6_000 {
            var text = ""
            let target = [1, 15, 16, 17, 60, 200, 511, 512, 513, 700].randomElement(using: &generator)!
            while text.utf8.count < target { text += pieces.randomElement(using: &generator)! }
            texts.append(text)
        }
        for _ in 0..<3 {
            for text in texts.shuffled(using: &generator) {
                let found = string(interner, text)
                XCTAssertEqual(Array(found.utf8), Array(text.utf8))
            }
        }
    }

    func testARepeatedValueSharesItsStorage() {
        let interner = StringInterner.current
        let position = "กรรมการส่งเสริมและพัฒนาอาชีพ"
        let first = string(interner, position)
        let second = string(interner, position)
        XCTAssertEqual(first, second)
        XCTAssertEqual(storage(first), storage(second))
        let other = string(interner, "กรรมการส่งเสริมและสนับสนุนแหล่งทุน")
        XCTAssertNotEqual(storage(first), storage(other))
    }

    func testEachThreadHasItsOwnTable() {
        let here = ObjectIdentifier(StringInterner.current)
        XCTAssertEqual(here, ObjectIdentifier(StringInterner.current))
        let done = expectation(description: "other thread")
        Thread.detachNewThread {
            let there = ObjectIdentifier(StringInterner.current)
            XCTAssertNotEqual(here, there)
            done.fulfill()
        }
        wait(for: [done], timeout: 10)
    }
}
