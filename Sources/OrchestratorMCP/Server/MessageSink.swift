package import OrchestratorJSON

/// Where the server's outgoing messages go: stdout in production, an array in tests.
///
/// Each `send` is one complete message, written as one line in one write.
package protocol MessageSink: AnyObject {
    func send(_ message: JSONValue)
    /// A notification or a server request that belongs to the client's request `request`: a
    /// transport with a stream per request (Streamable HTTP) sends it there; stdio writes it in line.
    func send(_ message: JSONValue, relatedTo request: JSONRPCID?)
    /// Sends `message` once the changes of its call are durable, or the failure `pending` answers
    /// instead; a transport may prepare the message meanwhile.
    func send(_ message: JSONValue, once pending: PendingReply)
}

extension MessageSink {
    package func send(_ message: JSONValue, relatedTo request: JSONRPCID?) { send(message) }

    package func send(_ message: JSONValue, once pending: PendingReply) { send(pending.replacement() ?? message) }
}

/// A sink that keeps every message, for tests and transcripts.
package final class CollectingSink: MessageSink {
    package private(set) var messages: [JSONValue] = []

    package init() {}

    package func send(_ message: JSONValue) { messages.append(message) }

    /// Returns what arrived since the last call and forgets it.
    package func drain() -> [JSONValue] {
        defer { messages.removeAll() }
        return messages
    }
}
