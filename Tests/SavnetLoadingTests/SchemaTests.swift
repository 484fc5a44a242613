import Foundation
@testable import SavnetLoading
import XCTest

/// The JSON Schema shipped for editors must describe the same keys the loader reads.
final class SchemaTests: XCTestCase {
    private func schema() throws -> [String: Any] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("schema/network.schema.json")
        return try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
    }

    func testTopLevelKeysMatchTheLoader() throws {
        let properties = try schema()["properties"] as! [String: Any]
        XCTAssertEqual(Set(properties.keys), Set(NetworkDecoder.topLevelKeys))
    }

    func testCommitteeItemKeysMatchTheLoader() throws {
        let properties = try schema()["properties"] as! [String: Any]
        let committee = properties["committee"] as! [String: Any]
        let items = (committee["items"] as! [String: Any])["properties"] as! [String: Any]
        XCTAssertEqual(Set(items.keys), Set(NetworkDecoder.memberKeys))
    }
}
