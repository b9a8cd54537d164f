internal import OrchestratorCore
package import OrchestratorJSON
package import OrchestratorMCP
internal import OrchestratorWorkflows

/// workflow-orchestration's `list_workflows {status_filter?, pattern_filter?}`.
package struct WorkflowOrchestrationListTool: MCPTool {
    package let name = "list_workflows"
    package let title = "List workflows"
    package let description =
        "Workflows, optionally only valid or invalid ones (status_filter) or those whose name or description contains pattern_filter."
    package let toolset = Toolset.workflowOrchestration
    package let annotations = ToolAnnotations.readOnly
    package let inputSchema: JSONValue = [
        "type": "object",
        "properties": [
            "status_filter": ["type": "string", "enum": ["valid", "invalid"]],
            "pattern_filter": ["type": "string"],
        ],
        "additionalProperties": false,
    ]
    package let outputSchema: JSONValue = [
        "type": "object",
        "properties": ["workflows": ["type": "array", "items": WorkflowOrchestrationView.definitionSchema]],
        "required": ["workflows"],
    ]

    package init() {}

    package func call(_ invocation: ToolInvocation) throws(ToolFailure) -> ToolOutcome {
        let status = invocation.optionalString("status_filter")
        let pattern = invocation.optionalString("pattern_filter")?.lowercased()
        let chosen = invocation.environment.workflows.workflows().filter { workflow in
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
            ToolOutput(structured: ["workflows": .array(chosen.map(WorkflowOrchestrationView.definition))], text: text))
    }
}
