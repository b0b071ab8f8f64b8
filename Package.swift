// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "permille",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "PerMille", targets: ["PerMille"]),
        .library(name: "PerMilleData", targets: ["PerMilleData"]),
        .library(name: "PerMilleFormats", targets: ["PerMilleFormats"]),
        .library(name: "PerMillePipeline", targets: ["PerMillePipeline"]),
        .executable(name: "permille", targets: ["permille"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // SHA-256 of inputs and factor tables (BoringSSL's, on Linux), rather than a hand-written one.
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
        // `swift package generate-documentation --target PerMille` (the DocC catalog in Sources/PerMille/PerMille.docc).
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.4.0"),
    ],
    targets: [
        // Pure calculation core: model, factors, dynamics, modules, assessment. No I/O.
        .target(name: "PerMille"),
        // Reads Indicators/ (CSV tables + manifest) into a FactorSet and checks digests.
        .target(
            name: "PerMilleData",
            dependencies: ["PerMille", "PerMilleJSON", .product(name: "Crypto", package: "swift-crypto")],
            resources: [.copy("../../Indicators")]
        ),
        // JSON values with source positions, a strict parser and a deterministic writer.
        .target(name: "PerMilleJSON"),
        // The system libxml2 (Debian libxml2-dev), through a shim that keeps its ICU headers out.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // Project files in, results out: decoding with diagnostics, result encoding, text tables.
        .target(name: "PerMilleFormats", dependencies: ["PerMille", "PerMilleJSON", "CLibXML2"]),
        // read → resolve factors → assess → result, shared by every command; output files written atomically.
        .target(name: "PerMillePipeline", dependencies: ["PerMille", "PerMilleData", "PerMilleFormats", "PerMilleJSON"]),
        .executableTarget(
            name: "permille",
            dependencies: [
                "PerMille", "PerMilleData", "PerMilleFormats", "PerMillePipeline", "PerMilleJSON",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Release-mode throughput benchmark: synthetic 10 000-row project, parse + assess.
        .executableTarget(
            name: "permille-benchmark",
            dependencies: ["PerMille", "PerMilleData", "PerMilleFormats", "PerMilleJSON"]
        ),
        // What several test targets share: project literals, fixtures' paths, the seeded generator.
        .target(name: "PerMilleTestSupport", dependencies: ["PerMille", "PerMilleData"], path: "Tests/PerMilleTestSupport"),
        .testTarget(name: "PerMilleTests", dependencies: ["PerMille", "PerMilleData", "PerMilleTestSupport"]),
        .testTarget(name: "PerMilleDataTests", dependencies: ["PerMille", "PerMilleData"]),
        .testTarget(name: "PerMilleJSONTests", dependencies: ["PerMilleJSON"]),
        .testTarget(
            name: "PerMilleFormatsTests",
            dependencies: ["PerMille", "PerMilleData", "PerMilleFormats", "PerMilleJSON"]
        ),
        .testTarget(name: "CLITests", dependencies: ["permille"]),
    ],
    swiftLanguageModes: [.v6]
)
