import SavnetModel
import SavnetRules
import SavnetTestSupport
import XCTest

final class ValidSiteTests: XCTestCase {
    func testTheSampleSiteIsClean() {
        let found = SampleNetwork.site().check()
        XCTAssertEqual(found.map { "\($0.location) \($0.rule) \($0.message.en)" }, [])
    }

    func testEveryRuleHasAUniqueId() {
        let ids = Validator.allRules.map(\.id)
        XCTAssertEqual(Set(ids).count, ids.count)
    }
}
