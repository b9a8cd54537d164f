// swift-tools-version: 6.2
import PackageDescription

/// Every target gets the same language features, so the strictness is uniform and never forgotten.
let languageFeatures: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

/// The sources are held to warnings as errors. Tests are not: Swift Testing's macro expansions raise
/// warnings of their own.
let sourceStrictness: [SwiftSetting] = [.treatAllWarnings(as: .error)]

let package = Package(
    name: "mcp-orchestrator",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "mcp-orchestrator", targets: ["mcp-orchestrator"]),
        .executable(name: "mcp-orchestrator-bench", targets: ["mcp-orchestrator-bench"]),
    ],
    targets: [
        // The layering is stated here: a target lists only what it may import, so crossing a layer
        // does not compile.
        .target(name: "OrchestratorJSON"),
        // Paths, POSIX file calls, the durable replacement and the process lock.
        .target(name: "OrchestratorSystem"),
        // The domain and its use cases, over the persistence port it defines. No I/O.
        .target(name: "OrchestratorCore", dependencies: ["OrchestratorJSON"]),
        // The state file's JSON format: what storage reads and writes, and `export --format json`.
        .target(
            name: "OrchestratorFormat", dependencies: ["OrchestratorJSON", "OrchestratorCore", "OrchestratorSystem"]),
        // The JSON file store: the core's persistence port, implemented. Only `main` wires it in.
        .target(
            name: "OrchestratorStorage",
            dependencies: ["OrchestratorJSON", "OrchestratorCore", "OrchestratorFormat", "OrchestratorSystem"]),
        // What a task changed in the working tree: git snapshots taken without touching the person's
        // index, worktree, stash or refs, and the difference between them.
        // And the notify command that tells the person when something waits for them.
        // The PostgreSQL store: the same port on tables, for several servers on one plan, through
        // libpq loaded at run time (no build-time dependency; nothing loaded unless it is asked for).
        .target(
            name: "OrchestratorPostgres",
            dependencies: ["OrchestratorJSON", "OrchestratorCore", "OrchestratorFormat", "OrchestratorSystem"]),
        .target(
            name: "OrchestratorEvidence", dependencies: ["OrchestratorJSON", "OrchestratorCore", "OrchestratorSystem"]),
        .target(
            name: "OrchestratorWorkflows",
            dependencies: ["OrchestratorJSON", "OrchestratorCore", "OrchestratorSystem"]),
        // A small HTTP/1.1 server with strict limits and server-sent events: the board's, and the shared
        // server's transport.
        .target(name: "OrchestratorHTTP", dependencies: ["OrchestratorSystem"]),
        // Front ends: they reach the state only through the core's use cases; Storage is not theirs.
        // The board's page (its HTML, style and script, and the view it draws), for its two homes: the
        // board's own HTTP server and an MCP host drawing it as an app.
        .target(name: "OrchestratorBoardPage", dependencies: ["OrchestratorJSON", "OrchestratorCore"]),
        // The board: the person's live page, over the HTTP module.
        .target(
            name: "OrchestratorBoard",
            dependencies: [
                "OrchestratorJSON", "OrchestratorCore", "OrchestratorHTTP", "OrchestratorSystem",
                "OrchestratorBoardPage", "OrchestratorEvidence",
            ]),
        .target(
            name: "OrchestratorCLI",
            dependencies: [
                "OrchestratorJSON", "OrchestratorCore", "OrchestratorFormat", "OrchestratorSystem",
                "OrchestratorWorkflows", "OrchestratorBoard", "OrchestratorHTTP", "OrchestratorEvidence",
            ]
        ),
        // The protocol and only the protocol: transport, JSON-RPC, the eras, dispatch, schema
        // validation, the tool, resource and prompt protocols and their catalogs. What a server offers
        // comes in from the composition (`ServerContent`); the domain is not reachable from here.
        .target(
            name: "OrchestratorMCP",
            dependencies: ["OrchestratorJSON", "OrchestratorSystem"]
        ),
        // The shared server: MCP's Streamable HTTP over the HTTP module, with bearer tokens.
        .target(
            name: "OrchestratorServe",
            dependencies: [
                "OrchestratorJSON", "OrchestratorMCP", "OrchestratorHTTP", "OrchestratorSystem", "OrchestratorBoard",
            ]),
        // The tools of every tool set: each one file, calling the core's use cases; bound to their
        // services and handed to the protocol as `MCPTool`s, with the guide, the server's report, the
        // workflow resources and prompts, and the settings the launch gives the domain.
        .target(
            name: "OrchestratorTools",
            dependencies: [
                "OrchestratorJSON", "OrchestratorCore", "OrchestratorMCP", "OrchestratorSystem",
                "OrchestratorWorkflows", "OrchestratorBoardPage", "OrchestratorEvidence",
            ]
        ),
        .executableTarget(
            name: "mcp-orchestrator",
            dependencies: [
                "OrchestratorMCP", "OrchestratorTools", "OrchestratorWorkflows", "OrchestratorCLI",
                "OrchestratorStorage", "OrchestratorSystem", "OrchestratorCore", "OrchestratorServe",
                "OrchestratorHTTP", "OrchestratorBoard", "OrchestratorEvidence", "OrchestratorPostgres",
            ]),
        .executableTarget(name: "mcp-orchestrator-bench"),
        .testTarget(
            name: "OrchestratorTests",
            dependencies: [
                "OrchestratorJSON", "OrchestratorCore", "OrchestratorFormat", "OrchestratorStorage",
                "OrchestratorSystem", "OrchestratorWorkflows", "OrchestratorMCP", "OrchestratorTools",
                "OrchestratorCLI", "OrchestratorHTTP", "OrchestratorBoard", "OrchestratorBoardPage",
                "OrchestratorServe", "OrchestratorEvidence", "OrchestratorPostgres",
                "mcp-orchestrator",
            ]
        ),
    ]
)

for target in package.targets {
    let strictness = target.type == .test ? [] : sourceStrictness
    target.swiftSettings = (target.swiftSettings ?? []) + languageFeatures + strictness
}
