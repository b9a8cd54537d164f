internal import OrchestratorCore
package import OrchestratorJSON
package import OrchestratorMCP

/// `start_workflow`: begins a run at the workflow's first step.
package struct StartWorkflowTool: OrchestratorTool {
    package let name = "start_workflow"
    package let title = "Start a workflow run"
    package let description = """
        Start a run of a workflow (see list_workflows). Returns instance_id and the first step's instructions.
        """
    package let toolset = Toolset.workflows
    package let roles: [ToolRole] = [.startRun]
    package let annotations = ToolAnnotations.change
    package let acceptsWrappedArguments = true
    /// The tool's own arguments.
    enum Arguments {
        static let workflowName = Argument.string(
            "workflow_name", Argument.text(description: "The workflow's name, as list_workflows shows it."))
        static let context = Argument.object("context", WorkflowSchemas.context)
    }
    package let inputSchema = ToolArguments.schema(Arguments.workflowName, Arguments.context)
    /// Published by `tools/list`, built on first use (not at every launch).
    package var outputSchema: JSONValue { Self.results }
    static let results = RunView.schema

    package init() {}

    package func call(_ invocation: ToolInvocation) throws(ToolFailure) -> ToolOutcome {
        let definition = try invocation.definition(named: invocation[Arguments.workflowName])
        let (runID, state) = try invocation.startRun(of: definition, context: try invocation.context(Arguments.context))
        let view = try invocation.view(of: runID, in: state, definition: definition)
        return .complete(
            view.output(text: "Started run \(runID) of workflow \(definition.name).\n\n" + view.markdown))
    }
}
