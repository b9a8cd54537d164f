internal import OrchestratorCore
package import OrchestratorJSON
package import OrchestratorMCP

/// `update_task`: edits a task that is not done yet; done and approved tasks are immutable.
package struct UpdateTaskTool: OrchestratorTool {
    package let name = "update_task"
    package let title = "Update a task"
    package let description = """
        Change the title, description, dependencies or priority of a pending or in-progress task.
        """
    package let toolset = Toolset.core
    package let taskmanagerStatus: String? = "task_updated"
    package let annotations = ToolAnnotations(readOnly: false, destructive: false, idempotent: true)
    /// The tool's own arguments.
    enum Arguments {
        static let title = Argument.optionalString("title", ["type": "string", "minLength": 1, "maxLength": 500])
        static let description = Argument.optionalString("description")
        static let dependsOn = Argument.value("dependsOn", ["type": "array", "items": Argument.text])
        static let priority = Argument.choice("priority", Priority.self)
    }
    package let inputSchema = ToolArguments.schema(
        CommonArguments.requestID, CommonArguments.taskID, Arguments.title, Arguments.description, Arguments.dependsOn,
        Arguments.priority)
    /// Published by `tools/list`, built on first use (not at every launch).
    package var outputSchema: JSONValue { Self.results }
    static let results = TaskResult.schema()

    package init() {}

    package func call(_ invocation: ToolInvocation) throws(ToolFailure) -> ToolOutcome {
        let requestID = invocation.requestID
        let taskID = invocation.taskID
        let actor = invocation.actor
        let changes = OrchestratorState.TaskChanges(
            title: invocation[Arguments.title],
            description: invocation[Arguments.description],
            dependsOn: invocation[Arguments.dependsOn]?.arrayValue?.compactMap(\.stringValue).map(WorkTask.ID.init),
            priority: invocation[Arguments.priority])
        let holder = invocation.changingAgent
        let (_, state) = try invocation.perform { (orchestrator) throws(ChangeFailure) in
            try orchestrator.update(taskID, in: requestID, changes: changes, holder: holder, by: actor)
        }
        return .complete(
            TaskResult.output(headline: "Task \(taskID) is updated.", task: taskID, in: requestID, state: state))
    }
}
