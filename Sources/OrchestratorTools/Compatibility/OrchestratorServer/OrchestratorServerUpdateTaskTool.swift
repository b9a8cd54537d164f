internal import OrchestratorCore
package import OrchestratorJSON
package import OrchestratorMCP

/// orchestrator-server's `update_task {task_id, description?, dependencies?}`, for pending tasks.
package struct OrchestratorServerUpdateTaskTool: OrchestratorTool {
    package let name = "update_task"
    package let title = "Update a task"
    package let description =
        "Change a pending task's description or dependencies (ids of existing tasks; cycles are refused)."
    package let toolset = Toolset.orchestratorServer
    package let annotations = ToolAnnotations(readOnly: false, destructive: false, idempotent: true)
    /// The tool's own arguments.
    enum Arguments {
        static let description = Argument.optionalString("description")
        static let dependencies = Argument.value("dependencies", ["type": "array", "items": Argument.text])
    }
    package let inputSchema = ToolArguments.schema(
        CommonArguments.compatTaskID, Arguments.description, Arguments.dependencies)
    /// Published by `tools/list`, built on first use (not at every launch).
    package var outputSchema: JSONValue { Self.results }
    static let results = ResultFields.schema(OrchestratorServerTasks.task)

    package init() {}

    package func call(_ invocation: ToolInvocation) throws(ToolFailure) -> ToolOutcome {
        let id = invocation.compatTaskID
        let changes = OrchestratorState.TaskChanges(
            description: invocation[Arguments.description],
            dependsOn: invocation[Arguments.dependencies]?.arrayValue.map {
                $0.compactMap(\.stringValue).map(WorkTask.ID.init)
            })
        let actor = invocation.actor
        let holder = invocation.changingAgent
        let (_, state) = try invocation.perform { (orchestrator) throws(ChangeFailure) in
            try orchestrator.update(id, in: nil, changes: changes, holder: holder, by: actor)
        }
        let (_, task) = try invocation.locateTask(id, in: state)
        return .complete(
            ToolOutput(
                fields: [OrchestratorServerTasks.task(OrchestratorServerTasks.json(task))], text: "Updated task \(id).")
        )
    }
}
