internal import OrchestratorJSON
internal import OrchestratorMCP

/// A tool of this program as the protocol sees it: bound to the services it calls, with the
/// compatibility sets' habits (wrapped arguments, mcp-taskmanager's result fields) applied here.
struct BoundTool: MCPTool {
    let tool: any OrchestratorTool
    let services: ToolServices

    var name: String { tool.name }
    var title: String { tool.title }
    var description: String { tool.description }
    var family: String { tool.toolset.rawValue }
    var inputSchema: JSONValue { tool.inputSchema }
    var outputSchema: JSONValue { tool.outputSchema }
    var annotations: ToolAnnotations { tool.annotations }
    var ui: ToolUI? { tool.ui }
    var roles: [ToolRole] { tool.roles }

    /// orchestrator-mcp-server's clients wrap every argument in `input_data`.
    func normalized(_ arguments: [String: JSONValue]) -> [String: JSONValue] {
        guard tool.acceptsWrappedArguments, arguments.count == 1, case .object(let wrapped)? = arguments["input_data"]
        else { return arguments }
        return wrapped
    }

    func call(_ call: ToolCall) throws(ToolFailure) -> ToolOutcome {
        let outcome = try tool.call(ToolInvocation(call: call, services: services))
        guard case .complete(let output) = outcome, let status = tool.taskmanagerStatus,
            services.settings.toolsets.contains(.taskmanager)
        else { return outcome }
        return .complete(output.withTaskmanagerFields(status: status))
    }
}

extension ToolOutput {
    /// mcp-taskmanager's result fields: its `status` word (unless the result has a status of its
    /// own) and `message`, the readable text with the progress table.
    func withTaskmanagerFields(status: String) -> ToolOutput {
        guard case .object(var object) = structured else { return self }
        if object["status"] == nil { object["status"] = .string(status) }
        object["message"] = .string(text)
        var output = ToolOutput(structured: .object(object), text: text)
        output.meta = meta
        return output
    }
}
