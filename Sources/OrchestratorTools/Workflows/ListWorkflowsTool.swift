internal import OrchestratorCore
package import OrchestratorJSON
package import OrchestratorMCP
internal import OrchestratorWorkflows

/// `list_workflows`: every definition the server can run, with its problems, and the roles.
package struct ListWorkflowsTool: OrchestratorTool {
    package let name = "list_workflows"
    package let title = "List workflows"
    package let description = """
        The workflows this server can run, with their steps, any file:line errors, and the roles. Read-only.
        """
    package let toolset = Toolset.workflows
    package let roles: [ToolRole] = [.seeWorkflows]
    package let annotations = ToolAnnotations.readOnly
    package let acceptsWrappedArguments = true
    package let inputSchema = ToolArguments.schema()
    /// One workflow's fields.
    enum Workflow {
        static let name = Field.string("name", required: true)
        static let title = Field.string("title")
        static let description = Field.string("description")
        static let directory = Field.string("directory", required: true)
        static let valid = Field.flag("valid", required: true)
        static let steps = Field.strings("steps", required: true)
        static let errors = Field.strings("errors", required: true)
        static let warnings = Field.strings("warnings", required: true)
        static let schema = ResultFields.schema(name, title, description, directory, valid, steps, errors, warnings)
    }

    /// One role's fields.
    enum Role {
        static let name = Field.string("name", required: true)
        static let title = Field.string("title", required: true)
        static let schema = ResultFields.schema(name, title)
    }

    /// The tool's result fields.
    enum Fields {
        static let workflows = Field.list("workflows", of: Workflow.schema, required: true)
        static let roles = Field.list("roles", of: Role.schema, required: true)
        static let directories = Field.strings("directories", required: true)
    }

    /// Published by `tools/list`, built on first use (not at every launch).
    package var outputSchema: JSONValue { Self.results }
    static let results = ResultFields.schema(Fields.workflows, Fields.roles, Fields.directories)

    package init() {}

    package func call(_ invocation: ToolInvocation) throws(ToolFailure) -> ToolOutcome {
        let library = invocation.workflows
        let workflows = library.workflows()
        let roles = library.roles()
        var lines =
            workflows.isEmpty
            ? [
                "No workflows are loaded from \(library.directories.isEmpty ? "any directory" : library.directories.joined(separator: ", "))."
            ]
            : ["| Workflow | Steps | Description |", "|---|---|---|"]
        for workflow in workflows {
            let description =
                workflow.definition.map { $0.description.isEmpty ? $0.title : $0.description }
                ?? "**has errors** — see below"
            lines.append(
                "| \(workflow.name) | \(workflow.definition?.steps.count ?? 0) | \(description.replacing("|", with: "\\|")) |"
            )
        }
        for workflow in workflows where !workflow.diagnostics.isEmpty {
            lines.append("")
            lines += workflow.diagnostics.map { "- \($0)" }
        }
        if !roles.isEmpty { lines += ["", "Roles: \(roles.map(\.name).joined(separator: ", "))."] }
        let listed = workflows.map { workflow in
            ResultFields.object([
                Workflow.name(workflow.name), Workflow.title(ifAny: workflow.definition?.title),
                Workflow.description(ifAny: workflow.definition?.description), Workflow.directory(workflow.directory),
                Workflow.valid(workflow.definition != nil),
                Workflow.steps((workflow.definition?.steps ?? []).map(\.name)),
                Workflow.errors(workflow.errors.map(\.description)),
                Workflow.warnings(workflow.warnings.map(\.description)),
            ])
        }
        return .complete(
            ToolOutput(
                fields: [
                    Fields.workflows(listed),
                    Fields.roles(roles.map { ResultFields.object([Role.name($0.name), Role.title($0.title)]) }),
                    Fields.directories(library.directories),
                ], text: lines.joined(separator: "\n")))
    }
}
