internal import OrchestratorCore
package import OrchestratorJSON
package import OrchestratorMCP
internal import OrchestratorWorkflows

/// workflow-orchestration's `list_workflows {status_filter?, pattern_filter?}`.
package struct WorkflowOrchestrationListTool: OrchestratorTool {
    package let name = "list_workflows"
    package let title = "List workflows"
    package let description =
        "Workflows, optionally only valid or invalid ones (status_filter) or those whose name or description contains pattern_filter."
    package let toolset = Toolset.workflowOrchestration
    package let annotations = ToolAnnotations.readOnly
    /// The tool's own arguments.
    enum Arguments {
        static let status = Argument.choice("status_filter", StatusFilter.self)
        static let pattern = Argument.optionalString("pattern_filter", ["type": "string"])
    }

    /// Which workflows to list by their state.
    enum StatusFilter: String, CaseIterable, Sendable {
        case valid, invalid
    }
    package let inputSchema = ToolArguments.schema(Arguments.status, Arguments.pattern)
    /// The tool's result fields.
    enum Fields {
        static let workflows = Field.list("workflows", of: WorkflowOrchestrationView.definitionSchema, required: true)
    }

    /// Published by `tools/list`, built on first use (not at every launch).
    package var outputSchema: JSONValue { Self.results }
    static let results = ResultFields.schema(Fields.workflows)

    package init() {}

    package func call(_ invocation: ToolInvocation) throws(ToolFailure) -> ToolOutcome {
        let status = invocation[Arguments.status]?.rawValue
        let pattern = invocation[Arguments.pattern]?.lowercased()
        let chosen = invocation.workflows.workflows().filter { workflow in
            let valid = workflow.definition != nil
            if let status, (status == "valid") != valid { return false }
            guard let pattern, !pattern.isEmpty else { return true }
            let text = "\(workflow.name) \(workflow.definition?.title ?? "") \(workflow.definition?.description ?? "")"
                .lowercased()
            return text.contains(pattern)
        }
        let text =
            chosen.isEmpty
            ? "No workflows match."
            : chosen.map { "- \($0.name)\($0.definition == nil ? " (invalid)" : ""): \($0.definition?.title ?? "")" }
                .joined(separator: "\n")
        return .complete(
            ToolOutput(fields: [Fields.workflows(chosen.map(WorkflowOrchestrationView.definition))], text: text))
    }
}
