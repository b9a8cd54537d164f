package import OrchestratorJSON
package import OrchestratorMCP

/// `getting_started`: the guide, optionally focused on one tool, to start a conversation with.
package struct GettingStartedPrompt: MCPPrompt {
    package let name = "getting_started"
    package let title = "Getting started with mcp-orchestrator"
    package let description = "Explains how to work with this server; name a tool to get its details too."
    package let arguments = [
        PromptArgument(name: "tool", description: "A tool to explain in detail (optional).", required: false)
    ]
    let settings: OrchestratorSettings

    package func messages(_ arguments: [String: String], environment: ServerEnvironment) throws(JSONRPCError)
        -> [JSONValue]
    {
        var text = ServerGuide.markdown(environment: environment, settings: settings)
        if let toolName = arguments["tool"], !toolName.isEmpty {
            guard let tool = environment.tools.tool(named: toolName) else {
                throw .invalidParams(
                    "Prompt argument 'tool': no enabled tool is named '\(toolName)'; choose one of \(environment.toolNames.joined(separator: ", "))"
                )
            }
            text +=
                "\n\n## `\(tool.name)` — \(tool.title)\n\n\(tool.description)\n\nArguments (JSON Schema): `\(tool.inputSchema)`"
        }
        return [Self.userText(text)]
    }

    package func complete(_ argument: String, prefix: String, environment: ServerEnvironment) -> [String] {
        guard argument == "tool" else { return [] }
        return environment.toolNames.filter { $0.hasPrefix(prefix) }
    }
}
