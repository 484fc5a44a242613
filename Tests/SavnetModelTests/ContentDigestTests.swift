import SavnetModel
import XCTest

final class ContentDigestTests: XCTestCase {
    /// Reference values computed with the `xxhash` Python package (xxh64, seed 0), covering
    /// the short path, the 4- and 8-byte tails and the 32-byte stripes.
    func testMatchesReferenceXXH64() {
        XCTAssertEqual(ContentDigest("").description, "ef46db3751d8e999")
        XCTAssertEqual(ContentDigest("a").description, "d24ec4f1a98c6e5b")
        XCTAssertEqual(ContentDigest("abc").description, "44bc2cf5ad770999")
        XCTAssertEqual(ContentDigest("0123456789abcdef0123456789abcdef0123456789").description, "a76190c3acf08a1c")
        XCTAssertEqual(ContentDigest("เครือข่ายกลุ่มออมทรัพย์เพื่อการผลิต ตำบลเขาวง").description, "16ffdf41f0956bb2")
    }

    func testBytesAndTextAgree() {
        let text = "คณะกรรมการ 20 คน"
        XCTAssertEqual(ContentDigest(text), ContentDigest(Array(text.utf8)))
        XCTAssertNotEqual(ContentDigest(text), ContentDigest(text + " "))
    }

    func testCombiningKeepsPartBoundaries() {
        XCTAssertNotEqual(ContentDigest(combining: ["ab", "c"]), ContentDigest(combining: ["a", "bc"]))
        XCTAssertEqual(ContentDigest(combining: ["ab", "c"]), ContentDigest(combining: ["ab", "c"]))
    }
}
