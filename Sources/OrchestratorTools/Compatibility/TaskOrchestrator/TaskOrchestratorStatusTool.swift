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
    /// One plan's fields.
    enum Plan {
        static let description = Field.string("description", required: true)
        static let status = Field.string("status", required: true)
        static let progress = Field.value("progress", ["type": "object"], required: true)
        static let schema = ResultFields.schema(
            TaskOrchestratorView.parentTaskID, description, status, progress, TaskOrchestratorView.subtasks)
    }

    /// The tool's result fields.
    enum Fields {
        static let plans = Field.list("plans", of: Plan.schema, required: true)
    }

    /// Published by `tools/list`, built on first use (not at every launch).
    package var outputSchema: JSONValue { Self.results }
    static let results = ResultFields.schema(Fields.plans)

    package init() {}

    package func call(_ invocation: ToolInvocation) throws(ToolFailure) -> ToolOutcome {
        let includeCompleted = invocation[Arguments.includeCompleted]
        let plans = try invocation.currentState().requests.filter {
            $0.workflowRun == nil && (includeCompleted || $0.status == .active)
        }
        let text = plans.isEmpty ? "No plans." : plans.map(ProgressTable.markdown).joined(separator: "\n\n")
        return .complete(
            ToolOutput(
                fields: [
                    Fields.plans(
                        plans.map { request in
                            ResultFields.object([
                                TaskOrchestratorView.parentTaskID(request.id.rawValue),
                                Plan.description(request.originalRequest), Plan.status(request.status.rawValue),
                                Plan.progress(
                                    .object(
                                        Dictionary(
                                            uniqueKeysWithValues: request.progress.map {
                                                ($0.key.rawValue, JSONValue.int($0.value))
                                            }))),
                                TaskOrchestratorView.subtasks(
                                    request.liveTasks.prefix(RequestView.taskLimit).map(TaskOrchestratorView.subtask)),
                            ])
                        })
                ],
                text: text))
    }
}
