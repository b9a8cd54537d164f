internal import OrchestratorCore
internal import OrchestratorJSON
internal import OrchestratorMCP

/// The mcp-task-orchestrator tool set's view of the core: a plan is a "parent task" (a request),
/// its tasks are subtasks whose role is the specialist type.
enum TaskOrchestratorView {
    static func subtask(_ task: WorkTask) -> JSONValue {
        var object: [String: JSONValue] = [
            "task_id": .string(task.id.rawValue),
            "title": .string(task.title),
            "description": .string(task.description),
            "status": .string(task.status.rawValue),
            "dependencies": .array(task.dependsOn.map { .string($0.rawValue) }),
        ]
        object["specialist_type"] = task.role.map(JSONValue.string)
        object["results"] = task.completedDetails.map(JSONValue.string)
        return .object(object)
    }

    static let subtaskSchema: JSONValue = [
        "type": "object",
        "properties": [
            "task_id": ["type": "string"], "title": ["type": "string"], "description": ["type": "string"],
            "status": TaskView.statusSchema, "dependencies": ["type": "array", "items": ["type": "string"]],
            "specialist_type": ["type": "string"], "results": ["type": "string"],
        ],
        "required": ["task_id", "title", "description", "status", "dependencies"],
    ]
}
