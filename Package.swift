// swift-tools-version:6.0
import PackageDescription

// Targets follow the data flow: files → Loading → Model → Rules → Commands.
// Each target depends only on the ones above it.
let package = Package(
    name: "savnet",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "savnet", targets: ["savnet"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", exact: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // Pure values: areas, networks, committees, dates, diagnostics. No I/O.
        .target(name: "SavnetModel"),
        // The only stage that reads `content/`: front matter, Markdown, source positions.
        .target(
            name: "SavnetLoading",
            dependencies: ["SavnetModel", "CCmarkGFM", .product(name: "Yams", package: "Yams")]
        ),
        // One rule per file, each with a stable id and the regulation clause behind it.
        .target(name: "SavnetRules", dependencies: ["SavnetModel"]),
        // Thin ArgumentParser commands and the diagnostic printers.
        .target(
            name: "SavnetCommands",
            dependencies: [
                "SavnetModel", "SavnetLoading", "SavnetRules",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "savnet", dependencies: ["SavnetCommands"]),
        // Helpers shared by the test targets: marked text, sample networks, a checker.
        .target(
            name: "SavnetTestSupport",
            dependencies: ["SavnetModel", "SavnetLoading", "SavnetRules"],
            path: "Tests/SavnetTestSupport"
        ),
        .testTarget(name: "SavnetModelTests", dependencies: ["SavnetModel"]),
        .testTarget(name: "SavnetLoadingTests", dependencies: ["SavnetLoading", "SavnetModel", "SavnetTestSupport"]),
        .testTarget(name: "SavnetRulesTests", dependencies: ["SavnetRules", "SavnetModel", "SavnetTestSupport"]),
        .testTarget(
            name: "SavnetCommandsTests",
            dependencies: ["SavnetCommands", "SavnetModel", "savnet"],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v5]
)
