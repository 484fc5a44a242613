import Foundation
import SavnetTestSupport
import XCTest

/// Every internal link and asset reference of the built site resolves to a file.
final class LinkCheckTests: XCTestCase {
    func testEveryInternalLinkResolves() throws {
        let files = try TestBuild.render(SampleNetwork.site())
        var broken: [String] = []
        var checked = 0
        let pattern = try NSRegularExpression(pattern: ##"(?:href|src)="([^"#]*)(?:#[^"]*)?""##)
        for (path, file) in files where path.hasSuffix(".html") && path != "404.html" {
            let html = file.text
            let folder = (path as NSString).deletingLastPathComponent
            for match in pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
                let link = String(html[Range(match.range(at: 1), in: html)!])
                if link.isEmpty || link.contains("://") || link.hasPrefix("mailto:") || link.hasPrefix("data:") { continue }
                var parts: [Substring] = []
                for part in (folder.isEmpty ? link : folder + "/" + link).split(separator: "/") {
                    if part == ".." { if !parts.isEmpty { parts.removeLast() } } else if part != "." { parts.append(part) }
                }
                var target = parts.joined(separator: "/")
                if link.hasSuffix("/") || link == "." || link.hasSuffix("..") { target += target.isEmpty ? "index.html" : "/index.html" }
                checked += 1
                if files[target] == nil { broken.append("\(path) → \(link) (\(target))") }
            }
        }
        XCTAssertGreaterThan(checked, 1_000)
        XCTAssertEqual(broken, [])
    }
}
