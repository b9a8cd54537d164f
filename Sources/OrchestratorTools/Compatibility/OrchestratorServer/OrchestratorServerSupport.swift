internal import OrchestratorCore
internal import OrchestratorJSON
internal import OrchestratorMCP

/// The orchestrator-server tool set's view of the core: its tasks live in one request of their own,
/// and appear in its `Task` shape (`id, description, status, assignedTo, result, dependencies`).
enum OrchestratorServerTasks {
    /// pending, in_progress or completed (done and approved both count as completed).
    static func status(_ task: WorkTask) -> String {
        switch task.status {
        case .pending: "pending"
        case .inProgress: "in_progress"
        case .done, .approved: "completed"
        }
    }

    static func json(_ task: WorkTask) -> JSONValue {
        var object: [String: JSONValue] = [
            "id": .string(task.id.rawValue),
            "description": .string(task.description),
            "status": .string(status(task)),
            "dependencies": .array(task.dependsOn.map { .string($0.rawValue) }),
        ]
        object["assignedTo"] = task.assignee.map(JSONValue.string)
        object["result"] = task.completedDetails.map(JSONValue.string)
        return .object(object)
    }

    static let schema: JSONValue = [
        "type": "object",
        "properties": [
            "id": ["type": "string"],
            "description": ["type": "string"],
            "status": ["type": "string", "enum": ["pending", "in_progress", "completed"]],
            "dependencies": ["type": "array", "items": ["type": "string"]],
            "assignedTo": ["type": "string"],
            "result": ["type": "string"],
        ],
        "required": ["id", "description", "status", "dependencies"],
    ]
}
