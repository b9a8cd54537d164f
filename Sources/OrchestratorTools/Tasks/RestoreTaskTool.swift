internal import OrchestratorCore
package import OrchestratorJSON
package import OrchestratorMCP

/// `restore_task`: brings a deleted task back into the plan, as it was.
package struct RestoreTaskTool: OrchestratorTool {
    package let name = "restore_task"
    package let title = "Restore a deleted task"
    package let description =
        "Bring a deleted task back into its request's plan, with its status and history as they were."
    package let toolset = Toolset.core
    package let roles: [ToolRole] = [.restore]
    package let taskmanagerStatus: String? = "task_restored"
    package let annotations = ToolAnnotations.change
    package let inputSchema = ToolArguments.schema(CommonArguments.requestID, CommonArguments.taskID)
    /// Published by `tools/list`, built on first use (not at every launch).
    package var outputSchema: JSONValue { Self.results }
    static let results = TaskResult.schema()

    package init() {}

    package func call(_ invocation: ToolInvocation) throws(ToolFailure) -> ToolOutcome {
        let requestID = invocation.requestID
        let taskID = invocation.taskID
        let actor = invocation.actor
        let (_, state) = try invocation.perform { (orchestrator) throws(ChangeFailure) in
            try orchestrator.restore(taskID, in: requestID, by: actor)
        }
        return .complete(
            TaskResult.output(headline: "Task \(taskID) is restored.", task: taskID, in: requestID, state: state))
    }
}
