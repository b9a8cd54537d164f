internal import OrchestratorCore
package import OrchestratorJSON
package import OrchestratorMCP

/// `add_tasks_to_request`: extends an active plan; new tasks may depend on existing ones and on each other.
package struct AddTasksToRequestTool: OrchestratorTool {
    package let name = "add_tasks_to_request"
    package let title = "Add tasks to a request"
    package let description = """
        Append tasks to an active request; dependsOn may also name existing task ids. Unknown ids and cycles are refused.
        """
    package let toolset = Toolset.core
    package let roles: [ToolRole] = [.addTask]
    package let taskmanagerStatus: String? = "task_added"
    package let annotations = ToolAnnotations.change
    package let inputSchema = ToolArguments.schema(CommonArguments.requestID, CommonArguments.tasks)
    /// The tool's result fields.
    enum Fields {
        static let added = Field.strings("added", required: true)
    }

    /// Published by `tools/list`, built on first use (not at every launch).
    package var outputSchema: JSONValue { Self.results }
    static let results = ResultFields.schema(
        RequestView.Result.requestId, Fields.added, RequestView.Result.request)

    package init() {}

    package func call(_ invocation: ToolInvocation) throws(ToolFailure) -> ToolOutcome {
        let requestID = invocation.requestID
        let actor = invocation.actor
        let drafts = TaskDraftInput.drafts(invocation[CommonArguments.tasks])
        let (added, state) = try invocation.perform { (orchestrator) throws(ChangeFailure) in
            try orchestrator.addTasks(drafts, to: requestID, by: actor)
        }
        let request = try state.request(requestID)
        let text = "Added \(TaskResult.list(added)) to \(requestID).\n\n" + ProgressTable.markdown(request)
        return .complete(
            ToolOutput(
                fields: [
                    RequestView.Result.requestId(requestID.rawValue), Fields.added(added.map(\.rawValue)),
                    RequestView.Result.request(RequestView.json(request)),
                ],
                text: text))
    }
}
