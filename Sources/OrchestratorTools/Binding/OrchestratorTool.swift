package import OrchestratorJSON
package import OrchestratorMCP

/// One of this program's tools: its wire definition and its handler, kept together in one file per
/// tool, with what only these tools have (their set, the compatibility sets' habits). `BoundTool`
/// hands it to the protocol as an `MCPTool`, bound to the services it calls.
///
/// The `inputSchema` is both what `tools/list` publishes and what `tools/call` enforces before
/// `call` runs, so a handler only ever sees arguments that match it. `outputSchema` describes the
/// `structuredContent` of every successful result in full; a test checks each tool against it, and
/// `tools/list` publishes its summary (`SchemaSummary`).
package protocol OrchestratorTool: Sendable {
    var name: String { get }
    var title: String { get }
    var description: String { get }
    var toolset: Toolset { get }
    /// Every set that enables this tool: its own, and for the default set's task tools also
    /// `taskmanager`, which is mcp-taskmanager's name for the same tools.
    var toolsets: [Toolset] { get }
    var inputSchema: JSONValue { get }
    var outputSchema: JSONValue { get }
    var annotations: ToolAnnotations { get }

    func call(_ invocation: ToolInvocation) throws(ToolFailure) -> ToolOutcome

    /// Whether `{"input_data": {…}}` is accepted as the arguments `{…}`, as orchestrator-mcp-server's
    /// clients send them. The published schema shows the plain shape.
    var acceptsWrappedArguments: Bool { get }

    /// The `status` word mcp-taskmanager answers this tool with (`planned`, `task_approved`, …).
    /// With the `taskmanager` set enabled, results gain it (where they have no `status` of their
    /// own) and a `message` holding the text with its progress table, as that server's clients read.
    var taskmanagerStatus: String? { get }

    /// The app that shows this tool's results, and who may call it, for hosts that draw MCP Apps.
    var ui: ToolUI? { get }

    /// What the tool does, as refusals' remedies name it (`ToolRole`).
    var roles: [ToolRole] { get }
}

extension OrchestratorTool {
    package var roles: [ToolRole] { [] }

    package var acceptsWrappedArguments: Bool { false }

    package var taskmanagerStatus: String? { nil }

    package var ui: ToolUI? { nil }

    package var toolsets: [Toolset] { toolset == .core ? [.core, .taskmanager] : [toolset] }
}
