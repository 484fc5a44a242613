@testable import SavnetEngine
import SavnetModel
import SavnetTestSupport
import XCTest

/// The engine finds who read what an edit changed through `ReadIndex`: by scanning the
/// first time, through its inverse after that, and both must agree, through any sequence
/// of changes and a round trip through the cache.
final class ReadIndexTests: XCTestCase {
    func testScanAndInverseFindTheSameReadersThroughChanges() throws {
        var random = SplitMix64(seed: 7)
        let pool: [DirectoryRead] = (0..<40).map { number in
            switch number % 4 {
            case 0: return .area(String(10 + number))
            case 1: return .subtree(String(10 + number))
            case 2: return .person(UInt64(number) &* 0x9E37_79B9_7F4A_7C15)
            default: return .all
            }
        }
        func randomReads() -> Set<DirectoryRead> {
            Set((0..<random.next(in: 0...6)).map { _ in pool[random.next(in: 0...(pool.count - 1))] })
        }
        var truth: [String: Set<DirectoryRead>] = [:]
        var index = ReadIndex()
        for round in 0..<300 {
            let path = "p\(random.next(in: 0...30))"
            if random.next(in: 0...4) == 0 {
                index.remove(path)
                truth[path] = nil
            } else {
                let reads = randomReads()
                index.set(path, reads)
                truth[path] = reads
            }
            if round % 10 == 0 {
                // A round trip through the cache's format keeps every path's reads.
                var writer = SnapshotWriter()
                index.write(to: &writer)
                var reader = SnapshotReader(writer.bytes)
                index = try ReadIndex(from: &reader)
                XCTAssertTrue(reader.isAtEnd)
            }
            let changed = randomReads()
            let expected = Set(truth.filter { !$0.value.isDisjoint(with: changed) }.keys)
            XCTAssertEqual(index.readers(of: changed), expected, "round \(round)")
        }
    }

    func testAReadIsOneNumberThatKeepsKindsApart() {
        XCTAssertNotEqual(DirectoryRead.area("84"), DirectoryRead.subtree("84"))
        XCTAssertNotEqual(DirectoryRead.area("84"), DirectoryRead.area("8401"))
        XCTAssertNotEqual(DirectoryRead.area(""), DirectoryRead.area("0"))
        XCTAssertNotEqual(DirectoryRead.area("01"), DirectoryRead.area("1"))
        XCTAssertNotEqual(DirectoryRead.area("ชุมชนตลาด"), DirectoryRead.area("ชุมชนท่า"))
        XCTAssertEqual(DirectoryRead.area("840901"), DirectoryRead.area("840901"))
    }
}
