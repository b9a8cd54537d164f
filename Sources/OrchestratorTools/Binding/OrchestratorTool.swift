package import OrchestratorMCP

/// One of this program's tools: its definition and its handler, kept together in one file per tool,
/// with what only these tools have (their set, the compatibility sets' habits). `BoundTool` hands it
/// to the protocol as an `MCPTool`, bound to the services it calls.
package protocol OrchestratorTool: ToolDefinition {
    var toolset: Toolset { get }
    /// Every set that enables this tool: its own, and for the default set's task tools also
    /// `taskmanager`, which is mcp-taskmanager's name for the same tools.
    var toolsets: [Toolset] { get }

    func call(_ invocation: ToolInvocation) throws(ToolFailure) -> ToolOutcome

    /// Whether `{"input_data": {…}}` is accepted as the arguments `{…}`, as orchestrator-mcp-server's
    /// clients send them. The published schema shows the plain shape.
    var acceptsWrappedArguments: Bool { get }

    /// The `status` word mcp-taskmanager answers this tool with (`planned`, `task_approved`, …).
    /// With the `taskmanager` set enabled, results gain it (where they have no `status` of their
    /// own) and a `message` holding the text with its progress table, as that server's clients read.
    var taskmanagerStatus: String? { get }
}

extension OrchestratorTool {
    package var acceptsWrappedArguments: Bool { false }

    package var taskmanagerStatus: String? { nil }

    package var toolsets: [Toolset] { toolset == .core ? [.core, .taskmanager] : [toolset] }
}
