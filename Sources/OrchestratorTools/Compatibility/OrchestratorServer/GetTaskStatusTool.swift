internal import OrchestratorCore
package import OrchestratorJSON
package import OrchestratorMCP

/// orchestrator-server's `get_task_status`: with `task_id`, the status and assignee of that task;
/// without parameters (as that project's README has it, "Get status of all tasks"), every task of
/// the active plans with its status and assignee.
package struct GetTaskStatusTool: OrchestratorTool {
    package let name = "get_task_status"
    package let title = "Get a task's status"
    package let description =
        "A task's status (pending, in_progress, completed) and who holds it; without task_id, every active task's. Read-only."
    package let toolset = Toolset.orchestratorServer
    /// The same tool, name and shape in both sets that have it.
    package var toolsets: [Toolset] { [.orchestratorServer, .workflowOrchestration] }
    package let annotations = ToolAnnotations.readOnly
    /// The tool's own arguments.
    enum Arguments {
        static let task = CommonArguments.compatTaskID.requiring(false)
    }
    package let inputSchema = ToolArguments.schema(Arguments.task)
    package let outputSchema: JSONValue = [
        "type": "object",
        "properties": [
            "task_id": ["type": "string"],
            "status": ["type": "string", "enum": ["pending", "in_progress", "completed"]],
            "assignedTo": ["type": "string"],
            "tasks": [
                "type": "array",
                "items": [
                    "type": "object",
                    "properties": [
                        "task_id": ["type": "string"], "status": ["type": "string"], "assignedTo": ["type": "string"],
                    ],
                    "required": ["task_id", "status"],
                ],
            ],
        ],
    ]

    package init() {}

    package func call(_ invocation: ToolInvocation) throws(ToolFailure) -> ToolOutcome {
        let state = try invocation.currentState()
        guard invocation[Arguments.task] != "" else {
            let tasks = state.requests.filter { $0.status == .active && $0.workflowRun == nil }.flatMap(\.liveTasks)
            let lines = tasks.map {
                "- \($0.id): \(OrchestratorServerTasks.status($0))\($0.assignee.map { ", assigned to \($0)" } ?? "")"
            }
            return .complete(
                ToolOutput(
                    structured: ["tasks": .array(tasks.map(Self.json))],
                    text: tasks.isEmpty ? "There are no active tasks." : lines.joined(separator: "\n")))
        }
        let (_, task) = try invocation.locateTask(invocation.compatTaskID, in: state)
        let structured = Self.json(task)
        return .complete(
            ToolOutput(
                structured: structured,
                text:
                    "Task \(task.id) is \(OrchestratorServerTasks.status(task))\(task.assignee.map { ", assigned to \($0)" } ?? "")."
            ))
    }

    private static func json(_ task: WorkTask) -> JSONValue {
        var object: [String: JSONValue] = [
            "task_id": .string(task.id.rawValue), "status": .string(OrchestratorServerTasks.status(task)),
        ]
        object["assignedTo"] = task.assignee.map(JSONValue.string)
        return .object(object)
    }
}
