// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "sop",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "SOPKit", targets: ["SOPKit"]),
        .library(name: "SOPJournal", targets: ["SOPJournal"]),
        .executable(name: "sop", targets: ["sop"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
    ],
    targets: [
        .target(
            name: "SOPKit",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "SOPJournal",
            dependencies: ["SOPKit", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .executableTarget(
            name: "sop",
            dependencies: [
                "SOPKit",
                "SOPJournal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "SOPKitTests",
            dependencies: ["SOPKit", "SOPJournal", "sop", .product(name: "GRDB", package: "GRDB.swift")],
            exclude: ["Golden"],
            resources: [.copy("Fixtures")]
        ),
    ]
)
