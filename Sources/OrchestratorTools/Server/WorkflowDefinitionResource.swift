internal import OrchestratorCore
internal import OrchestratorJSON
package import OrchestratorMCP
package import OrchestratorWorkflows

/// `orchestrator://workflows/<name>`: one workflow's definition as Markdown, includes resolved.
package struct WorkflowDefinitionResource: MCPResource {
    package let workflow: LoadedWorkflow

    package var uri: String { WorkflowDocument.uri(workflow.name) }
    package var name: String { "workflow-\(workflow.name)" }
    package var title: String { "Workflow: \(workflow.definition?.title ?? workflow.name)" }
    package var description: String {
        guard let definition = workflow.definition else { return "Workflow \(workflow.name) (has errors)." }
        return definition.description.isEmpty ? definition.title : definition.description
    }
    package let mimeType = "text/markdown"

    package func read(environment: ServerEnvironment, context: RequestContext) throws(JSONRPCError) -> String {
        WorkflowDocument.markdown(workflow)
    }
}

/// `orchestrator://workflows/{name}`: the same documents by name, with names offered for completion.
package struct WorkflowDefinitionTemplate: MCPResourceTemplate {
    package let template = URITemplate("orchestrator://workflows/{name}")
    package let name = "workflow-definition"
    package let title = "Workflow definition"
    package let description = "A Markdown workflow's steps, guidance, instructions and transition rules."
    package let mimeType = "text/markdown"
    private let library: WorkflowLibrary

    package init(library: WorkflowLibrary) { self.library = library }

    package func read(_ variables: [String: String], environment: ServerEnvironment, context: RequestContext) -> String?
    {
        variables["name"].flatMap(library.workflow(named:)).map(WorkflowDocument.markdown)
    }

    package func complete(_ variable: String, prefix: String, environment: ServerEnvironment) -> [String] {
        guard variable == "name" else { return [] }
        return library.workflows().map(\.name).filter { $0.lowercased().hasPrefix(prefix.lowercased()) }
    }
}

/// A workflow written out as one document, for resources and prompts.
package enum WorkflowDocument {
    package static func uri(_ name: String) -> String { "orchestrator://workflows/\(name)" }

    package static func markdown(_ workflow: LoadedWorkflow) -> String {
        guard let definition = workflow.definition else {
            return "# \(workflow.name)\n\nThis workflow cannot run until these errors are fixed:\n\n"
                + workflow.errors.map { "- \(workflow.directory)/\($0)" }.joined(separator: "\n")
        }
        var lines = ["# \(definition.title)", "", "Workflow `\(definition.name)` from \(workflow.folder).", ""]
        if !definition.description.isEmpty { lines += [definition.description, ""] }
        for (number, step) in definition.steps.enumerated() {
            lines += [
                "## \(number + 1). \(step.name)", "", "File: `\(step.file)`\(step.role.map { " · Role: \($0)" } ?? "")",
                "",
            ]
            if let goal = step.goal { lines += ["### Goal", "", goal, ""] }
            lines += ["### Orchestrator Guidance", "", step.orchestratorGuidance, ""]
            lines += ["### Client Instructions", "", step.clientInstructions, ""]
            if let expectations = step.contextExpectations {
                lines += ["### Context Expectations", "", expectations, ""]
            }
            if step.isRuleBased {
                lines += ["### Transitions", ""] + step.transitions.map { "- \($0)" } + [""]
            } else {
                lines += [
                    "Next steps the client may choose: \(step.allowedTargets.map(\.description).joined(separator: ", ")).",
                    "",
                ]
            }
        }
        if !workflow.warnings.isEmpty { lines += ["## Warnings", ""] + workflow.warnings.map { "- \($0)" } }
        return lines.joined(separator: "\n")
    }
}
