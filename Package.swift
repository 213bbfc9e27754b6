// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "sop",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "SOPKit", targets: ["SOPKit"]),
        .library(name: "SOPJournal", targets: ["SOPJournal"]),
        .library(name: "SOPSimulate", targets: ["SOPSimulate"]),
        .library(name: "SOPWeb", targets: ["SOPWeb"]),
        .executable(name: "sop", targets: ["sop"]),
        .executable(name: "sop-bench", targets: ["sop-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
    ],
    targets: [
        // libyaml from the system (pkg-config "yaml-0.1"); SOPKit uses only its C API.
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        .target(
            name: "SOPKit",
            dependencies: ["CYAML"]
        ),
        .target(
            name: "SOPJournal",
            dependencies: [
                "SOPKit",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        // The simulator drives SOPKit's engine; it reads no journal itself (the CLI hands it the
        // cases' contexts and states), so it depends on SOPKit only.
        .target(
            name: "SOPSimulate",
            dependencies: ["SOPKit"]
        ),
        // The office in a browser (`sop serve`): Hummingbird 2, sessions and users in the journal.
        .target(
            name: "SOPWeb",
            dependencies: [
                "SOPKit",
                "SOPJournal",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            ]
        ),
        .executableTarget(
            name: "sop",
            dependencies: [
                "SOPKit",
                "SOPJournal",
                "SOPSimulate",
                "SOPWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "sop-bench",
            dependencies: [
                "SOPKit",
                "SOPJournal",
                "SOPSimulate",
                "CYAML",
            ]
        ),
        .executableTarget(
            name: "sop-journal-bench",
            dependencies: ["SOPKit", "SOPJournal"]
        ),
        .testTarget(
            name: "SOPKitTests",
            dependencies: [
                "SOPKit", "SOPJournal", "SOPSimulate", "sop",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            exclude: ["Golden"],
            resources: [.copy("Fixtures")]
        ),
            .testTarget(
            name: "SOPWebTests",
            dependencies: [
                "SOPKit", "SOPJournal", "SOPWeb",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
    ]
)
