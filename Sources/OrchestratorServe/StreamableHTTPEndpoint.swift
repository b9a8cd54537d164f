internal import OrchestratorBoard
internal import OrchestratorHTTP
internal import OrchestratorJSON
package import OrchestratorMCP
package import OrchestratorSystem

/// MCP's Streamable HTTP on one endpoint, `/mcp`: sessions in the handshake era (2025-03-26 …
/// 2025-11-25: `initialize` opens one, `Mcp-Session-Id` names it, DELETE ends it), and stateless
/// requests in 2026-07-28 (each carries its envelope). A request's answer is one JSON object, or a
/// stream of server-sent events when notifications, questions or a wait come first.
package final class StreamableHTTPEndpoint: @unchecked Sendable {
    private let makeServer: @Sendable (any MessageSink) -> MCPServer
    private let lock = Lock()
    private var sessions: [String: Conversation] = [:]
    /// 2026 conversations free for the next stateless request.
    private var idle: [Conversation] = []
    private let waker: ConversationWaker

    /// Sessions open at once; one more `initialize` is answered 503.
    static let maximumSessions = 256
    /// A session unused this long (and not waiting) is forgotten.
    static let sessionIdleMilliseconds: Int64 = 60 * 60 * 1000

    package init(changes: StateChanges, makeServer: @escaping @Sendable (any MessageSink) -> MCPServer) {
        self.makeServer = makeServer
        waker = ConversationWaker(changes: changes)
        waker.settled = { [weak self] conversation in
            if conversation.sessionID == nil { self?.giveBack(conversation) }
        }
    }

    /// `POST /mcp`: one JSON-RPC message.
    func post(_ request: HTTPRequest, caller: Caller?) -> HTTPResponse {
        let message: JSONValue
        do {
            message = try JSONParser.parse(request.body, keepsMessageIDs: true)
        } catch {
            return Self.error(400, .parseError, "Parse error: \(error)")
        }
        guard case .object(let fields) = message else {
            return Self.error(400, .invalidRequest, "Invalid Request: send one JSON-RPC message per POST (no batches)")
        }
        let method = fields["method"]?.stringValue
        let id = method == nil ? nil : fields["id"].flatMap(JSONRPCID.init)
        // A request's answer needs its slot (a pipe): made first, so a server out of descriptors says so
        // instead of handling a request it could not answer.
        var slot: ResponseSlot?
        if id != nil {
            guard let made = ResponseSlot() else {
                return Self.error(
                    503, .internalError, "Service Unavailable: the server has no file descriptor left; try again")
            }
            slot = made
        }
        let conversation: Conversation
        var opened: String?
        if let sessionID = request.header("mcp-session-id") {
            guard let found = lock.withLock({ sessions[sessionID] }) else {
                return Self.error(404, .invalidRequest, "Session not found: it ended or expired; send initialize again")
            }
            guard found.owner == caller else {
                return Self.error(403, .invalidRequest, "This session was opened with another token")
            }
            if let version = request.header("mcp-protocol-version"), ProtocolRevision(rawValue: version) == nil {
                return Self.error(400, .invalidRequest, "Unsupported MCP-Protocol-Version: \(version)")
            }
            conversation = found
        } else if method == MCPMethod.initialize.rawValue {
            guard let session = openSession(caller: caller) else {
                return Self.error(503, .internalError, "Too many open sessions; end one (DELETE) or try later")
            }
            conversation = session
            opened = session.sessionID
        } else if let params = fields["params"]?.objectValue, RequestEnvelope.isPresent(in: params) {
            let version = params["_meta"]?[RequestEnvelope.protocolVersionKey]?.stringValue
            if let header = request.header("mcp-protocol-version"), header != version {
                return Self.error(
                    400, .invalidRequest,
                    "HeaderMismatch: MCP-Protocol-Version \(header) differs from the request's _meta protocol version")
            }
            guard id != nil else { return HTTPResponse(status: 202) }
            conversation = borrow(caller: caller)
        } else if method == nil || id == nil {
            return Self.error(400, .invalidRequest, "Bad Request: Mcp-Session-Id is required after initialize")
        } else {
            return Self.error(
                400, .invalidRequest,
                "Bad Request: a request without Mcp-Session-Id must be initialize or carry the 2026-07-28 _meta envelope"
            )
        }
        conversation.receive(request.body, request: id, slot: slot, caller: caller)
        if conversation.isWaiting { waker.watch(conversation) }
        guard let id, let slot else {
            return HTTPResponse(status: 202)
        }
        var headers: [(name: String, value: String)] = []
        if let opened { headers.append(("Mcp-Session-Id", opened)) }
        let (messages, answered) = slot.take()
        if answered, messages.count == 1, let only = messages.first {
            finish(id, in: conversation)
            if let opened, only["error"] != nil { close(opened) }
            return .text(
                conversation.sessionID == nil ? Self.modernStatus(only) : 200, JSONWriter.string(from: only),
                type: "application/json", headers: headers)
        }
        return HTTPResponse(
            status: 200,
            headers: [
                ("Content-Type", "text/event-stream"), ("Cache-Control", "no-store"), ("X-Accel-Buffering", "no"),
            ]
                + headers,
            body: .eventStream { [self] stream in
                defer { finish(id, in: conversation) }
                var answered = answered
                for message in messages { guard stream.send(data: JSONWriter.string(from: message)) else { return } }
                while !answered {
                    switch stream.wait(on: slot.wake, milliseconds: 15_000) {
                    case .closed:
                        // In 2026 closing the stream cancels the request; before, it only loses the answer.
                        if conversation.sessionID == nil { cancel(id, in: conversation) }
                        return
                    case .timedOut:
                        guard stream.comment("waiting") else { return }
                    case .ready:
                        let more = slot.take()
                        answered = more.answered
                        for message in more.messages {
                            guard stream.send(data: JSONWriter.string(from: message)) else { return }
                        }
                    }
                }
            })
    }

    /// mcp-taskmanager's routes: `POST /list-tools` and `POST /call-tool` with one JSON-RPC request
    /// (`tools/list`, `tools/call`), answered with one JSON-RPC response, statelessly.
    func taskmanagerRoute(_ request: HTTPRequest, method: String, caller: Caller?) -> HTTPResponse {
        guard case .object(var message)? = try? JSONParser.parse(request.body, keepsMessageIDs: true),
            message["method"]?.stringValue == method, message["id"].flatMap(JSONRPCID.init) != nil
        else {
            return Self.error(
                400, .invalidRequest,
                "Invalid Request: send one JSON-RPC request {\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"\(method)\", …}"
            )
        }
        // The route is the 2026 stateless form of the same request: the envelope is added here.
        var params = message["params"]?.objectValue ?? [:]
        var meta = params["_meta"]?.objectValue ?? [:]
        meta[RequestEnvelope.protocolVersionKey] = .string(ProtocolRevision.modern.last?.rawValue ?? "2026-07-28")
        meta[RequestEnvelope.clientCapabilitiesKey] = [:]
        meta[RequestEnvelope.clientInfoKey] = ["name": "mcp-taskmanager route", "version": "1"]
        params["_meta"] = .object(meta)
        message["params"] = .object(params)
        var forwarded = request
        forwarded.body = JSONWriter.bytes(from: .object(message))
        forwarded.removeHeader("mcp-protocol-version")
        return post(forwarded, caller: caller)
    }

    /// `DELETE /mcp`: ends the session.
    func delete(_ request: HTTPRequest, caller: Caller?) -> HTTPResponse {
        guard let sessionID = request.header("mcp-session-id") else {
            return Self.error(400, .invalidRequest, "Bad Request: DELETE needs Mcp-Session-Id")
        }
        guard let found = lock.withLock({ sessions[sessionID] }) else {
            return Self.error(404, .invalidRequest, "Session not found")
        }
        guard found.owner == caller else {
            return Self.error(403, .invalidRequest, "This session was opened with another token")
        }
        close(sessionID)
        return HTTPResponse(status: 204)
    }

    private func openSession(caller: Caller?) -> Conversation? {
        let now = Monotonic.milliseconds()
        return lock.withLock {
            sessions = sessions.filter { now - $0.value.lastUsed < Self.sessionIdleMilliseconds || $0.value.isWaiting }
            guard sessions.count < Self.maximumSessions else { return nil }
            let session = Conversation(sessionID: BoardSecurity.secret(), owner: caller, makeServer: makeServer)
            sessions[session.sessionID ?? ""] = session
            return session
        }
    }

    private func close(_ sessionID: String) {
        lock.withLock { sessions[sessionID] = nil }
    }

    /// A 2026 conversation for one stateless request: an idle one, else a new one.
    private func borrow(caller: Caller?) -> Conversation {
        lock.withLock { idle.popLast() } ?? Conversation(sessionID: nil, owner: nil, makeServer: makeServer)
    }

    private func giveBack(_ conversation: Conversation) {
        lock.withLock { if idle.count < 64 { idle.append(conversation) } }
    }

    /// The request's HTTP answer is over; a 2026 conversation with nothing waiting is free again.
    private func finish(_ id: JSONRPCID, in conversation: Conversation) {
        conversation.release(id)
        if conversation.sessionID == nil, !conversation.isWaiting { giveBack(conversation) }
    }

    private func cancel(_ id: JSONRPCID, in conversation: Conversation) {
        let notice: JSONValue = [
            "jsonrpc": "2.0", "method": "notifications/cancelled", "params": ["requestId": id.json],
        ]
        conversation.receive(JSONWriter.bytes(from: notice), request: nil, slot: nil, caller: nil)
    }

    /// 2026 maps two JSON-RPC errors onto HTTP statuses: an unknown method is 404, an unsupported
    /// version 400.
    static func modernStatus(_ reply: JSONValue) -> Int {
        switch reply["error"]?["code"]?.intValue {
        case JSONRPCError.Code.methodNotFound.rawValue?: 404
        case JSONRPCError.Code.unsupportedProtocolVersion.rawValue?: 400
        default: 200
        }
    }

    /// An HTTP error whose body is a JSON-RPC error without an id, as the transport allows.
    static func error(_ status: Int, _ code: JSONRPCError.Code, _ message: String) -> HTTPResponse {
        let body: JSONValue = [
            "jsonrpc": "2.0", "id": nil, "error": ["code": .int(code.rawValue), "message": .string(message)],
        ]
        return .text(status, JSONWriter.string(from: body), type: "application/json")
    }
}
