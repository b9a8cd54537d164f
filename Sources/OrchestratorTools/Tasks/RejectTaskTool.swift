internal import OrchestratorCore
package import OrchestratorJSON
package import OrchestratorMCP

/// `reject_task`: sends a done task back to work with feedback (done → in progress).
package struct RejectTaskTool: OrchestratorTool {
    package let name = "reject_task"
    package let title = "Reject a finished task"
    package let description = """
        Send a done task back to work with feedback on what to change, shown when it is handed out again.
        """
    package let toolset = Toolset.core
    package let roles: [ToolRole] = [.reject]
    package let taskmanagerStatus: String? = "task_rejected"
    package let annotations = ToolAnnotations.change
    /// The tool's own arguments.
    enum Arguments {
        static let feedback = Argument.string(
            "feedback", Argument.text(description: "What is wrong and what to change."))
    }
    package let inputSchema = ToolArguments.schema(
        CommonArguments.requestID, CommonArguments.taskID, Arguments.feedback)
    /// Published by `tools/list`, built on first use (not at every launch).
    package var outputSchema: JSONValue { Self.results }
    static let results = TaskResult.schema()

    package init() {}

    package func call(_ invocation: ToolInvocation) throws(ToolFailure) -> ToolOutcome {
        let requestID = invocation.requestID
        let taskID = invocation.taskID
        let feedback = invocation[Arguments.feedback]
        let actor = invocation.actor
        let (_, state) = try invocation.perform { (orchestrator) throws(ChangeFailure) in
            try orchestrator.reject(taskID, in: requestID, feedback: feedback, by: actor)
        }
        return .complete(
            TaskResult.output(
                headline: "Task \(taskID) is back in progress with feedback: \(feedback)", task: taskID, in: requestID,
                state: state,
                next: "Rework it, then call mark_task_done again."))
    }
}
