// swift-tools-version:6.0
import PackageDescription

// Targets follow the data flow: files → Loading → Model → Rules → Commands.
// Each target depends only on the ones above it.
let package = Package(
    name: "savnet",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "savnet", targets: ["savnet"]),
        // The parsing stages as a library, for the fuzz package in Fuzz/ (see docs/security.md).
        .library(name: "SavnetParsing", targets: ["SavnetModel", "SavnetLoading"]),
    ],
    dependencies: [
        // Exact versions: the package mirror gives its own commit ids, so Package.resolved
        // stays out of git and these pins are what every build resolves.
        .package(url: "https://github.com/apple/swift-argument-parser.git", exact: "1.8.2"),
        // Only the tests use it: the reference the theme's template engine is compared with.
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", exact: "2.1.1"),
        // The preview server of `savnet serve`: small, on Swift concurrency and BSD sockets.
        .package(url: "https://github.com/swhitty/FlyingFox.git", exact: "0.27.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // libyaml's event parser, from the system (Debian's libyaml-dev, 0.2.5).
        .systemLibrary(name: "CLibYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"])]),
        // mimalloc (Debian's libmimalloc-dev), linked into the savnet executable only: it
        // replaces malloc and free for the whole process, libyaml's included.
        .systemLibrary(name: "CMimalloc", providers: [.apt(["libmimalloc-dev"])]),
        // Pure values: areas, networks, committees, dates, diagnostics; the directory, which
        // can record what is read from it (`DirectoryRead`). No I/O.
        .target(name: "SavnetModel"),
        // The only stage that reads `content/` (and the site's settings and theme):
        // front matter with source positions, raw text kept beside it.
        .target(
            name: "SavnetLoading",
            dependencies: ["SavnetModel", "CLibYAML"]
        ),
        // One rule per file, each with a stable id and the regulation clause behind it.
        .target(name: "SavnetRules", dependencies: ["SavnetModel"]),
        // Model + theme → output files (pages, documents, feeds, data) through the route
        // table, typed views and savnet's own Mustache engine. No side effects.
        .target(
            name: "SavnetRendering",
            dependencies: ["SavnetModel", "CCmarkGFM"]
        ),
        // Keeps a loaded, checked and rendered site in memory and updates it after edits
        // (the rebuild engine behind `serve`), checking and rendering again what read
        // something an edit changed (recorded reads, `ReadIndex`); the build cache in one
        // place: its format, the snapshot codec of parsed files, and its files and lock in
        // .savnet/cache/.
        .target(
            name: "SavnetEngine", dependencies: ["SavnetModel", "SavnetLoading", "SavnetRules", "SavnetRendering", "SavnetOutput"]
        ),
        // Writes a built site into place atomically.
        .target(name: "SavnetOutput", dependencies: ["SavnetModel", "SavnetLoading", "SavnetRendering"]),
        // Thin ArgumentParser commands and the diagnostic printers.
        .target(
            name: "SavnetCommands",
            dependencies: [
                "SavnetModel", "SavnetLoading", "SavnetRules", "SavnetRendering", "SavnetOutput", "SavnetEngine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "FlyingFox", package: "FlyingFox"),
            ]
        ),
        .executableTarget(name: "savnet", dependencies: ["SavnetCommands", "CMimalloc"]),
        // Times the in-process rebuild after a one-file edit (Benchmarks/compare-hugo.sh runs it).
        .executableTarget(
            name: "savnet-rebuild-benchmark",
            dependencies: ["SavnetEngine", "SavnetLoading", "SavnetRendering", "SavnetModel"],
            path: "Benchmarks/RebuildBenchmark"
        ),
        // Helpers shared by the test targets: marked text, sample networks, a checker.
        .target(
            name: "SavnetTestSupport",
            dependencies: ["SavnetModel", "SavnetLoading", "SavnetRules", "SavnetRendering", "SavnetEngine"],
            path: "Tests/SavnetTestSupport"
        ),
        .testTarget(name: "SavnetModelTests", dependencies: ["SavnetModel"]),
        .testTarget(name: "SavnetLoadingTests", dependencies: ["SavnetLoading", "SavnetModel", "SavnetTestSupport"]),
        // Each test target names every target it imports.
        .testTarget(
            name: "SavnetRulesTests", dependencies: ["SavnetRules", "SavnetLoading", "SavnetModel", "SavnetTestSupport"]
        ),
        .testTarget(
            name: "SavnetEngineTests",
            dependencies: ["SavnetEngine", "SavnetLoading", "SavnetRendering", "SavnetModel", "SavnetTestSupport"]
        ),
        .testTarget(
            name: "SavnetRenderingTests",
            dependencies: [
                "SavnetRendering", "SavnetLoading", "SavnetOutput", "SavnetModel", "SavnetTestSupport",
                // The reference Mustache renderer the template engine is compared with.
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "SavnetCommandsTests",
            dependencies: ["SavnetCommands", "SavnetModel", "SavnetTestSupport", "savnet"],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v5]
)
