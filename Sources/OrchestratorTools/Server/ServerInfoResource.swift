internal import OrchestratorJSON
package import OrchestratorMCP

/// `orchestrator://server/info`: the `server_info` report as a JSON document.
package struct ServerInfoResource: MCPResource {
    package let uri = "orchestrator://server/info"
    package let name = "server-info"
    package let title = "Server information"
    package let description = "This server's version, protocol revision, state file and enabled tool sets, as JSON."
    package let mimeType = "application/json"
    let services: ToolServices

    package func read(environment: ServerEnvironment, context: RequestContext) throws(JSONRPCError) -> String {
        ServerInfoReport(services: services, server: environment, context: context).json.description
    }
}
