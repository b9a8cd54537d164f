package import OrchestratorJSON

/// A protocol-level failure, answered as a JSON-RPC error object.
///
/// Domain refusals and bad tool arguments are not `JSONRPCError`s: they travel as tool results with
/// `isError: true` (see `ToolFailure`). This type is for what the digest maps to error codes.
package struct JSONRPCError: Error, Equatable, Sendable, CustomStringConvertible {
    package enum Code: Int, Sendable {
        case parseError = -32700
        case invalidRequest = -32600
        case methodNotFound = -32601
        case invalidParams = -32602
        case internalError = -32603
        /// Handshake-era resource-not-found (2026 uses `invalidParams`).
        case resourceNotFound = -32002
        /// 2026: the client needs a capability it did not declare.
        case missingRequiredClientCapability = -32021
        /// 2026: the envelope names a protocol version we do not speak.
        case unsupportedProtocolVersion = -32022
    }

    package let code: Code
    package let message: String
    package let data: JSONValue?

    package init(_ code: Code, _ message: String, data: JSONValue? = nil) {
        self.code = code
        self.message = message
        self.data = data
    }

    package var json: JSONValue {
        var object: [String: JSONValue] = ["code": .int(code.rawValue), "message": .string(message)]
        if let data { object["data"] = data }
        return .object(object)
    }

    package var description: String { "\(code.rawValue) \(message)" }

    package static func methodNotFound(_ method: String) -> JSONRPCError {
        JSONRPCError(.methodNotFound, "Method not found", data: .string(method))
    }

    package static func invalidParams(_ sentence: String) -> JSONRPCError {
        JSONRPCError(.invalidParams, sentence)
    }
}
