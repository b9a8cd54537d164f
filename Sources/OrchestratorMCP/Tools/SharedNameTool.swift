package import OrchestratorJSON

/// Several tool sets' tools that share one name, served as one tool that accepts every shape:
/// `update_task {requestId, taskId, …}` from the default set and `update_task {task_id, …}` from
/// orchestrator-server, for example.
///
/// The published input schema is exact: every variant's fields with their nested shapes (a field two
/// variants shape differently is `anyOf` both shapes), and required what every variant requires.
/// Whatever it accepts is served, routed deterministically: each variant looks only at the fields
/// it declares (the others are ignored), a variant is eligible when those fit its own schema, and
/// the eligible variant that declares most of the fields sent wins, the earlier-listed set on a tie.
/// Arguments no variant accepts get the violation of the variant that declares most of them.
package struct SharedNameTool: MCPTool {
    let variants: [any MCPTool]
    package let inputSchema: JSONValue
    package let outputSchema: JSONValue

    /// - Precondition: at least two variants, all with the same name.
    init(_ variants: [any MCPTool]) {
        self.variants = variants
        inputSchema = Self.union(variants.map(\.inputSchema), closed: true)
        outputSchema = Self.union(variants.map(\.outputSchema), closed: false)
    }

    package var name: String { variants[0].name }
    package var title: String { variants[0].title }
    package var description: String {
        variants.map { "(\($0.family)) \($0.description)" }.joined(separator: " ")
    }
    package var family: String { variants[0].family }
    package var roles: [ToolRole] { variants.flatMap(\.roles) }
    package var annotations: ToolAnnotations {
        ToolAnnotations(
            readOnly: variants.allSatisfy(\.annotations.readOnly),
            destructive: variants.contains(where: \.annotations.destructive),
            idempotent: variants.allSatisfy(\.annotations.idempotent))
    }

    /// The first other shape a variant recognises, else the arguments as they came.
    package func normalized(_ arguments: [String: JSONValue]) -> [String: JSONValue] {
        for variant in variants {
            let normalized = variant.normalized(arguments)
            if normalized != arguments { return normalized }
        }
        return arguments
    }

    package func call(_ call: ToolCall) throws(ToolFailure) -> ToolOutcome {
        var chosen: (variant: any MCPTool, arguments: [String: JSONValue], known: Int)?
        var closest: (violation: SchemaViolation, known: Int)?
        for variant in variants {
            let fields = variant.inputSchema["properties"]?.objectValue ?? [:]
            let own = call.arguments.filter { fields[$0.key] != nil }
            if let violation = SchemaValidator.firstViolation(of: .object(own), against: variant.inputSchema) {
                if own.count > (closest?.known ?? -1) { closest = (violation, own.count) }
            } else if own.count > (chosen?.known ?? -1) {
                chosen = (variant, own, own.count)
            }
        }
        guard let chosen else {
            // A shared name always has variants, so one of them was closest.
            throw .invalidArguments(
                closest?.violation
                    ?? SchemaViolation(path: "", problem: "fit no shape of this tool", expected: "object"))
        }
        return try chosen.variant.call(call.with(arguments: chosen.arguments))
    }

    /// One object schema with every variant's fields in their own shapes (`anyOf` where variants
    /// differ), required what every variant requires.
    private static func union(_ schemas: [JSONValue], closed: Bool) -> JSONValue {
        var shapes: [String: [JSONValue]] = [:]
        var order: [String] = []
        for schema in schemas {
            for (key, value) in (schema["properties"]?.objectValue ?? [:]).sorted(by: { $0.key < $1.key }) {
                if shapes[key] == nil { order.append(key) }
                if !(shapes[key] ?? []).contains(value) { shapes[key, default: []].append(value) }
            }
        }
        var properties: [String: JSONValue] = [:]
        for key in order {
            let variants = shapes[key] ?? []
            properties[key] = variants.count == 1 ? variants[0] : ["anyOf": .array(variants)]
        }
        let requiredSets = schemas.map { Set(($0["required"]?.arrayValue ?? []).compactMap(\.stringValue)) }
        let required = requiredSets.dropFirst().reduce(requiredSets.first ?? []) { $0.intersection($1) }
        var object: [String: JSONValue] = ["type": "object", "properties": .object(properties)]
        if !required.isEmpty { object["required"] = .array(required.sorted().map(JSONValue.string)) }
        if closed { object["additionalProperties"] = false }
        return .object(object)
    }
}
