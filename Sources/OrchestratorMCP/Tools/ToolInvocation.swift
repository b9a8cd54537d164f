package import OrchestratorJSON
package import OrchestratorStorage
internal import OrchestratorSystem

/// Everything a tool handler receives for one call.
package struct ToolInvocation {
    /// Arguments already checked against the tool's `inputSchema`.
    package let arguments: [String: JSONValue]
    package let context: RequestContext
    package let environment: ServerEnvironment
    /// Answers to the questions this tool asked earlier in the same call (elicitation), keyed as asked.
    package let inputResponses: [String: JSONValue]
    /// The opaque state the tool returned with its questions, echoed back by the client.
    package let requestState: String?

    /// The state file, shared by every tool of this server.
    package var store: StateStore { environment.store }
}
