internal import OrchestratorCore
package import OrchestratorJSON
package import OrchestratorMCP

/// orchestrator-server's `update_task {task_id, description?, dependencies?}`, for pending tasks.
package struct OrchestratorServerUpdateTaskTool: MCPTool {
    package let name = "update_task"
    package let title = "Update a task"
    package let description =
        "Change a pending task's description or dependencies (ids of existing tasks; cycles are refused)."
    package let toolset = Toolset.orchestratorServer
    package let annotations = ToolAnnotations(readOnly: false, destructive: false, idempotent: true)
    package let inputSchema: JSONValue = [
        "type": "object",
        "properties": [
            "task_id": ["type": "string", "minLength": 1],
            "description": ["type": "string", "minLength": 1],
            "dependencies": ["type": "array", "items": ["type": "string", "minLength": 1]],
        ],
        "required": ["task_id"],
        "additionalProperties": false,
    ]
    package let outputSchema: JSONValue = [
        "type": "object", "properties": ["task": OrchestratorServerTasks.schema], "required": ["task"],
    ]

    package init() {}

    package func call(_ invocation: ToolInvocation) throws(ToolFailure) -> ToolOutcome {
        let id = invocation.compatTaskID
        let changes = OrchestratorState.TaskChanges(
            description: invocation.optionalString("description"),
            dependsOn: invocation.arguments["dependencies"]?.arrayValue.map {
                $0.compactMap(\.stringValue).map(WorkTask.ID.init)
            })
        let actor = invocation.actor
        let (_, state) = try invocation.perform { (orchestrator) throws(ChangeFailure) in
            try orchestrator.update(id, in: nil, changes: changes, by: actor)
        }
        let (_, task) = try invocation.locateTask(id, in: state)
        return .complete(
            ToolOutput(structured: ["task": OrchestratorServerTasks.json(task)], text: "Updated task \(id)."))
    }
}
