// swift-tools-version: 6.1
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "StackPlan",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "stackplan", targets: ["stackplan"]),
        .library(name: "StackPlanCore", targets: ["StackPlanCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        // HTTP client for `catalog refresh` (already built for HummingbirdTesting's live tests).
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        // MARK: Pure domain: versions, dates, catalog model and rules. No I/O.
        .target(name: "StackPlanCore", swiftSettings: strict),

        // MARK: Adapters
        /** The system libyaml (libyaml-dev): the one YAML parser in the binary; its event parser reads every YAML file. */
        .systemLibrary(name: "CLibYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"])]),
        /** glibc's `mallopt` (malloc.h), for the command line's heap settings. */
        .systemLibrary(name: "CHeap"),
        /** Reads and validates the YAML catalog; diagnostics carry file:line:column. */
        .target(
            name: "StackPlanCatalog",
            dependencies: ["StackPlanCore", "CLibYAML"],
            swiftSettings: strict
        ),
        /** Reads the output of cluster tools (kubectl, helm, aws, Sonobuoy) into inventory clusters. */
        .target(name: "StackPlanImport", dependencies: ["StackPlanCore", "StackPlanCatalog"], swiftSettings: strict),
        /** The history store: catalog editions, inventory snapshots and forecasts in SQLite (GRDB). */
        .target(
            name: "StackPlanStore",
            dependencies: ["StackPlanCore", "StackPlanCatalog", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict
        ),
        /** Renders report values as table, JSON, CSV and Markdown. */
        .target(name: "StackPlanReports", dependencies: ["StackPlanCore"], swiftSettings: strict),

        // MARK: Frontends
        /** `stackplan serve`: the web pages and JSON API over the same files and store (Hummingbird). */
        .target(
            name: "StackPlanServer",
            dependencies: [
                "StackPlanCore", "StackPlanCatalog", "StackPlanReports", "StackPlanStore",
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            swiftSettings: strict
        ),
        /** The command tree, as a library so tests can run commands in-process. */
        .target(
            name: "StackPlanCommands",
            dependencies: [
                "StackPlanCore", "StackPlanCatalog", "StackPlanReports", "StackPlanStore", "StackPlanImport",
                "StackPlanServer", "CHeap", .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(name: "stackplan", dependencies: ["StackPlanCommands"], swiftSettings: strict),

        // MARK: Benchmarks
        /** Times load, plan and JSON rendering of a synthetic fleet; prints figures. */
        .executableTarget(
            name: "stackplan-bench",
            dependencies: ["StackPlanCore", "StackPlanCatalog", "StackPlanReports"],
            path: "Benchmarks/PlanBenchmark",
            swiftSettings: strict
        ),

        // MARK: Tests
        .testTarget(name: "StackPlanCoreTests", dependencies: ["StackPlanCore"], swiftSettings: strict),
        .testTarget(
            name: "StackPlanCatalogTests",
            dependencies: ["StackPlanCatalog"],
            exclude: ["Fixtures"],
            swiftSettings: strict
        ),
        .testTarget(name: "StackPlanReportsTests", dependencies: ["StackPlanReports"], swiftSettings: strict),
        .testTarget(
            name: "StackPlanStoreTests",
            dependencies: ["StackPlanStore", "StackPlanCatalog", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "StackPlanCommandsTests",
            dependencies: [
                "StackPlanCommands", "StackPlanStore", "stackplan",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            exclude: ["Golden", "Fixtures"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "StackPlanServerTests",
            dependencies: [
                "StackPlanServer", "StackPlanCommands",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            // Hummingbird re-exports HTTPTypes and NIOCore members the tests use; member import
            // visibility would require naming those transitive packages.
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
        ),
    ]
)
