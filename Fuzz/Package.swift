// swift-tools-version:5.4
import PackageDescription

// The libFuzzer harness for savnet's input parsers (see docs/security.md).
// Separate from the root package so `-sanitize=fuzzer` never reaches the main build.
// Build and run it with scripts/fuzz.sh from the repository root.
//
// Tools version 5.4 on purpose: from 5.5 on, SwiftPM renames an executable's entry point
// and links it with `--defsym main=savnet_fuzz_main` (`-alias` on macOS), a symbol that
// does not exist here: libFuzzer's own main drives the harness. The root package stays 6.0.
let package = Package(
    name: "savnet-fuzz",
    dependencies: [
        .package(name: "savnet", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "savnet-fuzz",
            dependencies: [.product(name: "SavnetParsing", package: "savnet")],
            // libFuzzer supplies main(); the harness is only the LLVMFuzzerTestOneInput entry.
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
    ]
)
