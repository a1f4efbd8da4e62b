// swift-tools-version: 6.1
import PackageDescription

// A coverage-guided fuzz target (libFuzzer) for the parser and the planner,
// in a package of its own so that the main package is never built with the
// fuzzer's instrumentation. Run with `make fuzz` (long) or
// `make fuzz FUZZ_SECONDS=120` (bounded); see Fuzz/README.md.
let package = Package(
    name: "specgraph-fuzz",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "specgraph", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "SpecGraphFuzz",
            dependencies: [.product(name: "SpecGraph", package: "specgraph")]
        ),
    ]
)
