package import OrchestratorCore
package import OrchestratorJSON
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

    /// Every change this call made, to await before its answer goes out.
    package let durabilities: DurabilityLedger

    /// The same call with other arguments (a shared name's variant sees only its own fields).
    func with(arguments: [String: JSONValue]) -> ToolInvocation {
        ToolInvocation(
            arguments: arguments, context: context, environment: environment, inputResponses: inputResponses,
            requestState: requestState, durabilities: durabilities)
    }

    /// The value of a declared argument.
    package subscript<Value>(_ argument: ToolArgument<Value>) -> Value { argument.value(in: arguments) }

    /// The use cases, over the state every tool of this server shares.
    package var orchestrator: Orchestrator { environment.orchestrator }
}
