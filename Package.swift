// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "specgraph",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "specgraph", targets: ["specgraph"]),
        .library(
            name: "SpecGraph",
            targets: ["SpecKitTasks", "TaskGraph", "TaskScheduling", "TaskScheduleRendering", "SpecKitGenerator"]
        ),
        .library(name: "SpecGraphGraphviz", targets: ["Graphviz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
        // `swift package generate-documentation` (docs only; nothing links it).
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.4.0"),
    ],
    targets: [
        .target(name: "TaskGraph"),
        // The parser's pass over task texts, 32 bytes at a time with AVX2 (a header of inline C).
        .target(name: "CByteClasses"),
        .target(name: "SpecKitTasks", dependencies: ["CByteClasses"]),
        .target(name: "SpecKitGenerator"),
        .target(
            name: "TaskScheduling",
            dependencies: [
                "TaskGraph", "SpecKitTasks", "SpecKitGenerator", .product(name: "HeapModule", package: "swift-collections"),
            ]
        ),
        .target(name: "TaskScheduleRendering", dependencies: ["TaskScheduling", "SpecKitTasks", "TaskGraph"]),
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"])]
        ),
        .target(name: "Graphviz", dependencies: ["CGraphviz"]),
        .target(
            name: "SpecGraphCommands",
            dependencies: [
                "SpecKitTasks", "TaskGraph", "TaskScheduling", "TaskScheduleRendering", "Graphviz", "SpecKitGenerator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "specgraph", dependencies: ["SpecGraphCommands"]),
        .target(name: "SpecGraphTestSupport", dependencies: ["SpecKitTasks"], path: "Tests/SpecGraphTestSupport"),
        .testTarget(name: "TaskGraphTests", dependencies: ["TaskGraph"]),
        .testTarget(name: "SpecKitTasksTests", dependencies: ["SpecKitTasks", "SpecGraphTestSupport"]),
        .testTarget(name: "SpecKitGeneratorTests", dependencies: ["SpecKitGenerator"]),
        .testTarget(
            name: "TaskSchedulingTests",
            dependencies: ["TaskScheduling", "SpecKitTasks", "SpecKitGenerator", "SpecGraphTestSupport"]),
        .testTarget(
            name: "TaskScheduleRenderingTests",
            dependencies: [
                "TaskScheduleRendering", "TaskScheduling", "SpecKitTasks", "Graphviz", "SpecKitGenerator",
                "SpecGraphTestSupport",
            ],
            exclude: ["Golden"]),
        .testTarget(name: "GraphvizTests", dependencies: ["Graphviz", "SpecGraphTestSupport"]),
        .testTarget(
            name: "SpecGraphCommandsTests", dependencies: ["SpecGraphCommands", "specgraph", "SpecGraphTestSupport"],
            exclude: ["EdgeSnapshots", "Golden", "Fixtures"]),
    ]
)
