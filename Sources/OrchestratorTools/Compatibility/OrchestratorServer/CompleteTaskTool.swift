internal import OrchestratorCore
package import OrchestratorJSON
package import OrchestratorMCP

/// orchestrator-server's `complete_task`: only the claiming instance completes, with a result.
package struct CompleteTaskTool: OrchestratorTool {
    package let name = "complete_task"
    package let title = "Complete a task"
    package let description =
        "Complete a task you (instance_id) claimed, with its result; reports the tasks this unlocked."
    package let toolset = Toolset.orchestratorServer
    package let roles: [ToolRole] = [.finish]
    package let annotations = ToolAnnotations.change
    /// The tool's own arguments.
    enum Arguments {
        static let instance = Argument.string("instance_id")
        static let result = Argument.string("result")
    }
    package let inputSchema = ToolArguments.schema(CommonArguments.compatTaskID, Arguments.instance, Arguments.result)
    /// The tool's own result fields.
    enum Fields {
        static let unlocked = Field.strings("unlocked", required: true)
        static let awaitingApproval = Field.flag("awaitingApproval", required: true)
    }

    /// Published by `tools/list`, built on first use (not at every launch).
    package var outputSchema: JSONValue { Self.results }
    static let results = ResultFields.schema(
        OrchestratorServerTasks.task, Fields.unlocked, Fields.awaitingApproval)

    package init() {}

    package func call(_ invocation: ToolInvocation) throws(ToolFailure) -> ToolOutcome {
        let id = invocation.compatTaskID
        let instance = try invocation.agent(named: invocation[Arguments.instance]) ?? invocation[Arguments.instance]
        let result = invocation[Arguments.result]
        let (effect, state) = try invocation.perform { (orchestrator) throws(ChangeFailure) in
            // Only the claiming instance: markDone refuses an unclaimed task and another holder's.
            try orchestrator.markDone(id, in: nil, details: result, holder: instance, by: instance)
        }
        let (_, task) = try invocation.locateTask(id, in: state)
        var text = "Task \(id) is completed."
        if !effect.unlocked.isEmpty {
            text += " Now available: \(effect.unlocked.map(\.rawValue).joined(separator: ", "))."
        }
        if !effect.autoApproved { text += " It awaits the person's approval before dependent tasks start." }
        return .complete(
            ToolOutput(
                fields: [
                    OrchestratorServerTasks.task(OrchestratorServerTasks.json(task)),
                    Fields.unlocked(effect.unlocked.map(\.rawValue)), Fields.awaitingApproval(!effect.autoApproved),
                ],
                text: text))
    }
}
