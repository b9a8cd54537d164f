internal import OrchestratorCore
package import OrchestratorJSON
package import OrchestratorMCP

/// `start_workflow`: begins a run at the workflow's first step.
package struct StartWorkflowTool: MCPTool {
    package let name = "start_workflow"
    package let title = "Start a workflow run"
    package let description = """
        Start a run of a workflow (see list_workflows). Returns instance_id and the first step's instructions.
        """
    package let toolset = Toolset.workflows
    package let annotations = ToolAnnotations.change
    package let acceptsWrappedArguments = true
    package let inputSchema: JSONValue = [
        "type": "object",
        "properties": [
            "workflow_name": [
                "type": "string", "minLength": 1, "description": "The workflow's name, as list_workflows shows it.",
            ],
            "context": WorkflowSchemas.context,
        ],
        "required": ["workflow_name"],
        "additionalProperties": false,
    ]
    package let outputSchema = RunView.schema

    package init() {}

    package func call(_ invocation: ToolInvocation) throws(ToolFailure) -> ToolOutcome {
        let definition = try invocation.definition(named: invocation.string("workflow_name"))
        let (runID, state) = try invocation.startRun(of: definition, context: try invocation.object("context"))
        let view = try invocation.view(of: runID, in: state, definition: definition)
        return .complete(
            ToolOutput(
                structured: view.json, text: "Started run \(runID) of workflow \(definition.name).\n\n" + view.markdown)
        )
    }
}
