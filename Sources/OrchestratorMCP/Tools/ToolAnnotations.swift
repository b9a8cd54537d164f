package import OrchestratorJSON

/// Behaviour hints for clients (2025-03-26+). Every hint is stated explicitly, never left to defaults.
package struct ToolAnnotations: Sendable, Equatable {
    package var readOnly: Bool
    package var destructive: Bool
    package var idempotent: Bool
    /// Our tools only touch the local state file, so this is false for all of them.
    package var openWorld: Bool = false

    package init(readOnly: Bool, destructive: Bool, idempotent: Bool) {
        self.readOnly = readOnly
        self.destructive = destructive
        self.idempotent = idempotent
    }

    package static let readOnly = ToolAnnotations(readOnly: true, destructive: false, idempotent: true)
    /// Adds or moves something forward; calling twice does more than calling once.
    package static let change = ToolAnnotations(readOnly: false, destructive: false, idempotent: false)
    /// Removes something from view (it can be restored).
    package static let removal = ToolAnnotations(readOnly: false, destructive: true, idempotent: false)

    /// The hints, with `title` only where the revision has no `Tool.title` to carry it
    /// (2025-03-26); repeating it costs every client context for nothing.
    package func json(title: String?) -> JSONValue {
        var object: [String: JSONValue] = [
            "readOnlyHint": .bool(readOnly),
            "destructiveHint": .bool(destructive),
            "idempotentHint": .bool(idempotent),
            "openWorldHint": .bool(openWorld),
        ]
        object["title"] = title.map(JSONValue.string)
        return .object(object)
    }
}
