import SavnetModel
import SavnetTestSupport
import XCTest

final class FundsRuleTests: RuleTestCase {
    private let path = "84/8409/_index.md"

    private func withFunds(_ funds: String) -> String {
        sample(path).replacingFirst("\n---\n", with: "\n" + funds + "\n---\n")
    }

    private let validAccount = """
    funds:
      sources: [fundraising, เงินสมทบจากกลุ่มออมทรัพย์เพื่อการผลิต, government, other]
      accounts:
        - bank: ธนาคารออมสิน
          signatories: [ประธานเครือข่าย, รองประธาน, เหรัญญิก]
          withdrawal: {required: 2, always: ประธานเครือข่าย}
    """

    func testValidFundsPass() {
        assertFindings("fund-signatories", in: path, withFunds(validAccount))
        assertFindings("fund-sources", in: path, withFunds(validAccount))
    }

    func testSignatoryOutsideTheThree() {
        let text = withFunds(validAccount.replacingFirst("[ประธานเครือข่าย, รองประธาน, เหรัญญิก]",
                                                         with: "[ประธานเครือข่าย, รองประธาน, ‸เลขานุการ]"))
        // The secretary is not allowed, and so the treasurer is missing (reported on the account).
        let found = assertFindings("fund-signatories", in: path, text.replacingFirst("    - bank:", with: "    - ‸bank:"))
        XCTAssertEqual(found.count, 2)
    }

    func testWithdrawalMustBeTwoOfThreeWithTheChair() {
        let text = withFunds(validAccount.replacingFirst("{required: 2, always: ประธานเครือข่าย}",
                                                         with: "{required: ‸3, always: ‸เหรัญญิก}"))
        assertFindings("fund-signatories", in: path, text)
    }

    func testMissingWithdrawalRule() {
        let text = withFunds(validAccount.replacingFirst("\n      withdrawal: {required: 2, always: ประธานเครือข่าย}", with: "")
            .replacingFirst("    - bank:", with: "    - ‸bank:"))
        assertFindings("fund-signatories", in: path, text)
    }

    func testUnknownFundSource() {
        let text = withFunds(validAccount.replacingFirst("government, other]", with: "government, ‸lottery]"))
        let found = assertFindings("fund-sources", in: path, text)
        XCTAssertEqual(found.first?.clause?.en, "network regulation, clause 11")
    }
}

final class RegulationClausesRuleTests: RuleTestCase {
    private let path = "84/8409/_index.md"

    private func regulation(_ numbers: [String]) -> String {
        var lines = ["regulation:", "  adopted: 2566-08-10", "  chapters:", "    - number: 1", "      clauses:"]
        for number in numbers { lines += ["        - number: \(number)", "          text: ข้อความ"] }
        return sample(path).replacingFirst("\n---\n", with: "\n" + lines.joined(separator: "\n") + "\n---\n")
    }

    func testConsecutiveClausesPass() {
        assertFindings("regulation-clauses", in: path, regulation(["๑", "๒", "3", "4"]))
    }

    func testTheSeedsDoubleThirteen() {
        let numbers = (1...13).map { ThaiNumerals.toThai(String($0)) } + ["‸๑๓"]
        let found = assertFindings("regulation-clauses", in: path, regulation(numbers))
        XCTAssertEqual(found.first?.message.en, "two clauses are numbered 13 (the first on line \(MarkedText(regulation(numbers)).marks[0].line - 2))")
    }

    func testGapInNumbers() {
        let found = assertFindings("regulation-clauses", in: path, regulation(["1", "2", "‸4"]))
        XCTAssertEqual(found.first?.message.en, "clause numbers jump from 2 to 4")
    }
}

final class AppointmentOrderRuleTests: RuleTestCase {
    private let path = "84/8409/_index.md"

    private func withOrder(_ number: String, date: String = "2566-07-20") -> String {
        sample(path).replacingFirst("\n---\n", with: "\norder:\n  number: \(number)\n  date: \(date)\n---\n")
    }

    func testWellFormedNumberPasses() {
        assertFindings("appointment-order", in: path, withOrder("๑๒/๒๕๖๖"))
    }

    func testNumberNeedsTheYear() {
        assertFindings("appointment-order", in: path, withOrder("‸12"))
    }

    func testYearDisagreesWithDate() {
        assertFindings("appointment-order", in: path, withOrder("‸12/2565"), severity: .warning)
    }
}
