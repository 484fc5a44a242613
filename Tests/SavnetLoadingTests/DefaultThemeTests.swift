import Foundation
import SavnetLoading
import XCTest

/// The theme built into savnet is exactly themes/default (run scripts/embed-theme.py
/// after changing it), and a project without a themes/ folder builds with it.
final class DefaultThemeTests: XCTestCase {
    private let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("themes/default")

    func testTheBuiltInThemeIsThemesDefault() throws {
        var onDisk: [String: [UInt8]] = [:]
        let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles])!
        let prefix = folder.standardizedFileURL.path + "/"
        for case let url as URL in walker where !url.hasDirectoryPath {
            onDisk[String(url.standardizedFileURL.path.dropFirst(prefix.count))] = Array(try Data(contentsOf: url))
        }
        XCTAssertFalse(onDisk.isEmpty)
        XCTAssertEqual(Set(DefaultTheme.files.keys), Set(onDisk.keys), "run scripts/embed-theme.py")
        for (path, bytes) in onDisk {
            XCTAssertEqual(DefaultTheme.files[path], bytes, "\(path) differs: run scripts/embed-theme.py")
        }
    }

    func testAProjectWithoutThemesGetsTheBuiltInTheme() throws {
        let nowhere = FileManager.default.temporaryDirectory.appendingPathComponent("no-themes-\(UUID().uuidString)")
        let theme = try ThemeLoader.load(themes: nowhere, name: "default")
        let disk = try ThemeLoader.load(themes: folder.deletingLastPathComponent(), name: "default")
        XCTAssertEqual(theme.templates, disk.templates)
        XCTAssertEqual(theme.assets, disk.assets)
        XCTAssertThrowsError(try ThemeLoader.load(themes: nowhere, name: "office"))
    }
}
