internal import OrchestratorCore
internal import OrchestratorJSON
internal import OrchestratorMCP

/// The result shape shared by tools that change one task: the task, its request and the table.
enum TaskResult {
    /// The fields every such result has.
    enum Fields {
        static let requestId = Field.string("requestId", required: true)
        static let task = Field.value("task", TaskView.schema, required: true)
        static let request = Field.value("request", RequestView.schema, required: true)
        /// What a change unlocked: the pending tasks whose last unmet dependency it was.
        static let unlocked = Field.strings("unlocked", required: true)
    }

    /// The output of a tool that changes one task: the task, its request, and the tool's own fields.
    static func schema(_ extra: any DeclaredResultField...) -> JSONValue {
        ResultFields.schema([Fields.requestId, Fields.task, Fields.request] + extra)
    }

    /// Structured content and text for a task that just changed, with the tool's own fields.
    static func output(
        headline: String, task taskID: WorkTask.ID, in requestID: WorkRequest.ID, state: OrchestratorState,
        extra: [ResultMember?] = [], next: String? = nil
    ) -> ToolOutput {
        guard let requestIndex = state.requestIndex(requestID),
            let task = state.requests[requestIndex].tasks.first(where: { $0.id == taskID })
        else {
            return ToolOutput(fields: extra, text: headline)
        }
        let request = state.requests[requestIndex]
        let text = [headline, ProgressTable.markdown(request), next].compactMap(\.self).joined(separator: "\n\n")
        return ToolOutput(
            fields: [
                Fields.requestId(requestID.rawValue), Fields.task(TaskView.json(task, detailed: true)),
                Fields.request(RequestView.json(request)),
            ] + extra, text: text)
    }

    /// "task-3, task-4" or "none".
    static func list(_ ids: [WorkTask.ID]) -> String {
        ids.isEmpty ? "none" : ids.map(\.rawValue).joined(separator: ", ")
    }
}
