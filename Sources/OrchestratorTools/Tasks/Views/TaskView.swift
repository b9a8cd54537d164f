internal import OrchestratorCore
internal import OrchestratorJSON
internal import OrchestratorMCP

/// How a task appears in structured results, and the schema that describes it.
enum TaskView {
    /// The fields every task summary carries; `detailed` adds description, role, outcome and history.
    static func json(_ task: WorkTask, detailed: Bool = false, history: Bool = false) -> JSONValue {
        var object: [String: JSONValue] = [
            "id": .string(task.id.rawValue),
            "title": .string(task.title),
            "status": .string(task.status.rawValue),
            "priority": .string(task.priority.rawValue),
            "dependsOn": .array(task.dependsOn.map { .string($0.rawValue) }),
            "deleted": .bool(task.isDeleted),
        ]
        object["assignee"] = task.assignee.map(JSONValue.string)
        object["claimExpiresAt"] = task.claimExpiresAt.map { .string($0.description) }
        if detailed {
            object["description"] = .string(task.description)
            object["role"] = task.role.map(JSONValue.string)
            object["completedDetails"] = task.completedDetails.map(JSONValue.string)
            object["feedback"] = task.feedback.map(JSONValue.string)
            object["approvedBy"] = task.approvedBy.map(JSONValue.string)
        }
        if history {
            object["history"] = .array(
                task.history.map { entry in
                    var item: [String: JSONValue] = [
                        "at": .string(entry.at.description), "actor": .string(entry.actor),
                        "action": .string(entry.action.rawValue),
                    ]
                    item["from"] = entry.from.map { .string($0.rawValue) }
                    item["to"] = entry.to.map { .string($0.rawValue) }
                    item["note"] = entry.note.map(JSONValue.string)
                    return .object(item)
                })
        }
        return .object(object)
    }

    static let statusSchema: JSONValue = [
        "type": "string", "enum": .array(WorkTask.Status.allCases.map { .string($0.rawValue) }),
    ]

    static let schema: JSONValue = [
        "type": "object",
        "properties": [
            "id": ["type": "string"],
            "title": ["type": "string"],
            "status": statusSchema,
            "priority": ["type": "string", "enum": .array(Priority.allCases.map { .string($0.rawValue) })],
            "dependsOn": ["type": "array", "items": ["type": "string"]],
            "deleted": ["type": "boolean"],
            "assignee": ["type": "string"],
            "claimExpiresAt": ["type": "string"],
            "description": ["type": "string"],
            "role": ["type": "string"],
            "completedDetails": ["type": "string"],
            "feedback": ["type": "string"],
            "approvedBy": ["type": "string"],
            "history": [
                "type": "array",
                "items": [
                    "type": "object",
                    "properties": [
                        "at": ["type": "string"], "actor": ["type": "string"],
                        "action": [
                            "type": "string", "enum": .array(HistoryEntry.Action.allCases.map { .string($0.rawValue) }),
                        ],
                        "from": statusSchema, "to": statusSchema, "note": ["type": "string"],
                    ],
                    "required": ["at", "actor", "action"],
                ],
            ],
        ],
        "required": ["id", "title", "status", "priority", "dependsOn", "deleted"],
    ]

    static let idListSchema: JSONValue = ["type": "array", "items": ["type": "string"]]
}
