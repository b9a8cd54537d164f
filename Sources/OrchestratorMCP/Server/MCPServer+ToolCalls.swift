internal import OrchestratorJSON

/// `tools/call`: argument checking, running the tool, and questions for the person (elicitation).
extension MCPServer {
    /// At most this many question rounds in one call.
    static let maximumInputRounds = 10

    mutating func callTool(id: JSONRPCID, params: [String: JSONValue]?, context: RequestContext) throws(JSONRPCError)
        -> [String: JSONValue]?
    {
        guard case .string(let name)? = params?["name"] else {
            throw .invalidParams("Invalid params: tools/call needs params.name (string)")
        }
        guard let tool = tools.tool(named: name, drawsApps: context.drawsApps) else {
            throw JSONRPCError(
                .invalidParams, "Unknown tool: \(name); tools/list names the enabled tools",
                data: ["tool": .string(name)])
        }
        let arguments: [String: JSONValue]
        switch params?["arguments"] {
        case nil, .null?: arguments = [:]
        case .object(let given)?: arguments = given
        case let other?:
            throw .invalidParams("Invalid params: tools/call params.arguments must be an object, not \(other.typeName)")
        }
        var responses: [String: JSONValue] = [:]
        var state: String?
        if context.revision.isModern {
            if case .object(let given)? = params?["inputResponses"] { responses = given }
            let token = params?["requestState"]?.stringValue
            // Answers count only as answers to a question this server asked (see `IssuedQuestions`).
            if !responses.isEmpty || token != nil {
                switch configuration.questions.redeem(
                    token, answers: Set(responses.keys), tool: name, arguments: arguments,
                    caller: context.authenticated?.name, canElicit: context.canElicit, now: configuration.now())
                {
                case .success(let toolState): state = toolState
                case .failure(let refusal):
                    return try ToolResultRenderer.failure(
                        refusal, tool: name, revision: context.revision, wording: refusalWording
                    ).get()
                }
            }
        }
        context.progress(0, total: 1, message: "Running \(name)")
        let seconds =
            tool.inputSchema["properties"]?[Argument.waitSeconds.name] == nil
            ? 0 : Argument.waitSeconds.value(in: arguments)
        let wait = seconds > 0 ? ToolWait(startedAt: configuration.now(), hasTimeLeft: true) : nil
        // The reply is prepared while the disk flushes and sent once the call's changes are durable;
        // a change that could not be saved is answered as this call's failure.
        let wording = refusalWording
        let identity = configuration.identity
        let pending = PendingReply { failure in
            let revision = context.revision
            switch ToolResultRenderer.failure(failure, tool: tool.name, revision: revision, wording: wording) {
            case .success(let result):
                return Self.toolCallReply(id: id, result, revision: revision, identity: identity)
            case .failure(let error):
                return JSONRPCOutgoing.error(id: id, error)
            }
        }
        let started = start(
            tool, arguments: arguments, context: context, responses: responses, state: state, wait: wait,
            pending: pending)
        if case .success(.complete) = started {
            pendingReply = pending
            return try finish(started, tool: tool, id: id, arguments: arguments, context: context, round: 1)
        }
        let outcome = pending.waitForChanges().map { .failure($0) } ?? started
        if case .success(.waiting(let reason)) = outcome, let wait {
            park(
                WaitingToolCall(
                    id: id, toolName: name, arguments: arguments, context: context, startedAt: wait.startedAt,
                    seconds: seconds, reason: reason))
            return nil
        }
        return try finish(outcome, tool: tool, id: id, arguments: arguments, context: context, round: 1)
    }

    /// Runs a tool on arguments that are checked against its schema first, and returns once what it
    /// changed is saved.
    func run(
        _ tool: any MCPTool, arguments: [String: JSONValue], context: RequestContext,
        responses: [String: JSONValue], state: String?, wait: ToolWait? = nil
    ) -> Result<ToolOutcome, ToolFailure> {
        let pending = PendingReply()
        let outcome = start(
            tool, arguments: arguments, context: context, responses: responses, state: state, wait: wait,
            pending: pending)
        // The tool built its answer while its changes flushed to disk; the answer is used only once
        // they are durable, and a change that could not be saved turns it into that failure.
        if let unsaved = pending.waitForChanges() { return .failure(unsaved) }
        return outcome
    }

    /// Runs a tool and returns its outcome; the changes it made, which may still be flushing, are
    /// recorded in `pending`, which the caller awaits before the outcome reaches anyone.
    func start(
        _ tool: any MCPTool, arguments: [String: JSONValue], context: RequestContext,
        responses: [String: JSONValue], state: String?, wait: ToolWait?, pending: PendingReply
    ) -> Result<ToolOutcome, ToolFailure> {
        let arguments = AbsentNulls.removed(from: tool.normalized(arguments), schema: tool.inputSchema)
        if let violation = SchemaValidator.firstViolation(of: .object(arguments), against: tool.inputSchema) {
            return .failure(.invalidArguments(violation))
        }
        // An authenticated caller is always itself (`instanceId` is the default tools' name for the agent,
        // `instance_id` orchestrator-server's).
        if let caller = context.authenticated {
            for key in ["instanceId", "instance_id"] {
                if let given = arguments[key]?.stringValue, given != caller.name {
                    return .failure(.notYourIdentity(caller, given: given))
                }
            }
        }
        let call = ToolCall(
            arguments: arguments, context: context, server: environment, inputResponses: responses,
            requestState: state, pendingReply: pending, wait: wait)
        return Result { () throws(ToolFailure) in try tool.call(call) }
    }

    /// Turns an outcome into the result to send now, or `nil` when questions went to the client.
    mutating func finish(
        _ outcome: Result<ToolOutcome, ToolFailure>, tool: any MCPTool, id: JSONRPCID,
        arguments: [String: JSONValue], context: RequestContext, round: Int
    ) throws(JSONRPCError) -> [String: JSONValue]? {
        switch outcome {
        case .success(.complete(let output)):
            context.progress(1, total: 1, message: "\(tool.name) finished")
            return ToolResultRenderer.success(output, revision: context.revision)
        case .failure(let failure):
            return try ToolResultRenderer.failure(
                failure, tool: tool.name, revision: context.revision, wording: refusalWording
            ).get()
        case .success(.waiting):
            // Only a call with time left may wait; a tool that waits otherwise is a bug, said as one.
            throw JSONRPCError(.internalError, "Internal error: \(tool.name) asked to wait without a wait")
        case .success(.inputRequired(let requests, let state)):
            if let refusal = unanswerable(requests, context: context, round: round) {
                return try ToolResultRenderer.failure(
                    refusal, tool: tool.name, revision: context.revision, wording: refusalWording
                ).get()
            }
            if context.revision.isModern {
                var result: [String: JSONValue] = [
                    "resultType": "input_required",
                    "inputRequests": .object(requests.mapValues(\.json)),
                ]
                result["requestState"] = .string(
                    configuration.questions.issue(
                        tool: tool.name, arguments: arguments, caller: context.authenticated?.name,
                        keys: Set(requests.keys),
                        asksPerson: requests.values.contains { $0.method == "elicitation/create" }, toolState: state,
                        now: configuration.now()))
                return result
            }
            askClient(requests, state: state, tool: tool, id: id, arguments: arguments, context: context, round: round)
            return nil
        }
    }

    /// Refuses questions the client cannot answer: undeclared capabilities, or too many rounds.
    private func unanswerable(_ requests: [String: InputRequest], context: RequestContext, round: Int) -> ToolFailure? {
        if round > Self.maximumInputRounds {
            return .failed(
                code: "too_many_questions",
                message: "The tool asked questions \(Self.maximumInputRounds) times without finishing; call it again.")
        }
        for request in requests.values {
            let declared: Bool =
                switch request.method {
                case "elicitation/create": context.canElicit
                case "sampling/createMessage": context.clientCapabilities["sampling"] != nil
                case "roots/list": context.clientCapabilities["roots"] != nil
                default: false
                }
            if !declared {
                return .refused(
                    code: "client_cannot_answer",
                    message:
                        "This client did not declare support for \(request.method), so the server cannot ask; use a client with that capability or the command line."
                )
            }
        }
        if case .handshake(let state) = era, !state.initializedNotified {
            return .refused(
                code: "not_initialized",
                message:
                    "The client has not sent notifications/initialized yet, so the server may not ask it anything; send it and call again."
            )
        }
        return nil
    }

    /// Handshake era: sends each question as a JSON-RPC request and parks the call until all answers arrive.
    private mutating func askClient(
        _ requests: [String: InputRequest], state: String?, tool: any MCPTool, id: JSONRPCID,
        arguments: [String: JSONValue], context: RequestContext, round: Int
    ) {
        var pending =
            pendingCalls[id]
            ?? PendingToolCall(
                toolName: tool.name, arguments: arguments, state: state, context: context, awaiting: [:],
                responses: [:], round: round)
        pending.round = round
        pending.state = state
        for (key, request) in requests.sorted(by: { $0.key < $1.key }) {
            let serverID = JSONRPCID.string("orchestrator-\(nextServerRequestNumber)")
            nextServerRequestNumber += 1
            pending.awaiting[serverID] = key
            serverRequestOwners[serverID] = id
            sink.send(JSONRPCOutgoing.request(id: serverID, request.method, request.params), relatedTo: id)
        }
        pendingCalls[id] = pending
    }

    /// A response to one of our requests: record it, and when the call has all its answers, run the tool again.
    mutating func receiveResponse(id: JSONRPCID, result: JSONValue?, error: JSONValue?) {
        guard let owner = serverRequestOwners.removeValue(forKey: id), var pending = pendingCalls[owner],
            let key = pending.awaiting.removeValue(forKey: id)
        else { return }
        pending.responses[key] = result ?? ["action": "cancel", "error": error ?? .null]
        guard pending.awaiting.isEmpty, let tool = tools.tool(named: pending.toolName) else {
            pendingCalls[owner] = pending
            return
        }
        pendingCalls[owner] = nil
        let context = pending.context
        let outcome = run(
            tool, arguments: pending.arguments, context: context, responses: pending.responses, state: pending.state)
        do {
            if let result = try finish(
                outcome, tool: tool, id: owner, arguments: pending.arguments, context: context, round: pending.round + 1
            ) {
                sink.send(JSONRPCOutgoing.result(id: owner, .object(result)))
            }
        } catch {
            sink.send(JSONRPCOutgoing.error(id: owner, error))
        }
    }
}
