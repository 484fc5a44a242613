import Foundation
import XCTest

/// Runs the built `savnet` executable as a user would, capturing everything it prints.
struct CLI {
    struct Result {
        var stdout: String
        var stderr: String
        var status: Int32
    }

    /// The folder holding the test fixtures (one folder per case).
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    /// The repository root.
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The executable built beside the test bundle.
    static var executable: URL {
        #if os(macOS)
        let folder = Bundle.allBundles.first { $0.bundlePath.hasSuffix(".xctest") }!.bundleURL.deletingLastPathComponent()
        #else
        let folder = Bundle.main.bundleURL
        #endif
        return folder.appendingPathComponent("savnet")
    }

    /// Runs `savnet arguments…` in `directory` with a plain English environment plus `environment`.
    static func run(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
        env.merge(environment) { $1 }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self),
                      status: process.terminationStatus)
    }

    /// Runs `savnet arguments…` with standard output and standard error into one pipe,
    /// as `> log 2>&1` does.
    static func runCombined(_ arguments: [String], in directory: URL) throws -> (output: String, status: Int32) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (String(decoding: data, as: UTF8.self), process.terminationStatus)
    }

    /// Starts `savnet arguments…` (a server) and waits for the first line it prints; the
    /// caller stops the process.
    static func start(_ arguments: [String], in directory: URL) throws -> (process: Process, firstLine: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = Data()
        while !line.contains(0x0A) {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line += chunk
        }
        return (process, String(decoding: line, as: UTF8.self))
    }

    /// Runs in fixture folder `name`.
    static func run(_ arguments: [String], fixture name: String, environment: [String: String] = [:]) throws -> Result {
        try run(arguments, in: fixtures.appendingPathComponent(name), environment: environment)
    }
}

/// A copy of the repository's sample project (content, themes, settings) in a new
/// temporary folder, for commands that write.
struct SampleProject {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("savnet-project-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for item in ["content", "themes", "savnet.yml"] {
            try FileManager.default.copyItem(at: CLI.repository.appendingPathComponent(item), to: folder.appendingPathComponent(item))
        }
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Every file below `path` (relative to the project) and its bytes; empty when there is no such folder.
    func tree(_ path: String) throws -> [String: Data] {
        let root = folder.appendingPathComponent(path)
        var result: [String: Data] = [:]
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [:] }
        for case let file as URL in walker where !file.hasDirectoryPath {
            result[String(file.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1))] = try Data(contentsOf: file)
        }
        return result
    }
}

/// A test case that works in a fresh copy of the sample project.
class SampleProjectTestCase: XCTestCase {
    var project: SampleProject!
    var work: URL { project.folder }

    override func setUpWithError() throws {
        project = try SampleProject()
    }

    override func tearDownWithError() throws {
        project.remove()
    }

    func tree(_ folder: String) throws -> [String: Data] {
        try project.tree(folder)
    }

    /// Runs git in the project (a test identity, `main` as the first branch); it must succeed.
    func git(_ arguments: String...) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "init.defaultBranch=main"] + arguments
        process.currentDirectoryURL = work
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "git " + arguments.joined(separator: " "))
    }
}

extension String {
    /// The text without savnet's `<t-w>` word marks (they keep Thai words whole on a line).
    var withoutWordMarks: String {
        replacingOccurrences(of: "<t-w>", with: "").replacingOccurrences(of: "</t-w>", with: "")
    }
}
