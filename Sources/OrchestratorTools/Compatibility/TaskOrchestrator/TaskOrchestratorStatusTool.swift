internal import OrchestratorCore
package import OrchestratorJSON
package import OrchestratorMCP

/// mcp-task-orchestrator's `orchestrator_get_status`: the plans with their subtasks and progress.
package struct TaskOrchestratorStatusTool: OrchestratorTool {
    package let name = "orchestrator_get_status"
    package let title = "Show the plans"
    package let description =
        "Active plans with their subtasks and progress; include_completed adds finished plans. Read-only."
    package let toolset = Toolset.taskOrchestrator
    package let roles: [ToolRole] = [.seeRequests, .seeTasks]
    package let annotations = ToolAnnotations.readOnly
    /// The tool's own arguments.
    enum Arguments {
        static let includeCompleted = Argument.flag("include_completed")
    }
    package let inputSchema = ToolArguments.schema(Arguments.includeCompleted)
    package let outputSchema: JSONValue = [
        "type": "object",
        "properties": [
            "plans": [
                "type": "array",
                "items": [
                    "type": "object",
                    "properties": [
                        "parent_task_id": ["type": "string"], "description": ["type": "string"],
                        "status": ["type": "string"],
                        "progress": ["type": "object"],
                        "subtasks": ["type": "array", "items": TaskOrchestratorView.subtaskSchema],
                    ],
                    "required": ["parent_task_id", "description", "status", "progress", "subtasks"],
                ],
            ]
        ],
        "required": ["plans"],
    ]

    package init() {}

    package func call(_ invocation: ToolInvocation) throws(ToolFailure) -> ToolOutcome {
        let includeCompleted = invocation[Arguments.includeCompleted]
        let plans = try invocation.currentState().requests.filter {
            $0.workflowRun == nil && (includeCompleted || $0.status == .active)
        }
        let text = plans.isEmpty ? "No plans." : plans.map(ProgressTable.markdown).joined(separator: "\n\n")
        return .complete(
            ToolOutput(
                structured: [
                    "plans": .array(
                        plans.map { request in
                            [
                                "parent_task_id": .string(request.id.rawValue),
                                "description": .string(request.originalRequest),
                                "status": .string(request.status.rawValue),
                                "progress": .object(
                                    Dictionary(
                                        uniqueKeysWithValues: request.progress.map {
                                            ($0.key.rawValue, JSONValue.int($0.value))
                                        })),
                                "subtasks": .array(
                                    request.liveTasks.prefix(RequestView.taskLimit).map(TaskOrchestratorView.subtask)),
                            ]
                        })
                ],
                text: text))
    }
}
