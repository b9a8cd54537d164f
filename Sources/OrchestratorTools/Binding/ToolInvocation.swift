package import OrchestratorCore
package import OrchestratorJSON
package import OrchestratorMCP
package import OrchestratorWorkflows

/// Everything one of this program's tools receives for one call: the protocol's call, and the
/// services every tool shares.
package struct ToolInvocation {
    package let call: ToolCall
    package let services: ToolServices

    package init(call: ToolCall, services: ToolServices) {
        self.call = call
        self.services = services
    }

    /// Arguments already checked against the tool's `inputSchema`.
    package var arguments: [String: JSONValue] { call.arguments }
    package var context: RequestContext { call.context }
    /// What the server as a whole offers and how the protocol was configured.
    package var server: ServerEnvironment { call.server }
    /// Answers to the questions this tool asked earlier in the same call, keyed as asked.
    package var inputResponses: [String: JSONValue] { call.inputResponses }
    /// The state the tool returned with its questions, handed back with the answers.
    package var requestState: String? { call.requestState }
    /// Every change this call made, to await before its answer goes out.
    package var pendingReply: PendingReply { call.pendingReply }
    /// The wait the call asked for (`waitSeconds`), while it lasts; `nil` without one.
    package var wait: ToolWait? { call.wait }
    /// Whether the tool may answer `.waiting` instead of "not yet".
    package var mayWait: Bool { call.mayWait }

    /// The value of a declared argument.
    package subscript<Value>(_ argument: ToolArgument<Value>) -> Value { call[argument] }

    /// The use cases, over the state every tool of this server shares.
    package var orchestrator: Orchestrator { services.orchestrator }
    /// The workflow definitions and roles.
    package var workflows: WorkflowLibrary { services.workflows }
    /// The launch's settings for the domain.
    package var settings: OrchestratorSettings { services.settings }
}

extension ToolWait {
    /// When the call first ran, on the domain's clock: what happened after it is what the call waits for.
    package var startTime: Timestamp { Timestamp(millisecondsSince1970: startedAt) }
}
