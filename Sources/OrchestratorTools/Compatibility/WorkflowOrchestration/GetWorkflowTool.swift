internal import OrchestratorCore
package import OrchestratorJSON
package import OrchestratorMCP
internal import OrchestratorWorkflows

/// workflow-orchestration's `get_workflow {workflow_id}`: one definition with its steps.
package struct GetWorkflowTool: OrchestratorTool {
    package let name = "get_workflow"
    package let title = "Show a workflow"
    package let description = "One workflow's definition: steps, where each leads, required context, errors. Read-only."
    package let toolset = Toolset.workflowOrchestration
    package let annotations = ToolAnnotations.readOnly
    package let inputSchema = ToolArguments.schema(WorkflowOrchestrationArguments.workflow)
    /// Published by `tools/list`, built on first use (not at every launch).
    package var outputSchema: JSONValue { Self.results }
    static let results = ResultFields.schema(WorkflowOrchestrationView.workflow)

    package init() {}

    package func call(_ invocation: ToolInvocation) throws(ToolFailure) -> ToolOutcome {
        let workflow = try invocation.loadedWorkflow(WorkflowOrchestrationArguments.workflow)
        return .complete(
            ToolOutput(
                fields: [WorkflowOrchestrationView.workflow(WorkflowOrchestrationView.definition(workflow))],
                text: WorkflowDocument.markdown(workflow)))
    }
}
