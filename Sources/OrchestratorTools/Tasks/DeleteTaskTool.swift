internal import OrchestratorCore
package import OrchestratorJSON
package import OrchestratorMCP

/// `delete_task`: takes a task out of the plan, keeping it for `restore_task`.
package struct DeleteTaskTool: OrchestratorTool {
    package let name = "delete_task"
    package let title = "Delete a task"
    package let description = """
        Remove an unfinished task (restore_task brings it back); refused while tasks depend on it.
        """
    package let toolset = Toolset.core
    package let taskmanagerStatus: String? = "task_deleted"
    package let annotations = ToolAnnotations.removal
    package let inputSchema = ToolArguments.schema(CommonArguments.requestID, CommonArguments.taskID)
    /// Published by `tools/list`, built on first use (not at every launch).
    package var outputSchema: JSONValue { Self.results }
    static let results = TaskResult.schema()

    package init() {}

    package func call(_ invocation: ToolInvocation) throws(ToolFailure) -> ToolOutcome {
        let requestID = invocation.requestID
        let taskID = invocation.taskID
        let actor = invocation.actor
        let holder = invocation.changingAgent
        let (_, state) = try invocation.perform { (orchestrator) throws(ChangeFailure) in
            try orchestrator.delete(taskID, in: requestID, holder: holder, by: actor)
        }
        return .complete(
            TaskResult.output(
                headline: "Task \(taskID) is deleted. restore_task with the same ids brings it back.", task: taskID,
                in: requestID, state: state))
    }
}
