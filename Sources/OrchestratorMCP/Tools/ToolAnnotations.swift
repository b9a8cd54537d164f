package import OrchestratorJSON

/// Behaviour hints for clients (2025-03-26+). Every hint is stated explicitly, never left to defaults.
package struct ToolAnnotations: Sendable, Equatable {
    package var readOnly: Bool
    package var destructive: Bool
    package var idempotent: Bool
    /// Our tools only touch the local state file, so this is false for all of them.
    package var openWorld: Bool = false

    package static let readOnly = ToolAnnotations(readOnly: true, destructive: false, idempotent: true)

    package func json(title: String) -> JSONValue {
        [
            "title": .string(title),
            "readOnlyHint": .bool(readOnly),
            "destructiveHint": .bool(destructive),
            "idempotentHint": .bool(idempotent),
            "openWorldHint": .bool(openWorld),
        ]
    }
}
