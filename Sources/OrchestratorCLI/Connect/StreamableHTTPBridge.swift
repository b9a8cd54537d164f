internal import Dispatch
internal import OrchestratorCore
internal import OrchestratorEvidence
internal import OrchestratorHTTP
internal import OrchestratorJSON
internal import OrchestratorSystem

/// A stdio MCP server in front of a shared server (`serve --http`): each JSON-RPC line from the
/// client is POSTed to the MCP endpoint with the agent's bearer token, and every message of the answer
/// (a JSON body, or the events of the call's stream, questions to the client included) is written back
/// as a line. Requests run side by side, each on a thread of its own, so a waiting call
/// (`waitSeconds`) or a question the person is answering never holds up the others; `initialize`
/// goes first, alone, and its `Mcp-Session-Id` rides on everything after it.
///
/// In a git working tree it also takes the evidence the server cannot (`BridgeEvidence`): a snapshot
/// when `get_next_task` claims a task (before the agent reads the answer), and the round's change
/// attached to `mark_task_done` in `params._meta`.
final class StreamableHTTPBridge: Sendable {
    private let endpoint: HTTPEndpoint
    private let token: String?
    private let evidence: BridgeEvidence?
    private let write: @Sendable (String) -> Void
    private let note: @Sendable (String) -> Void
    /// The session's id and revision, learned from `initialize`'s answer.
    private let session = Locked<(id: String?, protocolVersion: String?)>((nil, nil))
    private let inFlight = DispatchGroup()

    init(
        endpoint: HTTPEndpoint, token: String?, evidence: BridgeEvidence?, write: @escaping @Sendable (String) -> Void,
        note: @escaping @Sendable (String) -> Void
    ) {
        self.endpoint = endpoint
        self.token = token
        self.evidence = evidence
        self.write = write
        self.note = note
    }

    /// Sends one line from the client on.
    func forward(_ line: String) {
        guard line.contains(where: { !$0.isWhitespace }) else { return }
        let message = try? JSONParser.parse(line)
        let id = message?["id"]
        let method = message?["method"]?.stringValue
        guard let id, method != nil, method != "initialize" else {
            // The handshake, notifications and the client's answers go in order, one at a time.
            exchange(line, id: id, initializing: method == "initialize")
            return
        }
        let tool = method == "tools/call" ? message?["params"]?["name"]?.stringValue : nil
        inFlight.enter()
        let started = DetachedThread.start { [self] in
            exchange(withEvidence(line, message: message, tool: tool), id: id, initializing: false, tool: tool)
            inFlight.leave()
        }
        if !started {
            inFlight.leave()
            write(Self.error(for: id, "connect: no thread could be started for this request; try again"))
        }
    }

    /// Waits for the requests still running, then ends the session.
    func finish() {
        inFlight.wait()
        guard let session = session.current.id else { return }
        _ = try? HTTPClientExchange(endpoint, method: "DELETE", headers: headers(session: session), body: []).status
    }

    private func headers(session: String?) -> [(String, String)] {
        var headers = [("Content-Type", "application/json"), ("Accept", "application/json, text/event-stream")]
        if let token { headers.append(("Authorization", "Bearer \(token)")) }
        if let session { headers.append(("Mcp-Session-Id", session)) }
        if let version = self.session.current.protocolVersion { headers.append(("MCP-Protocol-Version", version)) }
        return headers
    }

    /// A `mark_task_done` goes on with the round's change attached; any other line as it came.
    private func withEvidence(_ line: String, message: JSONValue?, tool: String?) -> String {
        guard let evidence, tool == "mark_task_done", case .object(var params)? = message?["params"],
            let task = params["arguments"]?["taskId"]?.stringValue, case .object(var whole)? = message
        else { return line }
        var meta = params["_meta"]?.objectValue ?? [:]
        meta[BridgeAttachment.key] = evidence.attachment(for: WorkTask.ID(task))
        params["_meta"] = .object(meta)
        whole["params"] = .object(params)
        return JSONWriter.string(from: .object(whole))
    }

    private func exchange(_ line: String, id: JSONValue?, initializing: Bool, tool: String? = nil) {
        let answer: HTTPClientExchange
        do {
            answer = try HTTPClientExchange(
                endpoint, method: "POST", headers: headers(session: session.current.id),
                body: Array(line.utf8))
        } catch {
            note("mcp-orchestrator connect: \(error.description)")
            if let id { write(Self.error(for: id, "connect: \(error.description)")) }
            return
        }
        if let id = answer.headers["mcp-session-id"] { session.withLock { $0.id = id } }
        if answer.status == 202 || answer.status == 204 { return }
        if answer.headers["content-type"]?.hasPrefix("text/event-stream") == true {
            var data: [String] = []
            while let bytes = answer.nextLine() {
                let text = String(decoding: bytes, as: UTF8.self)
                if text.isEmpty {
                    if !data.isEmpty {
                        deliver(data.joined(separator: "\n"), initializing: initializing, answering: id, tool: tool)
                    }
                    data.removeAll()
                } else if text.hasPrefix("data:") {
                    data.append(String(text.dropFirst(text.hasPrefix("data: ") ? 6 : 5)))
                }
            }
            if !data.isEmpty {
                deliver(data.joined(separator: "\n"), initializing: initializing, answering: id, tool: tool)
            }
            return
        }
        let body = String(decoding: answer.body(), as: UTF8.self)
        if !deliver(body, initializing: initializing, answering: id, tool: tool), let id {
            let said = body.split(separator: "\n").first.map(String.init) ?? ""
            note("mcp-orchestrator connect: the shared server answered \(answer.status): \(said)")
            write(Self.error(for: id, "the shared server answered HTTP \(answer.status): \(said)"))
        }
    }

    /// Writes one JSON-RPC message to the client as one line (parsed once: the answer to `initialize`
    /// also sets the revision header); `false`, writing nothing, when `text` is not one.
    /// The answer to a relayed `get_next_task` is shown to the bridge's evidence first, so a round's
    /// snapshot is taken before the agent learns of the task.
    @discardableResult
    private func deliver(_ text: String, initializing: Bool, answering id: JSONValue? = nil, tool: String? = nil)
        -> Bool
    {
        guard let message = try? JSONParser.parse(text), message["jsonrpc"] != nil else { return false }
        if initializing, let version = message["result"]?["protocolVersion"]?.stringValue {
            session.withLock { $0.protocolVersion = version }
        }
        if let evidence, tool == "get_next_task", let id, message["id"] == id, let result = message["result"] {
            evidence.answered(result)
        }
        write(JSONWriter.string(from: message))
        return true
    }

    /// A JSON-RPC error answering `id` when the shared server could not be reached or refused.
    static func error(for id: JSONValue, _ message: String) -> String {
        JSONWriter.string(
            from: ["jsonrpc": "2.0", "id": id, "error": ["code": -32000, "message": .string(message)]] as JSONValue)
    }
}
