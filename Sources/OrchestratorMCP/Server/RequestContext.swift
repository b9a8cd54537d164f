package import OrchestratorJSON

/// What a handler knows about the request it serves, and how it talks back while serving it.
///
/// Log and progress notifications go straight to the sink, so they reach the client before the
/// response. Both obey the era's opt-ins: handshake sessions filter logs by `logging/setLevel`;
/// 2026 requests receive logs only when their envelope names a `logLevel`. Progress is sent only for a
/// request that carried a `progressToken`, and only with increasing values.
package final class RequestContext {
    package let revision: ProtocolRevision
    package let clientCapabilities: JSONValue
    package let clientInfo: ClientIdentity?
    /// The request this context serves, so its notifications travel with it.
    package let requestID: JSONRPCID?
    /// Who the transport authenticated (a bearer token's name): the actor of every change, which no
    /// argument may override. `nil` on stdio.
    package let authenticated: Caller?
    /// The request's `params._meta`, where a client may attach what the protocol does not name (the
    /// `connect` bridge's evidence of a task's change).
    package let meta: JSONValue?
    private let progressToken: JSONValue?
    private let logThreshold: LogLevel?
    private let sink: any MessageSink
    private var lastProgress: Double?

    package init(
        revision: ProtocolRevision,
        clientCapabilities: JSONValue,
        clientInfo: ClientIdentity?,
        meta: JSONValue? = nil,
        logThreshold: LogLevel?,
        sink: any MessageSink,
        requestID: JSONRPCID? = nil,
        authenticated: Caller? = nil
    ) {
        self.meta = meta
        self.requestID = requestID
        self.authenticated = authenticated
        self.revision = revision
        self.clientCapabilities = clientCapabilities
        self.clientInfo = clientInfo
        self.progressToken = meta?["progressToken"]
        self.logThreshold = logThreshold
        self.sink = sink
    }

    /// Whether the client declared form elicitation, so the server may ask the person a question.
    package var canElicit: Bool {
        guard revision.hasElicitation, let elicitation = clientCapabilities["elicitation"]?.objectValue else {
            return false
        }
        // An empty object means form mode; an explicit `form` key is required once modes are listed.
        return elicitation.isEmpty || elicitation["form"] != nil
    }

    /// Whether the client draws MCP Apps (declared `io.modelcontextprotocol/ui`).
    package var drawsApps: Bool { AppsExtension.isDeclared(in: clientCapabilities) }

    /// Sends `notifications/message` when the session's threshold lets `level` through.
    package func log(_ level: LogLevel, _ text: String, logger: String = "mcp-orchestrator") {
        guard let logThreshold, level >= logThreshold else { return }
        sink.send(
            JSONRPCOutgoing.notification(
                "notifications/message",
                ["level": .string(level.rawValue), "logger": .string(logger), "data": .string(text)]),
            relatedTo: requestID)
    }

    /// Sends `notifications/progress` for a request that asked for it. Values must increase.
    package func progress(_ progress: Double, total: Double? = nil, message: String? = nil) {
        guard let progressToken else { return }
        if let lastProgress, progress <= lastProgress { return }
        lastProgress = progress
        var params: [String: JSONValue] = ["progressToken": progressToken, "progress": Self.number(progress)]
        if let total { params["total"] = Self.number(total) }
        if let message, revision.hasProgressMessage { params["message"] = .string(message) }
        sink.send(JSONRPCOutgoing.notification("notifications/progress", .object(params)), relatedTo: requestID)
    }

    private static func number(_ value: Double) -> JSONValue {
        value.rounded() == value && abs(value) < 1e15 ? .int(Int(value)) : .double(value)
    }
}
