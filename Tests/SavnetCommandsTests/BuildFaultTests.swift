import Foundation
import XCTest
import SavnetTestSupport

/// Builds killed at random moments, and builds run at the same time: the output is always
/// a whole site, and the next build equals a clean one.
final class BuildFaultTests: SampleProjectTestCase {
    /// Writes one of two versions of a subdistrict's body (and the committee chair's name).
    private func setVersion(_ version: Int) throws {
        let file = work.appendingPathComponent("content/84/8409/840901.md")
        let original = try String(contentsOf: CLI.repository.appendingPathComponent("content/84/8409/840901.md"), encoding: .utf8)
        try (original + "\nฉบับที่ \(version)\n").write(to: file, atomically: true, encoding: .utf8)
    }

    private func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = arguments
        process.currentDirectoryURL = work
        process.environment = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// A site is whole when its manifest lists only files that are there, or when an
    /// update it was in the middle of is waiting beside it to be finished.
    private func assertWhole(_ folder: String, _ message: String) throws {
        let siblings = try FileManager.default.contentsOfDirectory(atPath: work.path)
        if siblings.contains(where: { $0.hasPrefix(".\(folder).updating-") || $0.hasPrefix(".\(folder).swap-") }) { return }
        let site = try tree(folder)
        let manifest = try XCTUnwrap(site[".savnet-build"], "no manifest: \(message)")
        let listed = String(decoding: manifest, as: UTF8.self).split(separator: "\n").dropFirst()
        XCTAssertGreaterThan(listed.count, 300, message)
        for path in listed where site[String(path)] == nil { XCTFail("\(path) is missing: \(message)"); return }
    }

    func testBuildsKilledAtRandomMomentsAlwaysLeaveAWholeSiteAndTheNextBuildIsClean() throws {
        // The clean site for each version of the content.
        var clean: [Int: [String: Data]] = [:]
        for version in 0...1 {
            try setVersion(version)
            XCTAssertEqual(try CLI.run(["build", "--no-search", "--no-cache", "--output", "clean\(version)"], in: work).status, 0)
            clean[version] = try tree("clean\(version)")
        }
        // How long a build takes here, to spread the kills over it.
        let began = Date()
        XCTAssertEqual(try CLI.run(["build", "--no-search"], in: work).status, 0)
        let duration = max(Date().timeIntervalSince(began), 0.2)
        var random = SplitMix64(seed: 2026)
        for round in 0..<24 {
            let version = round % 2
            try setVersion(version)
            let cached = round % 3 != 0
            let process = try start(["build", "--no-search"] + (cached ? [] : ["--no-cache"]))
            let delay = duration * Double(random.next() % 1000) / 1000
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            try assertWhole("site", "round \(round), killed after \(Int(delay * 1000)) ms")
            let next = try CLI.run(["build", "--no-search"], in: work)
            XCTAssertEqual(next.status, 0, next.stderr)
            let site = try tree("site")
            XCTAssertEqual(site.keys.sorted(), clean[version]!.keys.sorted(), "round \(round)")
            for (path, data) in clean[version]! where site[path] != data { XCTFail("round \(round): \(path) differs"); break }
            let left = try FileManager.default.contentsOfDirectory(atPath: work.path).filter { $0.hasPrefix(".site.") }
            XCTAssertEqual(left, [], "round \(round)")
        }
    }

    func testCachedAndUncachedBuildsAtOnceLeaveACorrectSite() throws {
        try setVersion(0)
        XCTAssertEqual(try CLI.run(["build", "--no-search", "--no-cache", "--output", "clean"], in: work).status, 0)
        let clean = try tree("clean")
        XCTAssertEqual(try CLI.run(["build", "--no-search"], in: work).status, 0)
        for round in 0..<3 {
            try setVersion(round % 2 == 0 ? 1 : 0)
            let first = try start(["build", "--no-search"])
            try setVersion(0)
            let second = try start(["build", "--no-search", "--no-cache"])
            first.waitUntilExit()
            second.waitUntilExit()
            XCTAssertEqual(first.terminationStatus, 0)
            XCTAssertEqual(second.terminationStatus, 0)
            // Whichever finished last saw version 0 or was rebuilt to it by the next build.
            XCTAssertEqual(try CLI.run(["build", "--no-search"], in: work).status, 0)
            let site = try tree("site")
            XCTAssertEqual(site.keys.sorted(), clean.keys.sorted(), "round \(round)")
            for (path, data) in clean where site[path] != data { XCTFail("round \(round): \(path) differs"); break }
        }
    }
}

