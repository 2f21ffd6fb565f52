// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Canvass",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "canvass", targets: ["canvass"]),
        .executable(name: "canvass-bench", targets: ["CanvassBench"]),
        // For the fuzz harness in Tests/Fuzz, which builds against the loaders (`@testable`, in debug) with libFuzzer.
        .library(name: "CanvassContent", targets: ["CanvassContent"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // Survey tables read from SQLite files (CanvassDatabase is the only importer of both).
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        // Survey and records tables read from PostgreSQL or an engine speaking its protocol.
        .systemLibrary(
            name: "CPostgres",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]
        ),
        // The command line's memory allocator: see Sources/canvass/main.swift.
        .systemLibrary(
            name: "CJemalloc",
            pkgConfig: "jemalloc",
            providers: [.apt(["libjemalloc-dev"])]
        ),
        // Plain values of the domain, and the machinery every stage shares (threads, the cache
        // archive, directory walking, digests) beside them.
        .target(name: "CanvassSupport"),
        .target(name: "CanvassCore"),
        .target(name: "CanvassMarkdown", dependencies: ["CCmark", "CanvassCore"]),
        .target(name: "CanvassDatabase", dependencies: ["CSQLite", "CPostgres"]),
        .target(
            name: "CanvassContent",
            dependencies: ["CanvassCore", "CanvassSupport", "CanvassMarkdown", "CanvassDatabase", .product(name: "Yams", package: "Yams")]
        ),
        .target(name: "CanvassAnalysis", dependencies: ["CanvassCore", "CanvassSupport"]),
        .target(
            name: "CanvassRender",
            dependencies: [
                "CanvassCore", "CanvassSupport", "CanvassMarkdown",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(
            name: "CanvassSite",
            dependencies: ["CanvassCore", "CanvassSupport", "CanvassContent", "CanvassAnalysis", "CanvassRender"]
        ),
        .target(name: "CanvassServe", dependencies: ["CanvassCore", "CanvassSupport", "CanvassMarkdown", "CanvassSite"]),
        .target(
            name: "CanvassCLI",
            dependencies: ["CanvassSite", "CanvassServe", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(name: "canvass", dependencies: ["CanvassCLI", "CJemalloc"]),
        .executableTarget(name: "CanvassBench", dependencies: ["CanvassAnalysis", "CanvassSite", "CJemalloc"]),
        .target(name: "CanvassTestSupport", dependencies: ["CanvassCore", "CSQLite"], path: "Tests/CanvassTestSupport"),
        .testTarget(name: "CanvassSupportTests", dependencies: ["CanvassSupport"]),
        .testTarget(name: "CanvassCoreTests", dependencies: ["CanvassCore"]),
        .testTarget(name: "CanvassDatabaseTests", dependencies: ["CanvassDatabase", "CanvassTestSupport"]),
        .testTarget(name: "CanvassMarkdownTests", dependencies: ["CanvassMarkdown", "CanvassTestSupport"]),
        .testTarget(name: "CanvassAnalysisTests", dependencies: ["CanvassAnalysis", "CanvassContent", "CanvassSupport", "CanvassTestSupport"]),
        .testTarget(name: "CanvassContentTests", dependencies: ["CanvassContent", "CanvassAnalysis", "CanvassDatabase", "CanvassSupport", "CanvassTestSupport"]),
        .testTarget(name: "CanvassRenderTests", dependencies: ["CanvassRender", "CanvassContent", "CanvassAnalysis", "CanvassTestSupport"]),
        .testTarget(
            name: "CanvassSiteTests",
            dependencies: ["CanvassSite", "CanvassServe", "CanvassContent", "CanvassDatabase", "CanvassSupport", "CanvassTestSupport"],
            exclude: ["Golden"]
        ),
        .testTarget(name: "CanvassServeTests", dependencies: ["CanvassServe", "CanvassSite", "CanvassCLI", "CanvassTestSupport"]),
        .testTarget(name: "CanvassCLITests", dependencies: ["CanvassCLI", "CanvassCore", "CanvassTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
