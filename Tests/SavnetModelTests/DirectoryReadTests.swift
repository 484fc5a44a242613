import SavnetModel
import XCTest

/// A recording directory notes every lookup, so that what a page or a check depends on
/// is known without being listed.
final class DirectoryReadTests: XCTestCase {
    private func file(_ code: String, members: [String], path: String? = nil) -> NetworkFile {
        var network = Network(area: Located(code, at: SourceLocation(path: "", line: 1, column: 1)))
        network.committee = members.enumerated().map { index, name in
            Member(positionText: Located("กรรมการ", at: SourceLocation(path: "", line: 10 + index, column: 1)), position: nil,
                   name: Located(name, at: SourceLocation(path: "", line: 10 + index, column: 9)),
                   location: SourceLocation(path: "", line: 10 + index, column: 1))
        }
        let shown = path ?? "content/\(code).md"
        return NetworkFile(path: shown, contentPath: String(shown.dropFirst(8)), raw: "", bodyStartLine: 1, body: "",
                           network: network)
    }

    func testLookupsAreNotedAndScopedListsAreNot() {
        let directory = Directory(files: [file("84", members: []), file("8401", members: [])], gazetteer: .bundled)
        let log = ReadLog()
        let recording = directory.recording(into: log)
        _ = recording.hasNetwork("8402")
        _ = recording.network(forArea: "84")
        _ = recording.hasContent(under: "8401")
        XCTAssertEqual(log.reads, [.area("8402"), .area("84"), .subtree("8401")])
        _ = recording.scoped(to: ["content/84.md"]).networks
        XCTAssertFalse(log.reads.contains(.all), "a scoped directory's own files are not a read of every file")
        _ = recording.networks
        XCTAssertTrue(log.reads.contains(.all))
    }

    func testTheFirstCommitteeToListAPersonFollowsEdits() {
        // Two district committees list นายสมชาย ใจดี (the honorific and spaces do not count).
        var directory = Directory(files: [file("8401", members: ["นายสมชาย ใจดี", "ก ข"]),
                                          file("8402", members: ["สมชาย  ใจดี"])], gazetteer: .bundled)
        let key = PersonName.key("สมชาย ใจดี")
        XCTAssertEqual(directory.firstCommittee(listing: key, levelOf: "8402")?.path, "content/8401.md")
        XCTAssertEqual(directory.firstCommittee(listing: key, levelOf: "8402")?.line, 10)
        XCTAssertNil(directory.firstCommittee(listing: key, levelOf: "84"), "people are compared within a level")
        // The earlier file drops the person: the later one is now the first to list them.
        XCTAssertTrue(directory.replace(file("8401", members: ["ก ข"])))
        XCTAssertEqual(directory.firstCommittee(listing: key, levelOf: "8401")?.path, "content/8402.md")
        XCTAssertTrue(directory.replace(file("8401", members: ["ก ข", "นางสมชาย ใจดี"])))
        XCTAssertEqual(directory.firstCommittee(listing: key, levelOf: "8401")?.line, 11)
        // What an edit changes for readers includes the people on both versions' committees.
        let before = DirectoryRead.changed(by: file("8401", members: ["สมชาย ใจดี"]))
        XCTAssertTrue(before.contains(.person(PersonName.hash(key, level: 4))))
        XCTAssertTrue(before.isSuperset(of: [.area("8401"), .subtree("8401"), .subtree("84"), .subtree("")]))
    }
}
