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
        // Paths, POSIX file calls and the process lock: what storage, workflows and the CLI share.
        .target(name: "OrchestratorSystem"),
        .target(name: "OrchestratorCore", dependencies: ["OrchestratorJSON"]),
        .target(
            name: "OrchestratorStorage", dependencies: ["OrchestratorJSON", "OrchestratorCore", "OrchestratorSystem"]),
        .target(
            name: "OrchestratorWorkflows",
            dependencies: ["OrchestratorJSON", "OrchestratorCore", "OrchestratorSystem"]),
        .target(
            name: "OrchestratorCLI",
            dependencies: [
                "OrchestratorJSON", "OrchestratorCore", "OrchestratorStorage", "OrchestratorSystem",
                "OrchestratorWorkflows",
            ]
        ),
        // The protocol and the tools: they reach the state only through the core's use cases, so
        // Storage is not a dependency and importing it does not compile.
        .target(
            name: "OrchestratorMCP",
            dependencies: ["OrchestratorJSON", "OrchestratorCore", "OrchestratorSystem", "OrchestratorWorkflows"]
        ),
        .executableTarget(
            name: "mcp-orchestrator",
            dependencies: [
                "OrchestratorMCP", "OrchestratorWorkflows", "OrchestratorCLI", "OrchestratorStorage",
                "OrchestratorSystem",
            ]),
        .executableTarget(name: "mcp-orchestrator-bench"),
        .testTarget(
            name: "OrchestratorTests",
            dependencies: [
                "OrchestratorJSON", "OrchestratorCore", "OrchestratorStorage", "OrchestratorSystem",
                "OrchestratorWorkflows", "OrchestratorMCP", "OrchestratorCLI",
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
