package import OrchestratorJSON

/// A JSON-RPC request id: an integer or a string, echoed back exactly as received.
///
/// `0` and negative integers are ordinary ids, and so are integers written in another form or
/// beyond 64 bits (`1.0`, `1e2`, `9223372036854775808`): they are kept as written and echoed in
/// that very form. A number with a fractional part (`1.5`) is no id (MCP ids are strings or
/// integers): the request is refused `-32600`, but the answer still carries the id as written, so
/// the client can match it. Booleans, `null`, arrays and objects cannot be echoed meaningfully and
/// are answered with `"id": null`.
package enum JSONRPCID: Hashable, Sendable, CustomStringConvertible {
    case int(Int)
    case string(String)
    /// An integer value written in a form `Int` cannot hold, kept as written.
    case number(String)

    package init?(_ value: JSONValue) {
        switch value {
        case .int(let number): self = .int(number)
        case .string(let text): self = .string(text)
        case .numberLiteral(let text): self = .number(text)
        case .null, .bool, .double, .array, .object: return nil
        }
    }

    package var json: JSONValue {
        switch self {
        case .int(let number): .int(number)
        case .string(let text): .string(text)
        case .number(let text): .numberLiteral(text)
        }
    }

    /// Whether the id is an integer (or a string): false only for a number with a nonzero fraction.
    package var isIntegral: Bool {
        guard case .number(let text) = self else { return true }
        return Self.isIntegral(literal: text)
    }

    /// Decides from the digits, not through `Double`, so `1.0000000000000000001` is not integral.
    static func isIntegral(literal: String) -> Bool {
        var text = Substring(literal)
        if text.first == "-" { text = text.dropFirst() }
        var exponent = 0
        if let mark = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(text[text.index(after: mark)...]) ?? 0
            text = text[..<mark]
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let whole = parts[0]
        let fraction = parts.count > 1 ? parts[1] : ""
        let digits = Array(whole + fraction)
        let point = whole.count + exponent
        return digits.indices.allSatisfy { $0 < point || digits[$0] == "0" }
    }

    package var description: String { json.description }
}
