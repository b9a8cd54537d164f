internal import OrchestratorJSON

/// A handshake-era tool call waiting for the client to answer the server's own requests.
///
/// The tool asked questions (`ToolOutcome.inputRequired`); each was sent as a JSON-RPC request with
/// a server-chosen id. When every answer is in, the tool runs again with them, just as a 2026 client
/// would retry with `inputResponses`. A `notifications/cancelled` for the client's request drops it.
struct PendingToolCall {
    let toolName: String
    let arguments: [String: JSONValue]
    var state: String?
    /// The context of the original request: its revision, capabilities, client and progress token.
    let context: RequestContext
    /// Server request id → the key the tool gave that question.
    var awaiting: [JSONRPCID: String]
    var responses: [String: JSONValue]
    /// How many question rounds this call has had; bounded so a tool cannot loop forever.
    var round: Int
}
