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
    package let outputSchema: JSONValue = [
        "type": "object",
        "properties": [
            "workflow_id": ["type": "string"], "format": ["type": "string"], "data": ["type": "string"],
            "runs": ["type": "integer"],
        ],
        "required": ["workflow_id", "format", "data", "runs"],
    ]

    package init() {}

    package func call(_ invocation: ToolInvocation) throws(ToolFailure) -> ToolOutcome {
        let workflow = try invocation.loadedWorkflow(WorkflowOrchestrationArguments.workflow)
        let state = try invocation.currentState()
        let runs = state.runs.filter { $0.workflow == workflow.name }
        let data: String
        if invocation[Arguments.format] == .json {
            let exported: JSONValue = [
                "workflow": WorkflowOrchestrationView.definition(workflow),
                "runs": .array(
                    try runs.map { run throws(ToolFailure) in try invocation.view(of: run.id, in: state).json }),
            ]
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
                structured: [
                    "workflow_id": .string(workflow.name),
                    "format": .string((invocation[Arguments.format] ?? .markdown).rawValue),
                    "data": .string(data), "runs": .int(runs.count),
                ],
                text: data))
    }
}
