internal import OrchestratorCore
package import OrchestratorJSON
package import OrchestratorMCP

/// orchestrator-server's `get_task_details {task_id}`: the task in its shape, with its history.
package struct GetTaskDetailsTool: OrchestratorTool {
    package let name = "get_task_details"
    package let title = "Get a task's details"
    package let description =
        "One task in full: description, status, assignee, result, dependencies and history. Read-only."
    package let toolset = Toolset.orchestratorServer
    package let annotations = ToolAnnotations.readOnly
    package let inputSchema = ToolArguments.schema(CommonArguments.compatTaskID)
    /// The tool's own result fields.
    enum Fields {
        static let requestId = Field.string("requestId", required: true)
        static let history = Field.value("history", ["type": "array"], required: true)
    }

    /// Published by `tools/list`, built on first use (not at every launch).
    package var outputSchema: JSONValue { Self.results }
    static let results = ResultFields.schema(OrchestratorServerTasks.task, Fields.requestId, Fields.history)

    package init() {}

    package func call(_ invocation: ToolInvocation) throws(ToolFailure) -> ToolOutcome {
        let (request, task) = try invocation.locateTask(invocation.compatTaskID, in: invocation.currentState())
        let history = TaskView.json(task, history: true)["history"] ?? []
        var lines = ["Task \(task.id) (\(OrchestratorServerTasks.status(task))) in \(request.id): \(task.description)"]
        if !task.dependsOn.isEmpty {
            lines.append("Depends on: \(task.dependsOn.map(\.rawValue).joined(separator: ", "))")
        }
        if let result = task.completedDetails { lines.append("Result: \(result)") }
        return .complete(
            ToolOutput(
                fields: [
                    OrchestratorServerTasks.task(OrchestratorServerTasks.json(task)),
                    Fields.requestId(request.id.rawValue),
                    Fields.history(history),
                ],
                text: lines.joined(separator: "\n")))
    }
}
