internal import OrchestratorJSON
package import OrchestratorMCP

/// `orchestrator://guide`: how to use this server, with the tools this launch enables.
package struct GuideResource: MCPResource {
    package let uri = "orchestrator://guide"
    package let name = "guide"
    package let title = "How to use mcp-orchestrator"
    package let description = "A short Markdown guide to this server and the tools it currently enables."
    package let mimeType = "text/markdown"
    let settings: OrchestratorSettings

    package func read(environment: ServerEnvironment, context: RequestContext) throws(JSONRPCError) -> String {
        ServerGuide.markdown(environment: environment, settings: settings)
    }
}

/// The guide text shared by the guide resource and the `getting_started` prompt.
package enum ServerGuide {
    package static func markdown(environment: ServerEnvironment, settings: OrchestratorSettings) -> String {
        let tools = environment.toolNames.map { "- `\($0)`" }.joined(separator: "\n")
        return """
            # mcp-orchestrator

            \(environment.configuration.identity.instructions)

            ## Enabled tools

            \(tools)

            Tool sets enabled at launch: \(settings.toolsets.map(\.rawValue).joined(separator: ", ")).
            Read `orchestrator://tools/{name}` for any tool's full definition.
            """
    }
}
