internal import OrchestratorCore
package import OrchestratorJSON
package import OrchestratorMCP
internal import OrchestratorWorkflows

/// workflow-orchestration's `export_workflow_data {workflow_id, format}`: a definition and its runs.
package struct ExportWorkflowDataTool: OrchestratorTool {
    package let name = "export_workflow_data"
    package let title = "Export a workflow"
    package let description = "A workflow's definition and all its runs, as json or markdown. Read-only."
    package let toolset = Toolset.workflowOrchestration
    package let annotations = ToolAnnotations.readOnly
    /// The tool's own arguments.
    enum Arguments {
        static let format = Argument.requiredChoice("format", Format.self)
    }

    /// What the export is written as.
    enum Format: String, CaseIterable, Sendable {
        case json, markdown
    }
    package let inputSchema = ToolArguments.schema(WorkflowOrchestrationArguments.workflow, Arguments.format)
    /// The tool's result fields.
    enum Fields {
        static let workflowID = Field.string("workflow_id", required: true)
        static let format = Field.choice("format", Format.self, required: true)
        static let data = Field.string("data", required: true)
        static let runs = Field.integer("runs", required: true)
        /// The runs inside the exported JSON document.
        static let exportedRuns = Field.list("runs", of: RunView.schema, required: true)
    }

    /// Published by `tools/list`, built on first use (not at every launch).
    package var outputSchema: JSONValue { Self.results }
    static let results = ResultFields.schema(Fields.workflowID, Fields.format, Fields.data, Fields.runs)

    package init() {}

    package func call(_ invocation: ToolInvocation) throws(ToolFailure) -> ToolOutcome {
        let workflow = try invocation.loadedWorkflow(WorkflowOrchestrationArguments.workflow)
        let state = try invocation.currentState()
        let runs = state.runs.filter { $0.workflow == workflow.name }
        let data: String
        if invocation[Arguments.format] == .json {
            let exported = ResultFields.object([
                WorkflowOrchestrationView.workflow(WorkflowOrchestrationView.definition(workflow)),
                Fields.exportedRuns(
                    try runs.map { run throws(ToolFailure) in try invocation.view(of: run.id, in: state).json }),
            ])
            data = exported.description
        } else {
            var lines = [WorkflowDocument.markdown(workflow), "", "## Runs", ""]
            if runs.isEmpty { lines.append("None yet.") }
            for run in runs {
                lines.append(
                    "- \(run.id): \(run.status.rawValue), started \(run.createdAt) by \(run.startedBy)\(run.currentStep.map { ", on \($0)" } ?? "")"
                )
            }
            data = lines.joined(separator: "\n")
        }
        return .complete(
            ToolOutput(
                fields: [
                    Fields.workflowID(workflow.name), Fields.format(invocation[Arguments.format] ?? .markdown),
                    Fields.data(data), Fields.runs(runs.count),
                ],
                text: data))
    }
}
