internal import OrchestratorCore
package import OrchestratorJSON
package import OrchestratorMCP

/// mcp-task-orchestrator's `orchestrator_synthesize_results`: every subtask's results in one document.
package struct SynthesizeResultsTool: OrchestratorTool {
    package let name = "orchestrator_synthesize_results"
    package let title = "Combine the results"
    package let description = "All results of a plan's subtasks in one Markdown document, in plan order. Read-only."
    package let toolset = Toolset.taskOrchestrator
    package let annotations = ToolAnnotations.readOnly
    /// The tool's own arguments.
    enum Arguments {
        static let parent = Argument.string("parent_task_id")
    }
    package let inputSchema = ToolArguments.schema(Arguments.parent)
    /// The tool's own result fields.
    enum Fields {
        static let document = Field.string("document", required: true)
        static let finished = Field.integer("finished", required: true)
        static let total = Field.integer("total", required: true)
    }

    /// Published by `tools/list`, built on first use (not at every launch).
    package var outputSchema: JSONValue { Self.results }
    static let results = ResultFields.schema(
        TaskOrchestratorView.parentTaskID, Fields.document, Fields.finished, Fields.total)

    package init() {}

    package func call(_ invocation: ToolInvocation) throws(ToolFailure) -> ToolOutcome {
        let requestID = WorkRequest.ID(invocation[Arguments.parent])
        let request = try invocation.currentState().request(requestID)
        let tasks = request.liveTasks
        var lines = ["# \(request.originalRequest)", ""]
        if let details = request.splitDetails { lines += [details, ""] }
        for task in tasks {
            lines += ["## \(task.title)\(task.role.map { " (\($0))" } ?? "")", ""]
            lines.append(task.completedDetails ?? "_Not finished yet (\(task.status.words))._")
            lines.append("")
        }
        let finished = tasks.filter { $0.completedDetails != nil && ($0.status == .done || $0.status == .approved) }
            .count
        let document = lines.joined(separator: "\n")
        return .complete(
            ToolOutput(
                fields: [
                    TaskOrchestratorView.parentTaskID(requestID.rawValue), Fields.document(document),
                    Fields.finished(finished), Fields.total(tasks.count),
                ],
                text: document))
    }
}
