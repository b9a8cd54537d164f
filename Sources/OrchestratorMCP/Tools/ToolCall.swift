package import OrchestratorJSON

/// Everything the protocol hands a tool for one call: what the front end that binds the tools to
/// their domain (`main`'s composition) adds its own services to.
package struct ToolCall {
    /// Arguments already checked against the tool's `inputSchema`.
    package let arguments: [String: JSONValue]
    package let context: RequestContext
    /// What the server as a whole offers and how it was configured.
    package let server: ServerEnvironment
    /// Answers to the questions this tool asked earlier in the same call (elicitation), keyed as asked.
    package let inputResponses: [String: JSONValue]
    /// The state the tool returned with its questions, kept by the server and handed back with the
    /// answers (the client carries only the server's own `requestState`).
    package let requestState: String?

    /// Every change this call made, to await before its answer goes out.
    package let pendingReply: PendingReply
    /// The wait the call asked for (`waitSeconds`), while it lasts; `nil` without one.
    package let wait: ToolWait?

    /// Whether the tool may answer `.waiting` instead of "not yet": a wait was asked for and has time left.
    package var mayWait: Bool { wait?.hasTimeLeft == true }

    /// The same call with other arguments (a shared name's variant sees only its own fields).
    func with(arguments: [String: JSONValue]) -> ToolCall {
        ToolCall(
            arguments: arguments, context: context, server: server, inputResponses: inputResponses,
            requestState: requestState, pendingReply: pendingReply, wait: wait)
    }

    /// The value of a declared argument.
    package subscript<Value>(_ argument: ToolArgument<Value>) -> Value { argument.value(in: arguments) }
}

/// A call's wait (`waitSeconds`): when it began, and whether time is left.
package struct ToolWait: Sendable {
    /// When the call first ran, in milliseconds since 1970 by the server's clock: what happened after
    /// it is what the call waits for.
    package let startedAt: Int64
    /// `false` on the last run, at the end of the wait: the tool gives its answer as it stands.
    package let hasTimeLeft: Bool

    package init(startedAt: Int64, hasTimeLeft: Bool) {
        self.startedAt = startedAt
        self.hasTimeLeft = hasTimeLeft
    }
}
