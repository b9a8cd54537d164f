internal import OrchestratorCore
internal import OrchestratorJSON
internal import OrchestratorMCP

/// The `tasks` argument of `request_planning` and `add_tasks_to_request`: schema and decoding.
enum TaskDraftInput {
    static let itemSchema: JSONValue = [
        "type": "object",
        "properties": [
            "title": ["type": "string", "minLength": 1, "maxLength": 500, "description": "Short name of the task."],
            "description": ["type": "string", "minLength": 1, "description": "What to do; when it is done."],
            "dependsOn": [
                "type": "array",
                "items": ["anyOf": [["type": "string", "minLength": 1], ["type": "integer", "minimum": 1]]],
                "description":
                    "Tasks done first: an id, or a title or 1-based position in this call.",
            ],
            // medium when left out (the enum says the rest).
            "priority": ["type": "string", "enum": .array(Priority.allCases.map { .string($0.rawValue) })],
            "role": ["type": "string", "description": "A specialist role, e.g. tester."],
        ],
        "required": ["title", "description"],
        "additionalProperties": false,
    ]

    static let schema: JSONValue = ["type": "array", "minItems": 1, "maxItems": 1000, "items": itemSchema]

    static func drafts(_ value: JSONValue?) -> [TaskDraft] {
        (value?.arrayValue ?? []).map { item in
            let references: [TaskDraft.Reference] = (item["dependsOn"]?.arrayValue ?? []).compactMap { reference in
                switch reference {
                case .int(let position): .position(position)
                case .double(let position): .position(Int(position))
                case .string(let name): .name(name)
                case .null, .bool, .numberLiteral, .array, .object: nil
                }
            }
            return TaskDraft(
                title: item["title"]?.stringValue ?? "",
                description: item["description"]?.stringValue ?? "",
                dependsOn: references,
                priority: item["priority"]?.stringValue.flatMap(Priority.init(rawValue:)) ?? .medium,
                role: item["role"]?.stringValue)
        }
    }
}
