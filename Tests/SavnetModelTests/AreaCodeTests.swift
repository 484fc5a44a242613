import SavnetModel
import XCTest

/// A DOPA code is taken apart in one place.
final class AreaCodeTests: XCTestCase {
    func testLevelsParentsAndLineage() throws {
        let code = try XCTUnwrap(AreaCode("841701"))
        XCTAssertEqual(code.level, .subdistrict)
        XCTAssertEqual(code.parent, AreaCode("8417"))
        XCTAssertEqual(code.lineage.map(\.value), ["841701", "8417", "84", ""])
        XCTAssertEqual(code.ancestor(at: .province)?.value, "84")
        XCTAssertEqual(code.ancestor(at: .national), .national)
        XCTAssertNil(AreaCode("84")?.ancestor(at: .district))
        XCTAssertNil(AreaCode.national.parent)
        XCTAssertEqual(AreaCode("84")?.parent, .national)
        XCTAssertTrue(code.isWithin(AreaCode("8417")!))
        XCTAssertFalse(code.isWithin(AreaCode("8418")!))
        XCTAssertTrue(code.isWithin(.national))
    }

    func testFoldersAndContentPaths() {
        let cases: [(String, String, String)] = [
            ("", "", "_index.md"),
            ("84", "84/", "84/_index.md"),
            ("8417", "84/8417/", "84/8417/_index.md"),
            ("841701", "84/8417/841701/", "84/8417/841701.md"),
        ]
        for (value, folder, content) in cases {
            let code = AreaCode(value)!
            XCTAssertEqual(code.folder, folder, value)
            XCTAssertEqual(code.contentPath, content, value)
            XCTAssertEqual(code.level, Level(codeLength: value.count), value)
        }
    }

    func testMalformedCodesAreRefused() {
        for text in ["8", "841", "84170", "8417011", "84a7", "๘๔", " 84", "84 "] {
            XCTAssertNil(AreaCode(text), text)
        }
    }
}

extension AreaCodeTests {
    /// A code read from a file may hold anything; taking it apart never fails.
    func testMalformedUncheckedCodesDoNotCrash() {
        for text in ["84\u{200B}17", "ก๘๔", "8\u{0301}417", "8417011"] {
            let code = AreaCode(unchecked: text)
            _ = (code.level, code.parent, code.lineage, code.folder, code.contentPath, code.ancestor(at: .province))
        }
    }
}
