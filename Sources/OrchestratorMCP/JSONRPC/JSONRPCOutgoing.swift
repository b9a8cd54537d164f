package import OrchestratorJSON

/// Builders for the messages we write. Every message is a complete JSON-RPC 2.0 object.
package enum JSONRPCOutgoing {
    package static func result(id: JSONRPCID, _ result: JSONValue) -> JSONValue {
        ["jsonrpc": "2.0", "id": id.json, "result": result]
    }

    /// An error response; `id` is `null` when the request's id could not be read.
    package static func error(id: JSONRPCID?, _ error: JSONRPCError) -> JSONValue {
        ["jsonrpc": "2.0", "id": id?.json ?? .null, "error": error.json]
    }

    package static func notification(_ method: String, _ params: JSONValue) -> JSONValue {
        ["jsonrpc": "2.0", "method": .string(method), "params": params]
    }

    package static func request(id: JSONRPCID, _ method: String, _ params: JSONValue) -> JSONValue {
        ["jsonrpc": "2.0", "id": id.json, "method": .string(method), "params": params]
    }
}
