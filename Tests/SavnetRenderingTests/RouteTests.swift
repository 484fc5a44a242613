@testable import SavnetRendering
import SavnetModel
import XCTest

/// The route table: every path the site writes per area is made and read in one place.
final class RouteTests: XCTestCase {
    func testEveryRouteReadsBackFromItsPath() {
        for value in ["", "84", "8417", "841701"] {
            for route in Route.all(of: AreaCode(value)!) {
                XCTAssertEqual(Route(path: route.path), route, route.path)
            }
        }
        for route in [Route(kind: .search, code: .national), Route(kind: .notFound, code: .national)] {
            XCTAssertEqual(Route(path: route.path), route)
        }
    }

    func testPathsTemplatesAndFolders() {
        let subdistrict = AreaCode("841701")!
        XCTAssertEqual(Route(kind: .area, code: subdistrict).path, "84/8417/841701/index.html")
        XCTAssertEqual(Route(kind: .area, code: subdistrict).template, "subdistrict")
        XCTAssertEqual(Route(kind: .document(.plan), code: subdistrict).path, "84/8417/841701/plan/index.html")
        XCTAssertEqual(Route(kind: .document(.plan), code: subdistrict).folder, "84/8417/841701/plan/")
        XCTAssertEqual(Route(kind: .data, code: subdistrict).path, "84/8417/841701/network.json")
        XCTAssertNil(Route(kind: .data, code: subdistrict).template)
        XCTAssertEqual(Route(kind: .document(.order), code: .national).path, "order/index.html")
        XCTAssertEqual(Route(path: "index.html")?.template, "home")
        XCTAssertEqual(Route(path: "84/8417/index.html")?.template, "district")
        XCTAssertEqual(Route(path: "84/index.html")?.template, "province")
    }

    func testRelativeLinksBetweenFolders() {
        XCTAssertEqual(SitePaths.relative(from: "", to: ""), "./")
        XCTAssertEqual(SitePaths.relative(from: "", to: "84/8417/"), "84/8417/")
        XCTAssertEqual(SitePaths.relative(from: "84/8417/", to: ""), "../../")
        XCTAssertEqual(SitePaths.relative(from: "84/8417/", to: "84/8417/"), "./")
        XCTAssertEqual(SitePaths.relative(from: "84/8417/", to: "84/8409/840901/"), "../8409/840901/")
        XCTAssertEqual(SitePaths.relative(from: "84/8417/841701/", to: "84/"), "../../")
        // Whole folder names are compared, not their beginnings.
        XCTAssertEqual(SitePaths.relative(from: "84/", to: "841/"), "../841/")
        XCTAssertEqual(SitePaths.relative(from: "ค้นหา/", to: "84/"), "../84/")
    }

    /// The byte-level links agree with links made by splitting the folders as text, for
    /// random folders (empty parts, doubled and missing slashes, Thai names included).
    func testRelativeLinksAgreeWithSplittingText() {
        func reference(_ from: String, _ to: String) -> String {
            let source = from.split(separator: "/")
            let destination = to.split(separator: "/")
            var shared = 0
            while shared < source.count, shared < destination.count, source[shared] == destination[shared] { shared += 1 }
            let link = String(repeating: "../", count: source.count - shared) + destination[shared...].map { $0 + "/" }.joined()
            return link.isEmpty ? "./" : link
        }
        var generator = SystemRandomNumberGenerator()
        let parts = ["84", "8417", "841701", "8409", "841", "ค้นหา", "order", "", "/"]
        func folder() -> String {
            (0..<Int.random(in: 0...4, using: &generator)).map { _ in parts.randomElement(using: &generator)! + "/" }.joined()
        }
        for _ in 0..<2_000 {
            let (from, to) = (folder(), folder())
            XCTAssertEqual(SitePaths.relative(from: from, to: to), reference(from, to), "\(from) → \(to)")
            XCTAssertEqual(SitePaths.root(of: from), String(repeating: "../", count: from.split(separator: "/").count), from)
        }
    }

    func testOtherPathsAreNoRoute() {
        for path in ["84/8418/841701/index.html", "8417/index.html", "84/8417/notes/index.html", "assets/style.css",
                     "84/8417/841701/order.html", "sitemap.xml", "84/directory.json", "/index.html", "84//index.html"] {
            XCTAssertNil(Route(path: path), path)
        }
    }
}
