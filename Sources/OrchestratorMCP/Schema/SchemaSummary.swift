package import OrchestratorJSON

/// The published form of an output schema: its top-level fields with their types, nested shapes
/// left out.
///
/// Tool definitions cost every client part of its context window, and the full shapes of tasks,
/// requests and runs would triple `tools/list`. Clients validate `structuredContent` against what
/// is published, which the full shape always satisfies; the server's own tests hold every result to
/// the full schema (`MCPTool.outputSchema`).
package enum SchemaSummary {
    package static func summarize(_ schema: JSONValue) -> JSONValue {
        guard case .object(var top) = schema, case .object(let properties)? = top["properties"] else { return schema }
        top["properties"] = .object(properties.mapValues(shallow))
        return .object(top)
    }

    /// A field reduced to its type (and its allowed values, which are short and useful to a model).
    private static func shallow(_ field: JSONValue) -> JSONValue {
        guard case .object(let rules) = field else { return field }
        var kept: [String: JSONValue] = [:]
        for key in ["type", "enum", "const"] { kept[key] = rules[key] }
        return .object(kept)
    }
}
