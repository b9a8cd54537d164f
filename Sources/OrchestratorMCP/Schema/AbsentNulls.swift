package import OrchestratorJSON

/// `null` for an optional field means the field is absent. Clients that fill every declared property
/// (mcp-use, LangChain, LlamaIndex, OpenAI strict conversions) send `null` for the ones they leave
/// out; no tool gives `null` a meaning of its own in a declared field, so such members are removed
/// before the arguments are checked. Declared nested objects (a report, a task of a plan) are cleaned
/// the same way; free-form objects (a run's context, pattern parameters) keep their nulls, where
/// `null` removes a key.
package enum AbsentNulls {
    package static func removed(from members: [String: JSONValue], schema: JSONValue) -> [String: JSONValue] {
        guard let properties = schema["properties"]?.objectValue else { return members }
        var cleaned: [String: JSONValue] = [:]
        for (name, value) in members {
            let property = properties[name] ?? .null
            switch value {
            case .null where properties[name] != nil && !allowsNull(property):
                continue
            case .object(let inner) where property["properties"] != nil:
                cleaned[name] = .object(removed(from: inner, schema: property))
            case .array(let items) where property["items"]?["properties"] != nil:
                cleaned[name] = .array(
                    items.map { item in
                        guard case .object(let inner) = item, let itemSchema = property["items"] else { return item }
                        return .object(removed(from: inner, schema: itemSchema))
                    })
            default:
                cleaned[name] = value
            }
        }
        return cleaned
    }

    private static func allowsNull(_ schema: JSONValue) -> Bool {
        if schema["type"] == "null" { return true }
        if case .array(let types)? = schema["type"], types.contains("null") { return true }
        return schema["anyOf"]?.arrayValue?.contains(where: allowsNull) ?? false
    }
}
