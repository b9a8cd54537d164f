internal import OrchestratorCore
package import OrchestratorJSON
package import OrchestratorMCP

/// `update_task`: edits a task that is not done yet; done and approved tasks are immutable.
package struct UpdateTaskTool: MCPTool {
    package let name = "update_task"
    package let title = "Update a task"
    package let description = """
        Change the title, description, dependencies or priority of a pending or in-progress task.
        """
    package let toolset = Toolset.core
    package let taskmanagerStatus: String? = "task_updated"
    package let annotations = ToolAnnotations(readOnly: false, destructive: false, idempotent: true)
    package let inputSchema: JSONValue = [
        "type": "object",
        "properties": [
            "requestId": ["type": "string", "minLength": 1],
            "taskId": ["type": "string", "minLength": 1],
            "title": ["type": "string", "minLength": 1, "maxLength": 500],
            "description": ["type": "string", "minLength": 1],
            "dependsOn": ["type": "array", "items": ["type": "string", "minLength": 1]],
            "priority": ["type": "string", "enum": .array(Priority.allCases.map { .string($0.rawValue) })],
        ],
        "required": ["requestId", "taskId"],
        "additionalProperties": false,
    ]
    package var outputSchema: JSONValue { TaskResult.schema() }

    package init() {}

    package func call(_ invocation: ToolInvocation) throws(ToolFailure) -> ToolOutcome {
        let requestID = invocation.requestID
        let taskID = invocation.taskID
        let actor = invocation.actor
        let changes = OrchestratorState.TaskChanges(
            title: invocation.optionalString("title"),
            description: invocation.optionalString("description"),
            dependsOn: invocation.arguments["dependsOn"]?.arrayValue?.compactMap(\.stringValue).map(WorkTask.ID.init),
            priority: invocation.optionalString("priority").flatMap(Priority.init(rawValue:)))
        let (_, state) = try invocation.perform { (orchestrator) throws(ChangeFailure) in
            try orchestrator.update(taskID, in: requestID, changes: changes, by: actor)
        }
        return .complete(
            TaskResult.output(headline: "Task \(taskID) is updated.", task: taskID, in: requestID, state: state))
    }
}
