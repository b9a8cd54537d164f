package import OrchestratorJSON

/// A JSON-RPC request id: an integer or a string, echoed back exactly as received.
///
/// `0` and negative integers are ordinary ids. Booleans, fractions, `null`, arrays and objects are not
/// ids at all; a request carrying one is answered `-32600` with `"id": null`.
package enum JSONRPCID: Hashable, Sendable, CustomStringConvertible {
    case int(Int)
    case string(String)

    package init?(_ value: JSONValue) {
        switch value {
        case .int(let number): self = .int(number)
        case .string(let text): self = .string(text)
        default: return nil
        }
    }

    package var json: JSONValue {
        switch self {
        case .int(let number): .int(number)
        case .string(let text): .string(text)
        }
    }

    package var description: String { json.description }
}
