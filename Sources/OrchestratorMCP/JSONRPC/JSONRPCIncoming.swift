package import OrchestratorJSON

/// One decoded incoming JSON-RPC message, classified once by its shape.
///
/// `method` + `id` is a request, `method` alone a notification, `result`/`error` + `id` a response to
/// one of our own requests. Anything else is invalid and, when it has a readable id, answered with it.
package enum JSONRPCIncoming: Equatable, Sendable {
    case request(id: JSONRPCID, method: String, params: [String: JSONValue]?)
    case notification(method: String, params: [String: JSONValue]?)
    case response(id: JSONRPCID, result: JSONValue?, error: JSONValue?)
    /// Not a message we can act on; `id` is set when one could be read, so the error can echo it.
    case invalid(id: JSONRPCID?, error: JSONRPCError)
    /// A notification so malformed it cannot be acted on; notifications are never answered.
    case ignoredNotification(reason: String)

    package static func classify(_ value: JSONValue) -> JSONRPCIncoming {
        guard case .object(let message) = value else {
            return .invalid(
                id: nil,
                error: JSONRPCError(
                    .invalidRequest, "Invalid Request: a message must be a JSON object, not \(value.typeName)"))
        }
        let rawID = message["id"]
        let id = rawID.flatMap(JSONRPCID.init)
        if let rawID, id == nil {
            return .invalid(
                id: nil,
                error: JSONRPCError(
                    .invalidRequest,
                    "Invalid Request: id must be a string or an integer, not \(rawID.isNull ? "null" : rawID.typeName)")
            )
        }
        if let id, !id.isIntegral {
            return .invalid(
                id: id,
                error: JSONRPCError(
                    .invalidRequest,
                    "Invalid Request: id must be a string or an integer, not \(id) (a number with a fraction)"))
        }
        guard message["jsonrpc"] == .string("2.0") else {
            return .invalid(
                id: id, error: JSONRPCError(.invalidRequest, "Invalid Request: \"jsonrpc\" must be \"2.0\""))
        }
        if let methodValue = message["method"] {
            guard case .string(let method) = methodValue else {
                return id == nil
                    ? .ignoredNotification(reason: "method is not a string")
                    : .invalid(id: id, error: JSONRPCError(.invalidRequest, "Invalid Request: method must be a string"))
            }
            let params: [String: JSONValue]?
            switch message["params"] {
            case nil, .null?: params = nil
            case .object(let members)?: params = members
            case let other?:
                guard let id else { return .ignoredNotification(reason: "params of \(method) is not an object") }
                return .invalid(
                    id: id,
                    error: JSONRPCError(
                        .invalidParams, "Invalid params: params must be an object, not \(other.typeName)"))
            }
            guard let id else { return .notification(method: method, params: params) }
            return .request(id: id, method: method, params: params)
        }
        if message["result"] != nil || message["error"] != nil {
            guard let id else {
                return .ignoredNotification(reason: "a response without an id cannot be matched")
            }
            return .response(id: id, result: message["result"], error: message["error"])
        }
        return .invalid(
            id: id,
            error: JSONRPCError(.invalidRequest, "Invalid Request: a message needs a method, or a result or error"))
    }
}
