// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "cio",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "cio", targets: ["cio"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.24.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.5.0"),
        // Already in the graph through Hummingbird: the sandbox shuts its server down gracefully with it.
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        // SHA-256 of write payloads for the journal (already in the graph through async-http-client's TLS stack).
        .package(url: "https://github.com/apple/swift-crypto", "3.0.0"..<"5.0.0"),
    ],
    targets: [
        // ncursesw, the wide-character build of ncurses (Debian: libncurses-dev).
        .systemLibrary(
            name: "CNcurses",
            path: "Sources/CNcurses",
            providers: [.apt(["libncurses-dev"])]
        ),
        // The Customer.io App API (and Track API) client: models, filter grammar, rate limits, retries.
        .target(
            name: "CustomerIO",
            dependencies: [
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Starting child processes with posix_spawn (the editor, key commands); no UI.
        .target(name: "ProcessKit"),
        // "Did you mean …?": the nearest known name to a misspelt one.
        .target(name: "Spelling"),
        // Colours, text attributes, cell styles, interface roles and themes, as plain data.
        .target(name: "Styling"),
        // A key press as the app sees it, and the names config files and docs give keys.
        .target(name: "Keys"),
        // Cells, widgets and screens (ncurses and headless), drawn in Styling's styles; knows nothing of the API.
        .target(name: "TerminalUI", dependencies: ["CNcurses", "Styling", "Keys"]),
        // The config file, profiles and theme files (TOML).
        .target(
            name: "Config",
            dependencies: [
                "CustomerIO",
                "Keys",
                "ProcessKit",
                "Spelling",
                "Styling",
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        // The in-memory store between panes and the API: cached results, shared requests.
        .target(name: "Workspace", dependencies: ["CustomerIO"]),
        // Panes, navigation, keymap and the reducer; knows nothing of ncurses or HTTP.
        .target(
            name: "App",
            dependencies: [
                "TerminalUI", "Styling", "Keys", "Spelling", "ProcessKit", "Workspace", "CustomerIO",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // A deterministic fake Customer.io workspace served over loopback HTTP.
        .target(
            name: "Sandbox",
            dependencies: [
                "CustomerIO",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "cio",
            dependencies: [
                "App",
                "Config",
                "CustomerIO",
                "Sandbox",
                "Keys",
                "Styling",
                "TerminalUI",
                "Workspace",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Starts every test process's clock at one fixed moment (CIO_NOW), so no test depends on today's date.
        .target(name: "TestClock", path: "Tests/TestClock"),
        .testTarget(
            name: "CustomerIOTests",
            dependencies: ["TestClock", "CustomerIO"],
            resources: [.copy("Fixtures")]
        ),
        // The real client against the sandbox over loopback HTTP, faults included.
        .testTarget(
            name: "IntegrationTests",
            dependencies: ["TestClock", "CustomerIO", "Sandbox"]
        ),
        // The `cio` binary run as a user would, against the sandbox and against the vendor's example bodies.
        .testTarget(
            name: "CLITests",
            dependencies: [
                "TestClock",
                "cio",
                "ProcessKit",
                "TerminalUI",
                "CustomerIO",
                "Sandbox",
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            resources: [.copy("VendorExamples")]
        ),
        .testTarget(
            name: "TerminalUITests",
            dependencies: ["TestClock", "TerminalUI", "Styling"]
        ),
        .testTarget(
            name: "ConfigTests",
            dependencies: ["TestClock", "Config", "Styling", "Spelling", "CustomerIO"]
        ),
        .testTarget(
            name: "WorkspaceTests",
            dependencies: ["TestClock", "Workspace", "CustomerIO", "Sandbox"]
        ),
        // Reducer, keymap and views against the headless screen, with the sandbox behind the store.
        .testTarget(
            name: "AppTests",
            dependencies: [
                "TestClock",
                "App", "TerminalUI", "Styling", "Keys", "Workspace", "CustomerIO", "Sandbox",
                // A loopback gateway in front of the sandbox, for answers a gateway gives (502 after forwarding).
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        .testTarget(
            name: "SandboxTests",
            dependencies: [
                "TestClock",
                "CustomerIO",
                "Sandbox",
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
