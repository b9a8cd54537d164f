internal import OrchestratorCore
package import OrchestratorJSON
package import OrchestratorMCP

/// workflow-orchestration's `get_workflow_status {execution_id}`.
package struct ExecutionStatusTool: MCPTool {
    package let name = "get_workflow_status"
    package let title = "Show an execution"
    package let description = "An execution's status, current step and steps taken. Read-only."
    package let toolset = Toolset.workflowOrchestration
    package let annotations = ToolAnnotations.readOnly
    package let inputSchema: JSONValue = [
        "type": "object",
        "properties": ["execution_id": ["type": "string", "minLength": 1]],
        "required": ["execution_id"],
        "additionalProperties": false,
    ]
    package var outputSchema: JSONValue { ExecutionView.schema }

    package init() {}

    package func call(_ invocation: ToolInvocation) throws(ToolFailure) -> ToolOutcome {
        let view = try invocation.view(
            of: WorkflowRun.ID(invocation.string("execution_id")), in: invocation.currentState())
        return .complete(ToolOutput(structured: ExecutionView.json(view), text: view.markdown))
    }
}
