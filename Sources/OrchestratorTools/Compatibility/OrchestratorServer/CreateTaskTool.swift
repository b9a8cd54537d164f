internal import OrchestratorCore
package import OrchestratorJSON
package import OrchestratorMCP

/// orchestrator-server's `create_task`: a task with a caller-chosen id and existing dependencies.
package struct CreateTaskTool: OrchestratorTool {
    package let name = "create_task"
    package let title = "Create a task"
    package let description = "Create a task with your own id; dependencies must be ids of tasks that already exist."
    package let toolset = Toolset.orchestratorServer
    package let roles: [ToolRole] = [.planWork, .addTask]
    package let annotations = ToolAnnotations.change
    /// The tool's own arguments.
    enum Arguments {
        static let id = Argument.string("id", ["type": "string", "minLength": 1, "maxLength": 200])
        static let description = Argument.string("description")
        static let dependencies = Argument.strings("dependencies")
    }
    package let inputSchema = ToolArguments.schema(Arguments.id, Arguments.description, Arguments.dependencies)
    /// The tool's own result fields.
    enum Fields {
        static let requestId = Field.string("requestId", required: true)
    }

    /// Published by `tools/list`, built on first use (not at every launch).
    package var outputSchema: JSONValue { Self.results }
    static let results = ResultFields.schema(OrchestratorServerTasks.task, Fields.requestId)

    package init() {}

    package func call(_ invocation: ToolInvocation) throws(ToolFailure) -> ToolOutcome {
        let id = WorkTask.ID(invocation[Arguments.id])
        let description = invocation[Arguments.description]
        let dependencies = invocation[Arguments.dependencies]
        let actor = invocation.actor
        let (requestID, state) = try invocation.perform { (orchestrator) throws(ChangeFailure) in
            try orchestrator.createLooseTask(id, description: description, dependencies: dependencies, by: actor)
        }
        let (_, task) = try invocation.locateTask(id, in: state)
        let after = dependencies.isEmpty ? "" : " after \(dependencies.joined(separator: ", "))"
        return .complete(
            ToolOutput(
                fields: [
                    OrchestratorServerTasks.task(OrchestratorServerTasks.json(task)),
                    Fields.requestId(requestID.rawValue),
                ],
                text: "Created task \(id)\(after) in \(requestID)."))
    }
}
