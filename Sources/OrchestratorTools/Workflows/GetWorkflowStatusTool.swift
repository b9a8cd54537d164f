internal import OrchestratorCore
package import OrchestratorJSON
package import OrchestratorMCP

/// `get_workflow_status`: where a run is, without changing it.
package struct GetWorkflowStatusTool: OrchestratorTool {
    package let name = "get_workflow_status"
    package let title = "Show a workflow run"
    package let description = "A run's status, current step, context and steps taken. Read-only."
    package let toolset = Toolset.workflows
    package let annotations = ToolAnnotations.readOnly
    package let acceptsWrappedArguments = true
    package let inputSchema = ToolArguments.schema(WorkflowArguments.runID)
    /// Published by `tools/list`, built on first use (not at every launch).
    package var outputSchema: JSONValue { Self.results }
    static let results = RunView.schema

    package init() {}

    package func call(_ invocation: ToolInvocation) throws(ToolFailure) -> ToolOutcome {
        let view = try invocation.view(of: invocation.runID, in: invocation.currentState())
        return .complete(view.output(text: view.markdown))
    }
}
