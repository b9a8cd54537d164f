internal import OrchestratorJSON

/// The MCP server as a value: feed it lines, it writes replies to its sink.
///
/// Sequential by design: one message is handled completely before the next is read, so no locks are
/// needed; a call that waits (`waitSeconds`) is parked, so the messages after it are served meanwhile. Both eras are served; the first request fixes which one
/// this connection speaks (`SessionEra`).
package struct MCPServer {
    package let configuration: ServerConfiguration
    package let tools: ToolCatalog
    package let resources: ResourceCatalog
    package let prompts: PromptCatalog
    /// Refusals name the tools this server lists.
    let refusalWording: RefusalWording
    package internal(set) var era: SessionEra = .undecided
    let sink: any MessageSink
    var pendingCalls: [JSONRPCID: PendingToolCall] = [:]
    /// Calls waiting for a change (`waitSeconds`), in the order they came.
    var waitingCalls: [WaitingToolCall] = []
    /// The reply being handled waits for its call's changes to be durable.
    var pendingReply: PendingReply?
    var serverRequestOwners: [JSONRPCID: JSONRPCID] = [:]
    var nextServerRequestNumber = 1
    /// Who the transport authenticated for this connection (Streamable HTTP with tokens); `nil` on stdio.
    package var caller: Caller?

    /// - Parameter content: what the server offers, bound to its domain by the composition (`main`).
    package init(configuration: ServerConfiguration, content: ServerContent, sink: any MessageSink) {
        self.configuration = configuration
        self.sink = sink
        let catalog = ToolCatalog(content.tools)
        self.tools = catalog
        self.refusalWording = RefusalWording(enabled: catalog.tools)
        self.resources = ResourceCatalog(tools: catalog, content: content)
        self.prompts = PromptCatalog(content: content)
    }

    /// Handles one line of input (without its newline).
    package mutating func receive(_ line: some Collection<UInt8>) {
        let value: JSONValue
        do {
            value = try JSONParser.parse(line, maximumDepth: configuration.maximumJSONDepth, keepsMessageIDs: true)
        } catch {
            sink.send(JSONRPCOutgoing.error(id: nil, JSONRPCError(.parseError, "Parse error: \(error)")))
            return
        }
        if case .array(let batch) = value {
            receiveBatch(batch)
        } else if let reply = handle(value, inBatch: false) {
            if let pending = takePendingReply() {
                // The sink prepares the reply while the disk flushes, and sends it once it is durable.
                sink.send(reply, once: pending)
            } else {
                sink.send(reply)
            }
        }
        // A reply that was not sent leaves no change unawaited behind.
        _ = takePendingReply()?.waitForChanges()
    }

    /// The pending reply of the message just handled, if any, and no longer the server's.
    private mutating func takePendingReply() -> PendingReply? {
        defer { pendingReply = nil }
        return pendingReply
    }

    /// Answers a line that exceeded the size limit and was discarded unread, with the request's id
    /// when the line's first bytes (`head`) hold it.
    package func receiveOversizedLine(byteCount: Int, limit: Int, head: [UInt8] = []) {
        let id = JSONParser.messageID(inPrefix: head).flatMap(JSONRPCID.init)
        sink.send(
            JSONRPCOutgoing.error(
                id: id,
                JSONRPCError(
                    .invalidRequest,
                    "Invalid Request: the message is \(byteCount) bytes or more, over the \(limit)-byte limit (--max-line-bytes); it was discarded",
                    data: ["limit": .int(limit)])))
    }

    /// A JSON-RPC batch: only a 2025-03-26 session must accept one. Responses go out as one array.
    private mutating func receiveBatch(_ batch: [JSONValue]) {
        guard case .handshake(let state) = era, state.revision?.acceptsBatches == true else {
            sink.send(
                JSONRPCOutgoing.error(
                    id: nil,
                    JSONRPCError(
                        .invalidRequest,
                        "Invalid Request: batches are accepted only in a 2025-03-26 session; send one message per line")
                ))
            return
        }
        guard !batch.isEmpty else {
            sink.send(JSONRPCOutgoing.error(id: nil, JSONRPCError(.invalidRequest, "Invalid Request: empty batch")))
            return
        }
        let replies = batch.compactMap { message -> JSONValue? in
            let reply = handle(message, inBatch: true)
            // A batch goes out as one array, so each reply settles before the next message runs.
            if let pending = takePendingReply(), let replacement = pending.replacement() { return replacement }
            return reply
        }
        if !replies.isEmpty { sink.send(.array(replies)) }
    }

    /// One message; returns the reply to send, or `nil` for notifications, responses and deferred calls.
    private mutating func handle(_ value: JSONValue, inBatch: Bool) -> JSONValue? {
        switch JSONRPCIncoming.classify(value) {
        case .invalid(let id, let error):
            return JSONRPCOutgoing.error(id: id, error)
        case .ignoredNotification:
            return nil
        case .notification(let method, let params):
            receiveNotification(method, params: params)
            return nil
        case .response(let id, let result, let error):
            receiveResponse(id: id, result: result, error: error)
            return nil
        case .request(let id, let method, let params):
            if case .undecided = era {
                let modern = method != MCPMethod.initialize.rawValue && RequestEnvelope.isPresent(in: params)
                era = modern ? .modern : .handshake(HandshakeState())
            }
            let reply: Result<JSONValue?, JSONRPCError>
            if case .modern = era {
                reply = Result { () throws(JSONRPCError) in try handleModern(id: id, method: method, params: params) }
            } else {
                reply = Result { () throws(JSONRPCError) in
                    try handleHandshake(id: id, method: method, params: params, inBatch: inBatch)
                }
            }
            switch reply {
            case .success(let result?): return JSONRPCOutgoing.result(id: id, result)
            case .success(nil): return nil
            case .failure(let error): return JSONRPCOutgoing.error(id: id, error)
            }
        }
    }

    /// Facts handlers report about the server as a whole.
    var environment: ServerEnvironment {
        let eraName: String = if case .modern = era { "modern" } else { "handshake" }
        return ServerEnvironment(
            configuration: configuration, tools: tools, resources: resources, prompts: prompts, eraName: eraName)
    }
}
