// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "alidash",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "alidash", targets: ["alidash"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // The only C: ncursesw plus a shim for the macros Swift cannot import.
        .systemLibrary(
            name: "CNcursesw",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        // Turns Data/*.json into Swift string literals, so the binary carries its data.
        .executableTarget(name: "EmbedData"),
        .plugin(
            name: "EmbedDataPlugin",
            capability: .buildTool(),
            dependencies: ["EmbedData"]
        ),
        .target(
            name: "AlidashModel",
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
        .target(
            name: "TestSupport",
            dependencies: ["AlidashModel", "AlidashUI"],
            path: "Tests/TestSupport"
        ),
        .testTarget(
            name: "AlidashModelTests",
            dependencies: ["AlidashModel", "AlidashUI", "TestSupport"]
        ),
        .testTarget(
            name: "AlidashUITests",
            dependencies: ["AlidashUI", "AlidashModel", "TestSupport"],
            exclude: ["Screens"]
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["TestSupport", "AlidashModel", "AlidashUI"]
        ),
    ]
)
