// swift-tools-version: 6.2
import PackageDescription

/// Every target gets the same language settings, so the strictness is uniform and never forgotten.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .treatAllWarnings(as: .error),
]

let package = Package(
    name: "mcp-orchestrator",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "mcp-orchestrator", targets: ["mcp-orchestrator"]),
        .executable(name: "mcp-orchestrator-bench", targets: ["mcp-orchestrator-bench"]),
    ],
    targets: [
        .target(name: "OrchestratorJSON"),
        .target(name: "OrchestratorCore", dependencies: ["OrchestratorJSON"]),
        .target(name: "OrchestratorStorage", dependencies: ["OrchestratorJSON", "OrchestratorCore"]),
        .target(
            name: "OrchestratorWorkflows",
            dependencies: ["OrchestratorJSON", "OrchestratorCore", "OrchestratorStorage"]),
        .target(
            name: "OrchestratorCLI",
            dependencies: ["OrchestratorJSON", "OrchestratorCore", "OrchestratorStorage", "OrchestratorWorkflows"]
        ),
        .target(
            name: "OrchestratorMCP",
            dependencies: ["OrchestratorJSON", "OrchestratorCore", "OrchestratorStorage", "OrchestratorWorkflows"]
        ),
        .executableTarget(
            name: "mcp-orchestrator", dependencies: ["OrchestratorMCP", "OrchestratorWorkflows", "OrchestratorCLI"]),
        .executableTarget(name: "mcp-orchestrator-bench"),
        .testTarget(
            name: "OrchestratorTests",
            dependencies: [
                "OrchestratorJSON", "OrchestratorCore", "OrchestratorStorage", "OrchestratorWorkflows",
                "OrchestratorMCP", "OrchestratorCLI",
                "mcp-orchestrator",
            ]
        ),
    ]
)

for target in package.targets {
    // Swift Testing's macro expansions raise warnings of their own; tests keep the features, and
    // the sources alone are held to warnings-as-errors.
    let settings = target.type == .test ? strictSettings.dropLast() : strictSettings[...]
    target.swiftSettings = (target.swiftSettings ?? []) + settings
}
