// swift-tools-version: 6.1
import PackageDescription

// Benchmarks live in their own package so that the main package does not depend
// on the benchmark harness. Run with `make bench` (or
// `swift package --allow-writing-to-package-directory benchmark` in this folder).
let package = Package(
    name: "specgraph-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "specgraph", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.0", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "SpecGraphBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "SpecGraph", package: "specgraph"),
            ],
            path: "Benchmarks/SpecGraphBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        )
    ]
)
