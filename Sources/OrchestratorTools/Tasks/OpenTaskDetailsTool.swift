internal import OrchestratorCore
package import OrchestratorJSON
package import OrchestratorMCP

/// `open_task_details`: everything about one task, history included. Read-only.
package struct OpenTaskDetailsTool: OrchestratorTool {
    package let name = "open_task_details"
    package let title = "Show a task"
    package let description =
        "One task in full: description, status, holder, dependencies, what was done, feedback, history; archived ones too."
    package let toolset = Toolset.core
    package let taskmanagerStatus: String? = "task_details"
    package let annotations = ToolAnnotations.readOnly
    /// The tool's own arguments.
    enum Arguments {
        static let scope = Argument.optionalString(
            "requestId", Argument.text(description: "The task's request (optional)."))
    }
    package let inputSchema = ToolArguments.schema(Arguments.scope, CommonArguments.taskID)
    /// The tool's result fields.
    enum Fields {
        static let requestId = Field.string("requestId", required: true)
        static let requestStatus = Field.choice("requestStatus", WorkRequest.Status.self, required: true)
        static let task = Field.value("task", TaskView.schema, required: true)
    }

    /// Published by `tools/list`, built on first use (not at every launch).
    package var outputSchema: JSONValue { Self.results }
    static let results = ResultFields.schema(Fields.requestId, Fields.requestStatus, Fields.task)

    package init() {}

    package func call(_ invocation: ToolInvocation) throws(ToolFailure) -> ToolOutcome {
        let taskID = invocation.taskID
        let scope = invocation[Arguments.scope].map(WorkRequest.ID.init)
        let state = try invocation.currentState()
        let request: WorkRequest
        let task: WorkTask
        var archivedAt: Timestamp?
        if let (requestIndex, taskIndex) = state.locate(taskID),
            scope.map({ state.requests[requestIndex].id == $0 }) ?? true
        {
            request = state.requests[requestIndex]
            task = request.tasks[taskIndex]
        } else if let found = try invocation.archivedRequests().first(where: { archived in
            (scope.map { archived.request.id == $0 } ?? true) && archived.request.taskIndex(taskID) != nil
        }), let index = found.request.taskIndex(taskID) {
            // Finished work that left the live file is still shown when asked for.
            request = found.request
            task = found.request.tasks[index]
            archivedAt = found.archivedAt
        } else {
            if let scope, state.requestIndex(scope) == nil {
                throw ToolFailure(OrchestratorError.requestNotFound(scope))
            }
            throw ToolFailure(OrchestratorError.taskNotFound(taskID, in: scope))
        }
        var lines = [
            "Task \(task.id) of \(request.id): \(task.title)",
            "Status: \(ProgressTable.status(task)) · Priority: \(task.priority.rawValue)"
                + (task.role.map { " · Role: \($0)" } ?? "")
                + (task.dependsOn.isEmpty ? "" : " · After: \(TaskResult.list(task.dependsOn))"),
            "",
            task.description,
        ]
        if let archivedAt { lines += ["", "Archived at \(archivedAt) (the request is completed)."] }
        if let details = task.completedDetails { lines += ["", "Completed: \(details)"] }
        if let feedback = task.feedback { lines += ["", "Feedback: \(feedback)"] }
        lines += ["", "History:"]
        for entry in task.history {
            let move = entry.from.map { "\($0.words) → \(entry.to?.words ?? "")" } ?? (entry.to?.words ?? "")
            lines.append(
                "- \(entry.at) \(entry.actor): \(entry.action.rawValue) (\(move))"
                    + (entry.note.map { " — \($0)" } ?? ""))
        }
        return .complete(
            ToolOutput(
                fields: [
                    Fields.requestId(request.id.rawValue), Fields.requestStatus(request.status),
                    Fields.task(TaskView.json(task, detailed: true, history: true)),
                ],
                text: lines.joined(separator: "\n")))
    }
}
