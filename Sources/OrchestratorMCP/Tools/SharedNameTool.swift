internal import OrchestratorCore
package import OrchestratorJSON

/// Several tool sets' tools that share one name, served as one tool that accepts every shape
/// (when two tool sets share a name, one tool accepts both shapes): `update_task {requestId, taskId, …}` from the default set and
/// `update_task {task_id, …}` from orchestrator-server, for example.
///
/// The published input schema is the union of the variants' fields with none required; a call goes
/// to the first variant whose own schema the arguments satisfy, so each variant still enforces its
/// fields. Arguments no variant accepts get the violation of the variant they come closest to.
package struct SharedNameTool: MCPTool {
    let variants: [any MCPTool]

    /// - Precondition: at least two variants, all with the same name.
    init(_ variants: [any MCPTool]) { self.variants = variants }

    package var name: String { variants[0].name }
    package var title: String { variants[0].title }
    package var description: String {
        variants.map { "(\($0.toolset.rawValue)) \($0.description)" }.joined(separator: " ")
    }
    package var toolset: Toolset { variants[0].toolset }
    package var toolsets: [Toolset] { variants.flatMap(\.toolsets) }
    package var acceptsWrappedArguments: Bool { variants.contains { $0.acceptsWrappedArguments } }
    package var annotations: ToolAnnotations {
        ToolAnnotations(
            readOnly: variants.allSatisfy(\.annotations.readOnly),
            destructive: variants.contains(where: \.annotations.destructive),
            idempotent: variants.allSatisfy(\.annotations.idempotent))
    }
    package var inputSchema: JSONValue { Self.union(variants.map(\.inputSchema), closed: true) }
    package var outputSchema: JSONValue { Self.union(variants.map(\.outputSchema), closed: false) }

    package func call(_ invocation: ToolInvocation) throws(ToolFailure) -> ToolOutcome {
        let arguments = JSONValue.object(invocation.arguments)
        var closest: (variant: any MCPTool, violation: SchemaViolation, known: Int)?
        for variant in variants {
            guard let violation = SchemaValidator.firstViolation(of: arguments, against: variant.inputSchema) else {
                return try variant.call(invocation)
            }
            let fields = variant.inputSchema["properties"]?.objectValue ?? [:]
            let known = invocation.arguments.keys.filter { fields[$0] != nil }.count
            if known > (closest?.known ?? -1) { closest = (variant, violation, known) }
        }
        // A shared name always has variants, so one of them was closest.
        throw .invalidArguments(
            closest?.violation ?? SchemaViolation(path: "", problem: "fit no shape of this tool", expected: "object"))
    }

    /// One object schema with every variant's fields and nothing required. A field two variants
    /// shape differently keeps only what both say (its type, if they agree), so either shape fits.
    private static func union(_ schemas: [JSONValue], closed: Bool) -> JSONValue {
        var properties: [String: JSONValue] = [:]
        for schema in schemas {
            for (key, value) in schema["properties"]?.objectValue ?? [:] {
                guard let earlier = properties[key], earlier != value else {
                    properties[key] = value
                    continue
                }
                if let type = earlier["type"], type == value["type"] {
                    properties[key] = ["type": type]
                } else {
                    properties[key] = [:]
                }
            }
        }
        var object: [String: JSONValue] = ["type": "object", "properties": .object(properties)]
        if closed { object["additionalProperties"] = false }
        return .object(object)
    }
}
