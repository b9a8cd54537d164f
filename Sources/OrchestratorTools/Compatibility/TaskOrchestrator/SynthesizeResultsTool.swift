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
    package let outputSchema: JSONValue = [
        "type": "object",
        "properties": [
            "parent_task_id": ["type": "string"], "document": ["type": "string"],
            "finished": ["type": "integer"], "total": ["type": "integer"],
        ],
        "required": ["parent_task_id", "document", "finished", "total"],
    ]

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
                structured: [
                    "parent_task_id": .string(requestID.rawValue), "document": .string(document),
                    "finished": .int(finished), "total": .int(tasks.count),
                ],
                text: document))
    }
}
