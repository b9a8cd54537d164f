internal import OrchestratorCore
package import OrchestratorJSON
package import OrchestratorMCP

/// workflow-orchestration's `execute_workflow`: starts a run; parameters become its context.
package struct ExecuteWorkflowTool: OrchestratorTool {
    package let name = "execute_workflow"
    package let title = "Execute a workflow"
    package let description =
        "Start a workflow run with parameters as its context; returns execution_id and the first step."
    package let toolset = Toolset.workflowOrchestration
    package let roles: [ToolRole] = [.startRun]
    package let annotations = ToolAnnotations.change
    /// The tool's own arguments.
    enum Arguments {
        static let workflow = Argument.string("workflow_id")
        static let parameters = Argument.object("parameters")
        static let machines = Argument.value("target_machines", ["type": "array", "items": ["type": "string"]])
    }
    package let inputSchema = ToolArguments.schema(Arguments.workflow, Arguments.parameters, Arguments.machines)
    /// Published by `tools/list`, built on first use (not at every launch).
    package var outputSchema: JSONValue { Self.results }
    static let results = ExecutionView.schema

    package init() {}

    package func call(_ invocation: ToolInvocation) throws(ToolFailure) -> ToolOutcome {
        var context = try invocation.context(Arguments.parameters)
        if let machines = invocation[Arguments.machines] { context["target_machines"] = machines }
        let definition = try invocation.definition(named: invocation[Arguments.workflow])
        let (runID, state) = try invocation.startRun(of: definition, context: context)
        let view = try invocation.view(of: runID, in: state, definition: definition)
        return .complete(
            ExecutionView.output(view, text: "Execution \(runID) of \(definition.name) started.\n\n" + view.markdown))
    }
}

/// A run as workflow-orchestration shows it: `execution_id` and `status` next to the full run.
enum ExecutionView {
    static let executionID = Field.string("execution_id", required: true)
    static let status = Field.choice("status", WorkflowRun.Status.self, required: true)
    static let run = Field.value("run", RunView.schema, required: true)
    static let schema = ResultFields.schema(executionID, status, run)

    static func output(_ view: RunView, text: String) -> ToolOutput {
        ToolOutput(fields: [executionID(view.run.id.rawValue), status(view.run.status), run(view.json)], text: text)
    }
}
