internal import OrchestratorCore
package import OrchestratorJSON
package import OrchestratorMCP

/// orchestrator-server's `get_next_task {instance_id}`: claims the next task whose dependencies are
/// complete for that instance (or returns the one it holds).
package struct OrchestratorServerNextTaskTool: OrchestratorTool {
    package let name = "get_next_task"
    package let title = "Get the next task"
    package let description = "Claim the next available task for instance_id; returns the task it already holds first."
    package let toolset = Toolset.orchestratorServer
    package let roles: [ToolRole] = [.claim]
    package let annotations = ToolAnnotations.change
    /// The tool's own arguments.
    enum Arguments {
        static let instance = Argument.string("instance_id")
    }
    package let inputSchema = ToolArguments.schema(Arguments.instance)
    /// What the call did.
    enum Status: String, CaseIterable, Sendable {
        case claimed, resumed, none
    }

    /// The tool's result fields.
    enum Fields {
        static let status = Field.choice("status", Status.self, required: true)
        static let task = OrchestratorServerTasks.task.requiring(false)
        static let message = Field.string("message", required: true)
    }

    /// Published by `tools/list`, built on first use (not at every launch).
    package var outputSchema: JSONValue { Self.results }
    static let results = ResultFields.schema(Fields.status, Fields.task, Fields.message)

    package init() {}

    package func call(_ invocation: ToolInvocation) throws(ToolFailure) -> ToolOutcome {
        let instance = try invocation.agent(named: invocation[Arguments.instance]) ?? invocation[Arguments.instance]
        let (selection, state) = try invocation.perform { (orchestrator) throws(ChangeFailure) in
            try orchestrator.claimNextLooseTask(holder: instance)
        }
        switch selection {
        case .claim(_, let id)?, .resume(_, let id)?:
            let (_, task) = try invocation.locateTask(id, in: state)
            let resumed = if case .resume? = selection { true } else { false }
            let message =
                resumed ? "You (\(instance)) already hold task \(id)." : "Task \(id) is assigned to \(instance)."
            return .complete(
                ToolOutput(
                    fields: [
                        Fields.status(resumed ? .resumed : .claimed), Fields.task(OrchestratorServerTasks.json(task)),
                        Fields.message(message),
                    ],
                    text:
                        "\(message)\n\n\(task.description)\n\nWhen it is done, call complete_task with task_id \(id), instance_id \(instance) and result."
                ))
        case .stuck(_, let dangling)?:
            let message =
                "No tasks available: " + dangling.map(\.description).joined(separator: "; ")
                + " (update_task with new dependencies)."
            return .complete(ToolOutput(fields: [Fields.status(.none), Fields.message(message)], text: message))
        case .awaitingApproval?, .readyForCompletion?, .waiting?, .noActiveRequests?, nil:
            let message =
                "No tasks available: every remaining task waits on others, is held by another instance, or is completed."
            return .complete(ToolOutput(fields: [Fields.status(.none), Fields.message(message)], text: message))
        }
    }
}
