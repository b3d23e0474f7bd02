// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "alidash",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "alidash", targets: ["alidash"]),
        .executable(name: "alidash-serve", targets: ["alidash-serve"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // Only for `alidash serve` (the AlidashServer module and the alidash-serve binary): the dashboard links none of it.
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssh", from: "0.15.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    ],
    targets: [
        // The only C: ncursesw plus a shim for the macros Swift cannot import. No pkgConfig: its
        // -D_XOPEN_SOURCE flags are dropped by SwiftPM with a warning on every build, and the headers and
        // library are on the default paths (shim.h asks for the wide API itself).
        .systemLibrary(
            name: "CNcursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        // The model: types, loading, validation, formatting, exports. No data of its own.
        .target(
            name: "AlidashModelCore",
            path: "Sources/AlidashModel"
        ),
        // Checks Data/*.json with the model at build time (a bad file fails the build with the messages
        // `alidash validate` prints) and writes it as Swift values (and the files as string literals, for export).
        .executableTarget(name: "EmbedData", dependencies: ["AlidashModelCore"]),
        .plugin(
            name: "EmbedDataPlugin",
            capability: .buildTool(),
            dependencies: ["EmbedData"]
        ),
        // The model with the bundled data: what every other module imports.
        .target(
            name: "AlidashModel",
            dependencies: ["AlidashModelCore"],
            path: "Sources/AlidashModelBundle",
            plugins: ["EmbedDataPlugin"]
        ),
        .target(
            name: "AlidashUI",
            dependencies: ["AlidashModel"]
        ),
        .target(
            name: "AlidashTerminal",
            dependencies: ["AlidashUI", "CNcursesw"]
        ),
        .executableTarget(
            name: "alidash",
            dependencies: [
                "AlidashModel", "AlidashUI", "AlidashTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // `alidash serve`: an SSH server that runs the dashboard binary for each visitor.
        .target(name: "CPseudoTerminal"),
        .target(
            name: "AlidashServer",
            dependencies: [
                "CPseudoTerminal", "AlidashUI", "AlidashModel",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOSSH", package: "swift-nio-ssh"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ]
        ),
        .executableTarget(
            name: "alidash-serve",
            dependencies: [
                "AlidashServer", "AlidashModel",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(
            name: "TestSupport",
            dependencies: ["AlidashModel", "AlidashUI"],
            path: "Tests/TestSupport"
        ),
        .testTarget(
            name: "AlidashModelTests",
            dependencies: ["AlidashModel", "AlidashModelCore", "AlidashUI", "TestSupport"]
        ),
        .testTarget(
            name: "AlidashUITests",
            dependencies: ["AlidashUI", "AlidashModel", "TestSupport"],
            exclude: ["Screens"]
        ),
        .testTarget(
            name: "AlidashServerTests",
            dependencies: ["AlidashServer", .product(name: "NIOCore", package: "swift-nio")]
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["TestSupport", "AlidashModel", "AlidashUI"]
        ),
    ]
)
