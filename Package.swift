// swift-tools-version:6.0
import PackageDescription

// No package dependencies: Foundation, Dispatch, FoundationNetworking and libyaml (through CYAML) only.
let package = Package(
    name: "reconcile",
    products: [
        .executable(name: "reconcile", targets: ["reconcile"]),
        .executable(name: "reconcile-bench", targets: ["Benchmarks"]),
    ],
    targets: [
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        .target(name: "Planner", dependencies: ["CYAML"]),
        .target(name: "Providers", dependencies: ["Planner"]),
        .target(name: "Sandbox"),
        .executableTarget(name: "reconcile", dependencies: ["Planner", "Providers", "Sandbox"]),
        .executableTarget(name: "Benchmarks", dependencies: ["Planner", "Providers", "Sandbox"]),
        .testTarget(name: "PlannerTests", dependencies: ["Planner"], resources: [.copy("Resources")]),
        .testTarget(name: "ProvidersTests", dependencies: ["Providers", "Sandbox"]),
        .testTarget(name: "SandboxTests", dependencies: ["Sandbox"]),
        .testTarget(name: "ReconcileCLITests", dependencies: ["reconcile"]),
    ],
    swiftLanguageModes: [.v6]
)
