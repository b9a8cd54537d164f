internal import OrchestratorCore
package import OrchestratorJSON
package import OrchestratorMCP

/// workflow-orchestration's `get_workflow_status {execution_id}`.
package struct ExecutionStatusTool: OrchestratorTool {
    package let name = "get_workflow_status"
    package let title = "Show an execution"
    package let description = "An execution's status, current step and steps taken. Read-only."
    package let toolset = Toolset.workflowOrchestration
    package let annotations = ToolAnnotations.readOnly
    /// The tool's own arguments.
    enum Arguments {
        static let execution = Argument.string("execution_id")
    }
    package let inputSchema = ToolArguments.schema(Arguments.execution)
    /// Published by `tools/list`, built on first use (not at every launch).
    package var outputSchema: JSONValue { Self.results }
    static let results = ExecutionView.schema

    package init() {}

    package func call(_ invocation: ToolInvocation) throws(ToolFailure) -> ToolOutcome {
        let view = try invocation.view(
            of: WorkflowRun.ID(invocation[Arguments.execution]), in: invocation.currentState())
        return .complete(ExecutionView.output(view, text: view.markdown))
    }
}
