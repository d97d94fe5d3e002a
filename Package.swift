// swift-tools-version:6.0
import PackageDescription

/// Where Debian (and most Linux distributions) keep libxml2's headers, for the targets whose
/// Swift code sees the CLibXML2 module.
let libxml2Headers: [SwiftSetting] = [.unsafeFlags(["-Xcc", "-I/usr/include/libxml2"])]

let package = Package(
    name: "Gloss",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "gloss", targets: ["gloss"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CNcursesW",
            path: "Sources/CNcursesW",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        .systemLibrary(
            name: "CCmarkGFM",
            path: "Sources/CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(
            name: "GlossCore",
            dependencies: [
                "CCmarkGFM",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        // libxml2's headers only: it is opened on first use (CLazyLoader), never linked, so start-up
        // never loads it nor the ICU it depends on. No `pkgConfig` here, since that would link it;
        // the headers' directory is given to the targets that import the module instead.
        .systemLibrary(name: "CLibXML2", path: "Sources/CLibXML2", providers: [.apt(["libxml2-dev"])]),
        .target(
            name: "GlossFeeds",
            dependencies: ["GlossCore", "CLibXML2", "CLazyLoader", .product(name: "Yams", package: "Yams")],
            swiftSettings: libxml2Headers
        ),
        // Opens libxml2 and SQLite with dlopen on first use, so start-up never loads them (nor the
        // ICU libxml2 pulls in); the typed wrappers are in the CLibXML2 and CSQLite shims.
        .target(name: "CLazyLoader"),
        // Opens libcurl with dlopen on the first download, so start-up never loads it.
        .target(name: "CCurlLoader"),
        .target(name: "GlossStorage", dependencies: ["GlossCore"]),
        // SQLite's header only: like libxml2 it is opened on first use (CLazyLoader), never linked.
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite", providers: [.apt(["libsqlite3-dev"])]),
        // The derived full-text index (SQLite FTS5) under the data directory; see docs/SEARCH.md.
        .target(name: "GlossSearch", dependencies: ["GlossCore", "GlossStorage", "CSQLite", "CLazyLoader"]),
        .target(
            name: "GlossTUI",
            dependencies: ["GlossCore", .product(name: "TOMLKit", package: "TOMLKit")]
        ),
        .target(name: "GlossNcurses", dependencies: ["GlossTUI", "CNcursesW"]),
        .target(
            name: "GlossCLI",
            dependencies: [
                "GlossCore", "GlossStorage", "GlossSearch", "GlossTUI", "GlossNcurses", "GlossFeeds", "CCurlLoader",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        .executableTarget(name: "gloss", dependencies: ["GlossCLI"]),
        // Test helper: a storage writer that tests kill at random moments.
        .executableTarget(name: "gloss-drill", dependencies: ["GlossStorage", "GlossCore", "GlossTestSupport"]),
        // Benchmark runner: `swift run -c release gloss-bench` (see docs/PERFORMANCE.md).
        .executableTarget(name: "gloss-bench", dependencies: ["GlossCore", "GlossStorage", "GlossSearch", "GlossTUI", "GlossTestSupport", "LocalHTTPServer"]),
        .testTarget(
            name: "GlossCoreTests",
            dependencies: [
                "GlossCore", "GlossTestSupport",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            exclude: ["Golden", "ReanchorCases"]
        ),
        .testTarget(
            name: "GlossFeedsTests",
            dependencies: ["GlossFeeds", "GlossCore"],
            exclude: ["Fixtures"]
        ),
        // What several test targets share: in-memory stores and other fakes, never shipped.
        // It never imports Testing, so the drill, the benchmark and the fuzz targets can use it too.
        .target(
            name: "GlossTestSupport", dependencies: ["GlossCore", "GlossStorage", .product(name: "Yams", package: "Yams")],
            path: "Tests/GlossTestSupport"),
        .testTarget(name: "GlossStorageTests", dependencies: ["GlossStorage", "GlossCore", "GlossTestSupport"]),
        .testTarget(name: "GlossSearchTests", dependencies: ["GlossSearch", "GlossStorage", "GlossCore"]),
        // Test helper: an HTTP server on 127.0.0.1 for the feed tests.
        .target(name: "LocalHTTPServer", path: "Tests/LocalHTTPServer"),
        .testTarget(
            name: "GlossTUITests",
            dependencies: ["GlossTUI", "GlossCore", "GlossTestSupport"],
            exclude: ["Snapshots"]
        ),
        .testTarget(
            name: "GlossCLITests",
            dependencies: ["GlossCLI", "GlossTUI", "GlossCore", "GlossStorage", "gloss-bench", "LocalHTTPServer", "GlossTestSupport"],
            exclude: ["Golden"]
        ),
        .testTarget(name: "EndToEndTests", dependencies: ["LocalHTTPServer"]),
    ]
)

// libFuzzer targets (Fuzz/, see docs/FUZZING.md). They start libFuzzer, so they only link when
// built with `-sanitize=fuzzer`; they are declared only when GLOSS_FUZZ=1, as `Fuzz/run` sets it,
// and ordinary builds never see them.
if Context.environment["GLOSS_FUZZ"] == "1" {
    let fuzzTargets: [(name: String, path: String, dependencies: [Target.Dependency])] = [
        ("fuzz-article", "FuzzArticleLoad", ["GlossCore"]),
        ("fuzz-annotations", "FuzzAnnotationFile", ["GlossCore", "GlossStorage"]),
        ("fuzz-config", "FuzzConfig", ["GlossTUI"]),
        ("fuzz-reanchor", "FuzzReanchor", ["GlossCore"]),
        ("fuzz-export", "FuzzExportRoundTrip", ["GlossCore", "GlossTestSupport", .product(name: "Yams", package: "Yams")]),
        ("fuzz-keys", "FuzzKeys", ["GlossCore", "GlossTUI"]),
        ("fuzz-feeds", "FuzzFeedsFile", ["GlossCLI"]),
    ]
    package.targets.append(.systemLibrary(name: "CLibFuzzer", path: "Fuzz/CLibFuzzer"))
    package.targets.append(.target(name: "FuzzSupport", dependencies: ["CLibFuzzer"], path: "Fuzz/FuzzSupport"))
    for target in fuzzTargets {
        package.targets.append(.executableTarget(
            name: target.name, dependencies: target.dependencies + ["FuzzSupport"], path: "Fuzz/\(target.path)"))
    }
}
