internal import OrchestratorCore
package import OrchestratorJSON
package import OrchestratorMCP

/// `server_info`: what this server is, which protocol revision the call used, and where its state lives.
package struct ServerInfoTool: OrchestratorTool {
    package let name = "server_info"
    package let title = "Server information"
    package let description = """
        Version, protocol revision, state file (path, revision, problems), tool sets, approver and counts. Read-only.
        """
    package let toolset = Toolset.server
    package let inputSchema = ToolArguments.schema()
    package var outputSchema: JSONValue { ServerInfoReport.schema }
    package let annotations = ToolAnnotations.readOnly

    package init() {}

    package func call(_ invocation: ToolInvocation) throws(ToolFailure) -> ToolOutcome {
        let report = ServerInfoReport(
            services: invocation.services, server: invocation.server, context: invocation.context)
        if let problem = report.stateFile.problem {
            invocation.context.log(.warning, "The state file cannot be used: \(problem)")
        }
        return .complete(ToolOutput(structured: report.json, text: report.text))
    }
}
