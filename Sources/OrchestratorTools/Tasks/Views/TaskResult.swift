internal import OrchestratorCore
internal import OrchestratorJSON
internal import OrchestratorMCP

/// The result shape shared by tools that change one task: the task, its request and the table.
enum TaskResult {
    /// The input of tools that take just a task of a request.
    static func schema(extra: [String: JSONValue] = [:], required extraRequired: [String] = []) -> JSONValue {
        var properties: [String: JSONValue] = [
            "requestId": ["type": "string"],
            "task": TaskView.schema,
            "request": RequestView.schema,
        ]
        properties.merge(extra) { _, new in new }
        return [
            "type": "object",
            "properties": .object(properties),
            "required": .array((["requestId", "task", "request"] + extraRequired).map { .string($0) }),
        ]
    }

    /// Structured content and text for a task that just changed.
    static func output(
        headline: String, task taskID: WorkTask.ID, in requestID: WorkRequest.ID, state: OrchestratorState,
        extra: [String: JSONValue] = [:], next: String? = nil
    ) -> ToolOutput {
        guard let requestIndex = state.requestIndex(requestID),
            let task = state.requests[requestIndex].tasks.first(where: { $0.id == taskID })
        else {
            return ToolOutput(structured: .object(extra), text: headline)
        }
        let request = state.requests[requestIndex]
        var structured = extra
        structured["requestId"] = .string(requestID.rawValue)
        structured["task"] = TaskView.json(task, detailed: true)
        structured["request"] = RequestView.json(request)
        let text = [headline, ProgressTable.markdown(request), next].compactMap(\.self).joined(separator: "\n\n")
        return ToolOutput(structured: .object(structured), text: text)
    }

    /// "task-3, task-4" or "none".
    static func list(_ ids: [WorkTask.ID]) -> String {
        ids.isEmpty ? "none" : ids.map(\.rawValue).joined(separator: ", ")
    }
}
