internal import OrchestratorJSON
internal import OrchestratorMCP
internal import OrchestratorSystem

/// One MCP server value and the HTTP requests it is answering: a handshake-era session, or a 2026
/// server lent to one stateless request at a time. The server is used by one thread at a time (its
/// lock); what it says is routed to the slot of the client request it belongs to.
final class Conversation: MessageSink, @unchecked Sendable {
    /// Serializes the server: a request, a wake, a cancellation.
    let lock = Lock()
    private var server: MCPServer?
    private let slotsLock = Lock()
    private var slots: [JSONRPCID: ResponseSlot] = [:]
    /// The session id (handshake era); `nil` for a 2026 conversation.
    let sessionID: String?
    /// The caller the session was opened by; every later request must present the same token.
    let owner: Caller?
    /// Monotonic milliseconds of the last request, for expiry: behind a lock of its own, so the
    /// endpoint's expiry never waits behind a request the server is handling.
    var lastUsed: Int64 { used.current }
    private let used = Locked(Monotonic.milliseconds())

    init(sessionID: String?, owner: Caller?, makeServer: (any MessageSink) -> MCPServer) {
        self.sessionID = sessionID
        self.owner = owner
        server = makeServer(self)
        server?.caller = owner
    }

    /// Hands one message to the server; a request's answer arrives in `slot`, made by the caller
    /// before anything happens (a request without one would be handled with nowhere to answer).
    func receive(_ body: [UInt8], request id: JSONRPCID?, slot: ResponseSlot?, caller: Caller?) {
        if let id, let slot { slotsLock.withLock { slots[id] = slot } }
        used.withLock { $0 = Monotonic.milliseconds() }
        lock.withLock {
            server?.caller = caller
            server?.receive(body)
        }
    }

    /// The request's HTTP response is over: forget its slot.
    func release(_ id: JSONRPCID) {
        slotsLock.withLock { slots[id] = nil }
    }

    /// Whether a call waits for a change (so the waker wakes it).
    var isWaiting: Bool { lock.withLock { server?.isWaiting ?? false } }

    func millisecondsUntilDue() -> Int32? { lock.withLock { server?.millisecondsUntilDue() } }

    func wake(stateChanged: Bool) {
        lock.withLock { server?.wake(stateChanged: stateChanged) }
    }

    // MARK: MessageSink

    func send(_ message: JSONValue) {
        // A response goes to its own request's slot; anything else unrelated has no stream to go on.
        guard message["method"] == nil, let id = message["id"].flatMap(JSONRPCID.init) else { return }
        slotsLock.withLock { slots[id] }?.push(message, final: true)
    }

    func send(_ message: JSONValue, relatedTo request: JSONRPCID?) {
        guard let request, let slot = slotsLock.withLock({ slots[request] }) else { return send(message) }
        slot.push(message, final: false)
    }
}
