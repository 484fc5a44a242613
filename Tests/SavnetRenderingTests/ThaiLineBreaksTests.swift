import SavnetModel
@testable import SavnetRendering
import SavnetTestSupport
import XCTest

/// The pass that keeps Thai words whole where lines wrap (the browser check measures the
/// result on screen; these tests pin what the pass writes).
final class ThaiLineBreaksTests: XCTestCase {
    private func marked(_ body: String) -> String {
        String(decoding: ThaiLineBreaks.apply("<html><head><title>x</title></head><body>\(body)</body></html>"), as: UTF8.self)
    }

    func testNamesAndShortWordsAreKeptWhole() {
        let html = marked("<td>นางสาวอรุณี ใจดี</td><td>พะแสง</td>")
        XCTAssertTrue(html.contains("<td><t-w>นางสาวอรุณี</t-w> <t-w>ใจดี</t-w></td>"), html)
        XCTAssertTrue(html.contains("<td><t-w>พะแสง</t-w></td>"), html)
    }

    func testALongRunIsCutAtDomainWordsAndAreaNamesOnly() {
        let html = marked("<h1>เครือข่ายกลุ่มออมทรัพย์เพื่อการผลิตอำเภอบ้านตาขุน</h1>")
        XCTAssertEqual(html.components(separatedBy: "<t-w>").count - 1, 4, html)
        // No piece ends inside เครือข่าย, ออมทรัพย์ or the area's name.
        for word in ["เครือข่าย", "ออมทรัพย์", "บ้านตาขุน", "การผลิต"] {
            XCTAssertTrue(html.contains(word), "\(word) was cut: \(html)")
        }
        XCTAssertEqual(html.withoutWordMarks, "<html><head><title>x</title></head><body><h1>เครือข่ายกลุ่มออมทรัพย์เพื่อการผลิตอำเภอบ้านตาขุน</h1></body></html>")
    }

    func testARunSeenBeforeIsWrittenAsTheFirstTime() {
        // Long runs are cut once and remembered; a run met again (on another page, or in
        // another place of the same one) is written exactly as cutting it afresh writes it.
        let memo = GroupMemo()
        for run in ["เครือข่ายกลุ่มออมทรัพย์เพื่อการผลิตอำเภอบ้านตาขุน", "คณะกรรมการเครือข่ายระดับตำบลพะแสง",
                    "เครือข่ายกลุ่มออมทรัพย์เพื่อการผลิตอำเภอบ้านตาขุน"] {
            let characters = Self.characters(run)
            XCTAssertEqual(memo.groups(characters), lineBreakGroups(characters), run)
            XCTAssertEqual(memo.groups(characters), lineBreakGroups(characters), run)
        }
        func body(_ html: String) -> Substring {
            html.drop { $0 != ">" }.dropFirst().split(separator: "<body>").last!.split(separator: "</body>").first!
        }
        let page = "<p>เครือข่ายกลุ่มออมทรัพย์เพื่อการผลิตอำเภอบ้านตาขุน</p>"
        let once = body(marked(page))
        XCTAssertTrue(once.contains("<t-w>"), String(once))
        XCTAssertEqual(body(marked(page + page)), once + once)
    }

    func testATitleStaysWithTheNameAfterIt() {
        let pieces = Lexicon.shared.pieces(Self.characters("นางสาวอรุณีรัตน์ประธานเครือข่าย"))
        XCTAssertEqual(pieces.first, 0..<16, "\(pieces)")
    }

    func testAWordNeverEndsBeforeItsMarks() {
        // "กลุ่ม" is a word; "กลุ่มๆ" must not be cut before the tone mark of ม่ or inside a cluster.
        let characters = Self.characters("ที่กลุ่มเครือข่ายชุมชนเข้มแข็งมากที่สุดในประเทศ")
        for piece in Lexicon.shared.pieces(characters) where piece.lowerBound > 0 {
            XCTAssertFalse(Lexicon.isMark(characters[piece.lowerBound]), "a piece starts with a mark: \(piece)")
        }
    }

    func testTagsAttributesScriptsAndTheHeadAreLeftAlone() {
        let page = """
        <html><head><title>เครือข่ายกลุ่มออมทรัพย์</title><meta name="description" content="คณะกรรมการเครือข่าย"></head>\
        <body><a href="#" title="ประธานเครือข่าย">ประธานเครือข่าย</a><script>var a = "เครือข่ายกลุ่ม";</script>\
        <select><option>ตำบลเขาวง</option></select><svg><text>สุราษฎร์ธานี</text></svg><pre>ตำบลเขาวง</pre></body></html>
        """
        let html = String(decoding: ThaiLineBreaks.apply(page), as: UTF8.self)
        XCTAssertTrue(html.contains("<title>เครือข่ายกลุ่มออมทรัพย์</title>"), html)
        XCTAssertTrue(html.contains("content=\"คณะกรรมการเครือข่าย\""), html)
        XCTAssertTrue(html.contains("title=\"ประธานเครือข่าย\"><t-w>ประธานเครือข่าย</t-w></a>"), html)
        XCTAssertTrue(html.contains("<script>var a = \"เครือข่ายกลุ่ม\";</script>"), html)
        XCTAssertTrue(html.contains("<option>ตำบลเขาวง</option>"), html)
        XCTAssertTrue(html.contains("<text>สุราษฎร์ธานี</text>"), html)
        XCTAssertTrue(html.contains("<pre>ตำบลเขาวง</pre>"), html)
    }

    /// On every page of a whole site the pass only adds marks: without them the page is
    /// byte for byte what the templates wrote, and marks never nest or sit in a tag.
    func testEveryPageOfTheSiteOnlyGainsBalancedMarks() throws {
        let files = try TestBuild.render(SampleNetwork.site())
        var marks = 0
        for (path, file) in files where path.hasSuffix(".html") {
            let raw = file.rawText
            var depth = 0
            var rest = raw[...]
            while let tag = rest.range(of: "t-w>") {
                let before = rest[..<tag.lowerBound]
                if before.hasSuffix("</") { depth -= 1 } else if before.hasSuffix("<") { depth += 1; marks += 1 }
                XCTAssertTrue((0...1).contains(depth), "\(path): marks nest or close unopened")
                rest = rest[tag.upperBound...]
            }
            XCTAssertEqual(depth, 0, path)
            XCTAssertNil(raw.range(of: #"<[^>]*<t-w>"#, options: .regularExpression), "\(path): a mark inside a tag")
        }
        XCTAssertGreaterThan(marks, 1000)
    }

    static func characters(_ text: String) -> [UInt8] {
        text.unicodeScalars.map { UInt8($0.value - 0x0E00) }
    }
}
