package import OrchestratorJSON

/// What a tool call produced: a finished result, or questions for the person first.
package enum ToolOutcome {
    case complete(ToolOutput)
    /// The tool needs answers before it can finish. In 2026 this is an `input_required` result; in
    /// the handshake era the server sends each request to the client and calls the tool again with
    /// the answers, exactly as a 2026 client would retry.
    case inputRequired(requests: [String: InputRequest], state: String?)
    /// Nothing the call waits for has happened yet (`waitSeconds`): the server parks it, runs the tool
    /// again whenever the state file changes, and a last time when the wait ends. Only a tool whose
    /// invocation `mayWait` returns it. The text says what it waits for, for progress messages.
    case waiting(for: String)
}

/// A successful tool result: typed data matching the tool's `outputSchema`, and readable text.
package struct ToolOutput {
    package let structured: JSONValue
    package let text: String
    /// The result's `_meta`, when it has one (an MCP App to show it with).
    package var meta: [String: JSONValue] = [:]

    /// A result made of declared fields (`ResultField`); a member without a value is left out.
    package init(fields: [ResultMember?], text: String) {
        self.init(structured: ResultFields.object(fields), text: text)
    }

    /// A result a typed report or view wrote whole, with the schema it declares beside it.
    package init(structured: JSONValue, text: String) {
        self.structured = structured
        self.text = text
    }

}

/// A server→client request a tool needs answered (`elicitation/create`, …), without JSON-RPC framing.
package struct InputRequest: Sendable, Equatable {
    package let method: String
    package let params: JSONValue

    package init(method: String, params: JSONValue) {
        self.method = method
        self.params = params
    }

    /// A form elicitation asking the person to fill in `schema`.
    package static func elicitation(message: String, schema: JSONValue) -> InputRequest {
        InputRequest(
            method: "elicitation/create",
            params: ["mode": "form", "message": .string(message), "requestedSchema": schema])
    }

    package var json: JSONValue { ["method": .string(method), "params": params] }
}
