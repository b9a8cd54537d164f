internal import OrchestratorCore
package import OrchestratorJSON
package import OrchestratorMCP

/// orchestrator-server's `delete_task {task_id}`: refused while other tasks depend on it.
package struct OrchestratorServerDeleteTaskTool: OrchestratorTool {
    package let name = "delete_task"
    package let title = "Delete a task"
    package let description = "Delete a task no other task depends on (it is kept and can be restored)."
    package let toolset = Toolset.orchestratorServer
    package let annotations = ToolAnnotations.removal
    package let inputSchema = ToolArguments.schema(CommonArguments.compatTaskID)
    /// The tool's result fields.
    enum Fields {
        static let deleted = Field.string("deleted", required: true)
    }

    /// Published by `tools/list`, built on first use (not at every launch).
    package var outputSchema: JSONValue { Self.results }
    static let results = ResultFields.schema(Fields.deleted)

    package init() {}

    package func call(_ invocation: ToolInvocation) throws(ToolFailure) -> ToolOutcome {
        let id = invocation.compatTaskID
        let actor = invocation.actor
        let holder = invocation.changingAgent
        _ = try invocation.perform { (orchestrator) throws(ChangeFailure) in
            try orchestrator.delete(id, in: nil, holder: holder, by: actor)
        }
        return .complete(ToolOutput(fields: [Fields.deleted(id.rawValue)], text: "Deleted task \(id)."))
    }
}
