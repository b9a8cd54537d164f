internal import OrchestratorCore
package import OrchestratorJSON
package import OrchestratorMCP

/// workflow-orchestration's `aggregate_task_results {task_group_id}`: every task's result in a group.
package struct AggregateTaskResultsTool: OrchestratorTool {
    package let name = "aggregate_task_results"
    package let title = "Collect a group's results"
    package let description = "The status and result of every task in a task group (any request id). Read-only."
    package let toolset = Toolset.workflowOrchestration
    package let roles: [ToolRole] = [.seeTasks]
    package let annotations = ToolAnnotations.readOnly
    /// The tool's own arguments.
    enum Arguments {
        static let group = Argument.string("task_group_id")
    }
    package let inputSchema = ToolArguments.schema(Arguments.group)
    package let outputSchema: JSONValue = [
        "type": "object",
        "properties": [
            "task_group_id": ["type": "string"],
            "results": [
                "type": "array",
                "items": [
                    "type": "object",
                    "properties": [
                        "task_id": ["type": "string"], "title": ["type": "string"], "status": ["type": "string"],
                        "assignee": ["type": "string"], "result": ["type": "string"],
                    ],
                    "required": ["task_id", "title", "status"],
                ],
            ],
            "completed": ["type": "integer"], "total": ["type": "integer"],
        ],
        "required": ["task_group_id", "results", "completed", "total"],
    ]

    package init() {}

    package func call(_ invocation: ToolInvocation) throws(ToolFailure) -> ToolOutcome {
        let request = try invocation.currentState().request(WorkRequest.ID(invocation[Arguments.group]))
        let tasks = request.liveTasks
        let results: [JSONValue] = tasks.map { task in
            var row: [String: JSONValue] = [
                "task_id": .string(task.id.rawValue), "title": .string(task.title),
                "status": .string(task.status.rawValue),
            ]
            row["assignee"] = (task.assignee ?? task.history.last { $0.action == .claimed }?.actor).map(
                JSONValue.string)
            row["result"] = task.completedDetails.map(JSONValue.string)
            return .object(row)
        }
        let completed = tasks.filter { $0.status == .done || $0.status == .approved }.count
        let lines = tasks.map { "- \($0.id) \($0.title): \($0.completedDetails ?? "(\($0.status.words))")" }
        return .complete(
            ToolOutput(
                structured: [
                    "task_group_id": .string(request.id.rawValue), "results": .array(results),
                    "completed": .int(completed), "total": .int(tasks.count),
                ],
                text: "\(completed) of \(tasks.count) finished.\n" + lines.joined(separator: "\n")))
    }
}
