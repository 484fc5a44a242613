@testable import SavnetLoading
import XCTest

/// The flat node tree the composer builds: shapes, order, positions and key lookups.
final class YAMLTreeTests: XCTestCase {
    /// `body` applied to the root of `text`'s tree, while the tree lives (nodes point into it).
    private func withRoot(_ text: String, _ body: (YAMLNode) throws -> Void) throws {
        let tree = try XCTUnwrap(YAMLComposer.compose(text))
        try tree.withRoot(body)
    }

    /// The tree written back as text, to compare whole shapes at once.
    private func describe(_ node: YAMLNode) -> String {
        switch node.kind {
        case let .scalar(text, plain): return plain ? text : "'\(text)'"
        case let .mapping(pairs): return "{" + pairs.map { describe($0.key) + ": " + describe($0.value) }.joined(separator: ", ") + "}"
        case let .sequence(items): return "[" + items.map(describe).joined(separator: ", ") + "]"
        }
    }

    /// NIKHAHIT + SARA AA becomes SARA AM wherever it stands, pair by pair from the left,
    /// as a plain replacement of code points does; ญ (E0 B8 8D), whose last byte is
    /// NIKHAHIT's, and pairs at either end, side by side or split, are among the pieces.
    func testSaraAmTypedInTwoIsJoinedLikeAReplacementOfCodePoints() throws {
        let pieces: [[Unicode.Scalar]] = [["\u{0E4D}"], ["\u{0E32}"], ["\u{0E4D}", "\u{0E32}"], ["\u{0E33}"], ["\u{0E0D}"],
                                          ["\u{0E01}"], ["a"], [" "], ["\u{0E4D}", "\u{0E4D}", "\u{0E32}"]]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let scalars = (0..<Int.random(in: 1...12, using: &generator)).flatMap { _ in pieces.randomElement(using: &generator)! }
            var expected: [Unicode.Scalar] = []
            var index = 0
            while index < scalars.count {
                if index + 1 < scalars.count, scalars[index] == "\u{0E4D}", scalars[index + 1] == "\u{0E32}" {
                    expected.append("\u{0E33}")
                    index += 2
                } else {
                    expected.append(scalars[index])
                    index += 1
                }
            }
            var text = ""
            text.unicodeScalars.append(contentsOf: scalars)
            var wanted = ""
            wanted.unicodeScalars.append(contentsOf: expected)
            try withRoot("k: \"\(text)\"") { root in
                XCTAssertEqual(root.value(forKey: "k")?.text.map { Array($0.unicodeScalars) }, Array(wanted.unicodeScalars),
                               "\(scalars.map { String($0.value, radix: 16) })")
            }
        }
    }

    func testShapesOrderAndPositions() throws {
        let text = """
        area: "8401"
        committee:
          - position: ประธาน
            name: 'สําราญ ดี'
          - {position: เลขานุการ, name: ข}
        months: [ต.ค., 2]
        empty:
        nested: {a: {b: [x, [y]]}}
        """
        try withRoot(text) { root in
            XCTAssertEqual(describe(root), "{area: '8401', committee: [{position: ประธาน, name: 'สำราญ ดี'}, "
                + "{position: เลขานุการ, name: ข}], months: [ต.ค., 2], empty: , nested: {a: {b: [x, [y]]}}}")
            // NIKHAHIT + SARA AA became SARA AM, as the composer promises.
            XCTAssertEqual(root.value(forKey: "committee")?.items.first?.value(forKey: "name")?.text, "สำราญ ดี")
            let name = try XCTUnwrap(root.value(forKey: "committee")?.items[1].value(forKey: "name"))
            XCTAssertEqual([name.line, name.column], [5, 33], "columns count code points")
            let months = try XCTUnwrap(root.keyNode("months"))
            XCTAssertEqual([months.line, months.column], [6, 1])
            XCTAssertNil(root.value(forKey: "are"))
            XCTAssertNil(root.value(forKey: "area "))
            XCTAssertNil(root.value(forKey: "area")?.value(forKey: "x"), "a scalar has no keys")
            XCTAssertTrue(root.value(forKey: "empty")?.isPlainScalar ?? false)
            XCTAssertEqual(root.value(forKey: "empty")?.text, "")
            XCTAssertEqual(root.value(forKey: "area")?.text, "8401")
            XCTAssertFalse(root.value(forKey: "area")?.isPlainScalar ?? true)
            XCTAssertEqual(root.value(forKey: "months")?.items.count, 2)
            XCTAssertEqual(root.value(forKey: "months")?.pairs.count, 0, "a list has no pairs")
        }
    }

    func testADuplicateKeyInALargeMappingIsFoundToo() {
        // Past 32 keys, a mapping's keys go into a set; the duplicate is still reported at
        // its second occurrence.
        var lines = (1...40).map { "key\($0): \($0)" }
        lines.append("key7: again")
        XCTAssertThrowsError(try YAMLComposer.compose(lines.joined(separator: "\n"))) { error in
            XCTAssertEqual(error as? YAMLComposer.Failure,
                           YAMLComposer.Failure(reason: .duplicateKey("key7"), line: 41, column: 1))
        }
        // Keys that only share a prefix, or are a mapping's keys one level down, are not duplicates.
        XCTAssertNoThrow(try YAMLComposer.compose((1...40).map { "k\($0): {k\($0): 1}" }.joined(separator: "\n")))
    }

    func testSaraAmTypedInTwoIsOneCharacterWhereverItStands() throws {
        // NIKHAHIT + SARA AA becomes SARA AM by code points, as the search index reads
        // names, also before a combining mark, at the end, and twice in a row.
        try withRoot("a: เหร\u{0E4D}\u{0E32}\u{0E31}ญ\nb: ท\u{0E4D}\u{0E32}\nc: \"\u{0E4D}\u{0E32}\u{0E4D}\u{0E32}\"") { root in
            XCTAssertEqual(root.value(forKey: "a")?.text, "เหร\u{0E33}\u{0E31}ญ")
            XCTAssertEqual(root.value(forKey: "b")?.text, "ท\u{0E33}")
            XCTAssertEqual(root.value(forKey: "c")?.text, "\u{0E33}\u{0E33}")
        }
    }

    /// YAML's null is a plain empty value, `~`, `null`, `Null` or `NULL`; quoted, or any
    /// other spelling, it is text. Read from the bytes, as the reader asks of every value.
    func testNullIsReadFromThePlainScalarsBytes() throws {
        let nulls = ["", "~", "null", "Null", "NULL"]
        let texts = ["'~'", "\"null\"", "nULL", "nul", "nulls", "NUll", "~~", "0", "ไม่มี", "''"]
        let yaml = (nulls + texts).enumerated().map { "k\($0.offset): \($0.element)" }.joined(separator: "\n") + "\nlist: [1]"
        try withRoot(yaml) { root in
            let reader = NodeReader(path: "x.md", yamlStartLine: 1)
            for (index, written) in (nulls + texts).enumerated() {
                let node = try XCTUnwrap(root.value(forKey: "k\(index)"))
                XCTAssertEqual(reader.isNull(node), index < nulls.count, "`\(written)`")
            }
            XCTAssertFalse(reader.isNull(try XCTUnwrap(root.value(forKey: "list"))))
            XCTAssertFalse(reader.isNull(root))
        }
    }

    func testEmptyDocumentHasNoRoot() throws {
        XCTAssertNil(try YAMLComposer.compose(""))
        XCTAssertNil(try YAMLComposer.compose("# only a comment\n"))
    }
}
