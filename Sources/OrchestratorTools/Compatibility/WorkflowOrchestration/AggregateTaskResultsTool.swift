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
    /// One task's fields.
    enum Row {
        static let taskID = Field.string("task_id", required: true)
        static let title = Field.string("title", required: true)
        static let status = Field.string("status", required: true)
        static let assignee = Field.string("assignee")
        static let result = Field.string("result")
        static let schema = ResultFields.schema(taskID, title, status, assignee, result)
    }

    /// The tool's own result fields.
    enum Fields {
        static let results = Field.list("results", of: Row.schema, required: true)
        static let completed = Field.integer("completed", required: true)
        static let total = Field.integer("total", required: true)
    }

    /// Published by `tools/list`, built on first use (not at every launch).
    package var outputSchema: JSONValue { Self.results }
    static let results = ResultFields.schema(
        WorkflowOrchestrationView.taskGroupID, Fields.results, Fields.completed, Fields.total)

    package init() {}

    package func call(_ invocation: ToolInvocation) throws(ToolFailure) -> ToolOutcome {
        let request = try invocation.currentState().request(WorkRequest.ID(invocation[Arguments.group]))
        let tasks = request.liveTasks
        let results: [JSONValue] = tasks.map { task in
            ResultFields.object([
                Row.taskID(task.id.rawValue), Row.title(task.title), Row.status(task.status.rawValue),
                Row.assignee(ifAny: task.assignee ?? task.history.last { $0.action == .claimed }?.actor),
                Row.result(ifAny: task.completedDetails),
            ])
        }
        let completed = tasks.filter { $0.status == .done || $0.status == .approved }.count
        let lines = tasks.map { "- \($0.id) \($0.title): \($0.completedDetails ?? "(\($0.status.words))")" }
        return .complete(
            ToolOutput(
                fields: [
                    WorkflowOrchestrationView.taskGroupID(request.id.rawValue), Fields.results(results),
                    Fields.completed(completed), Fields.total(tasks.count),
                ],
                text: "\(completed) of \(tasks.count) finished.\n" + lines.joined(separator: "\n")))
    }
}
