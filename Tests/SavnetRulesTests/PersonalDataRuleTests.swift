import SavnetModel
@testable import SavnetRules
import SavnetTestSupport
import XCTest

final class CitizenIDRuleTests: RuleTestCase {
    private let path = "84/8409/840901.md"

    func testValidChecksumIsFoundInBodyAndFrontMatter() {
        // 1-1017-00230-70-8 has a valid checksum (a published specimen number).
        let text = sample(path)
            .replacingFirst("title: นาย\n", with: "title: นาย\n    # เลขบัตร ‸1101700230708\n")
            .replacingFirst("body\n", with: "บัตรประชาชน ‸๑-๑๐๑๗-๐๐๒๓๐-๗๐-๘ และ ‸1 1017 00230 70 8\n")
        assertFindings("citizen-id", in: path, text)
    }

    func testWrongChecksumOrLengthIsNotAnID() {
        let text = sample(path).replacingFirst("body\n", with: "เลข 1101700230709 และ 110170023070 และ 11017002307081\n")
        assertFindings("citizen-id", in: path, text)
    }

    func testChecksum() {
        XCTAssertTrue(NumberScanner.isCitizenID("1101700230708"))
        XCTAssertFalse(NumberScanner.isCitizenID("1101700230707"))
        XCTAssertFalse(NumberScanner.isCitizenID("0101700230708"))
    }
}

final class PhoneConsentRuleTests: RuleTestCase {
    private let path = "84/8409/840901.md"

    func testPhoneInBodyIsAnError() {
        let text = sample(path).replacingFirst("body\n", with: "โทร ‸081-234-5678 หรือ ‸0 7728 1234 หรือ ‸+66 81 234 5678\n")
        assertFindings("phone-consent", in: path, text)
    }

    func testConsentedContactMayBePublishedAnywhere() {
        let text = sample(path)
            .replacingFirst("\n---\n", with: "\ncontacts:\n  - name: สำนักงาน\n    phone: 077-281-234\n    consent: true\n---\n")
            .replacingFirst("body\n", with: "ติดต่อ 077 281 234\n")
        assertFindings("phone-consent", in: path, text)
    }

    func testContactWithoutConsent() {
        let text = sample(path)
            .replacingFirst("\n---\n", with: "\ncontacts:\n  - name: ผู้ประสานงาน\n    phone: ‸0812345678\n---\n")
        assertFindings("phone-consent", in: path, text)
    }

    func testContactWithUnusualNumberWithoutConsent() {
        let text = sample(path)
            .replacingFirst("\n---\n", with: "\ncontacts:\n  - name: ผู้ประสานงาน\n    phone: ‸ต่อ 12\n    consent: false\n---\n")
        assertFindings("phone-consent", in: path, text)
    }

    func testDatesAmountsAndCodesAreNotPhones() {
        let text = sample(path).replacingFirst("body\n", with: "2566-07-28 เงิน 1,250,000 บาท รหัส 840901 หมู่ 3 ปี 2566\n")
        assertFindings("phone-consent", in: path, text)
    }
}
