@testable import SavnetModel
import XCTest

/// The directory's index of people finds a name's first entry (by file, then line) as a
/// scan of every entry would, whatever the hashes share: the same bucket, the same hash
/// with another check, the same name in several files; and after files are replaced.
final class PeopleIndexTests: XCTestCase {
    private func file(_ number: Int, _ people: [PersonKey]) -> NetworkFile {
        let outline = NetworkOutline(area: "8409\(String(format: "%02d", number))", lastChanged: nil, people: people,
                                     figures: RollUp(), termEnd: nil)
        let path = "content/84/8409/f\(String(format: "%04d", number)).md"
        return NetworkFile(path: path, contentPath: String(path.dropFirst(8)), raw: "", decodingRaw: { "" }, bodyStartLine: 1,
                           body: "", outline: outline,
                           decodingNetwork: { Network(area: Located(outline.area, at: SourceLocation(path: path, line: 1, column: 1))) },
                           longNumbers: [])
    }

    /// Entries spread over a few buckets (hashes share their first sixteen bits), with
    /// hashes repeated and checks telling some of them apart.
    private func randomPeople(_ generator: inout some RandomNumberGenerator) -> [PersonKey] {
        (0..<Int.random(in: 0...6, using: &generator)).map { member in
            let bucket = UInt64.random(in: 0...3, using: &generator) << 48 | (member == 0 ? 0xFFFF << 48 : 0)
            return PersonKey(hash: bucket | UInt64.random(in: 0...5, using: &generator), check: UInt64.random(in: 0...1, using: &generator),
                             line: Int32.random(in: 1...40, using: &generator), member: Int32(member))
        }
    }

    private func scan(_ files: [NetworkFile], hash: UInt64, check: UInt64) -> (file: Int32, line: Int32)? {
        var best: (file: Int32, line: Int32)?
        for (number, file) in files.enumerated() {
            for person in file.outline?.people ?? [] where person.hash == hash && person.check == check {
                let found = (Int32(number), person.line)
                if best == nil || found < best! { best = found }
            }
        }
        return best
    }

    func testFirstEntryAgreesWithAScanOfEveryEntry() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<50 {
            var files = (0..<Int.random(in: 1...30, using: &generator)).map { file($0, randomPeople(&generator)) }
            var index = PeopleIndex(files)
            // Placed bucket by bucket, the entries are in the order a comparison sort gives.
            XCTAssertEqual(index.entries, files.enumerated().flatMap { PeopleIndex.entries(of: $1, at: Int32($0)) }.sorted())
            for round in 0..<4 {
                if round > 0 {
                    // The engine swaps a new version of a file in.
                    let number = Int.random(in: 0..<files.count, using: &generator)
                    files[number] = file(number, randomPeople(&generator))
                    index.replace(Int32(number), with: files[number])
                }
                for bucket in [0, 1, 2, 3, 0xFFFF] as [UInt64] {
                    for low in 0...6 as ClosedRange<UInt64> {
                        for check in 0...1 as ClosedRange<UInt64> {
                            let hash = bucket << 48 | low
                            let found = index.first(hash: hash, check: check).map { ($0.file, $0.line) }
                            let expected = scan(files, hash: hash, check: check)
                            XCTAssertEqual(found?.0, expected?.file, "hash \(hash) check \(check)")
                            XCTAssertEqual(found?.1, expected?.line, "hash \(hash) check \(check)")
                        }
                    }
                }
            }
        }
    }
}
