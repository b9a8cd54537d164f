package import OrchestratorJSON

/// A prompt the client can offer in its menu (`prompts/list`, `prompts/get`).
package protocol MCPPrompt: Sendable {
    var name: String { get }
    var title: String { get }
    var description: String { get }
    var arguments: [PromptArgument] { get }

    /// The messages for the given (already checked) arguments.
    func messages(_ arguments: [String: String], environment: ServerEnvironment) throws(JSONRPCError) -> [JSONValue]
    /// Values for `argument` that start with `prefix`, for `completion/complete`.
    func complete(_ argument: String, prefix: String, environment: ServerEnvironment) -> [String]
}

/// One argument of a prompt. Values are always strings on the wire.
package struct PromptArgument: Sendable {
    package let name: String
    package let description: String
    package let required: Bool

    package init(name: String, description: String, required: Bool) {
        self.name = name
        self.description = description
        self.required = required
    }

    package var json: JSONValue {
        ["name": .string(name), "description": .string(description), "required": .bool(required)]
    }
}

extension MCPPrompt {
    package func listing(for revision: ProtocolRevision) -> JSONValue {
        var entry: [String: JSONValue] = [
            "name": .string(name), "description": .string(description), "arguments": .array(arguments.map(\.json)),
        ]
        if revision.hasTitles { entry["title"] = .string(title) }
        return .object(entry)
    }

    /// A `user` message with one text block.
    package static func userText(_ text: String) -> JSONValue {
        ["role": "user", "content": ["type": "text", "text": .string(text)]]
    }
}
