internal import OrchestratorCore
package import OrchestratorJSON
package import OrchestratorMCP

/// orchestrator-server's `get_task_status {task_id}`: the status and assignee of one task.
package struct GetTaskStatusTool: MCPTool {
    package let name = "get_task_status"
    package let title = "Get a task's status"
    package let description = "A task's status (pending, in_progress, completed) and who holds it. Read-only."
    package let toolset = Toolset.orchestratorServer
    /// The same tool, name and shape in both sets that have it.
    package var toolsets: [Toolset] { [.orchestratorServer, .workflowOrchestration] }
    package let annotations = ToolAnnotations.readOnly
    package let inputSchema = ToolArguments.schema(CommonArguments.compatTaskID)
    package let outputSchema: JSONValue = [
        "type": "object",
        "properties": [
            "task_id": ["type": "string"],
            "status": ["type": "string", "enum": ["pending", "in_progress", "completed"]],
            "assignedTo": ["type": "string"],
        ],
        "required": ["task_id", "status"],
    ]

    package init() {}

    package func call(_ invocation: ToolInvocation) throws(ToolFailure) -> ToolOutcome {
        let (_, task) = try invocation.locateTask(invocation.compatTaskID, in: invocation.currentState())
        var structured: [String: JSONValue] = [
            "task_id": .string(task.id.rawValue), "status": .string(OrchestratorServerTasks.status(task)),
        ]
        structured["assignedTo"] = task.assignee.map(JSONValue.string)
        return .complete(
            ToolOutput(
                structured: .object(structured),
                text:
                    "Task \(task.id) is \(OrchestratorServerTasks.status(task))\(task.assignee.map { ", assigned to \($0)" } ?? "")."
            ))
    }
}
