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
    package let outputSchema: JSONValue = [
        "type": "object",
        "properties": [
            "workflows": [
                "type": "array",
                "items": [
                    "type": "object",
                    "properties": [
                        "name": ["type": "string"], "title": ["type": "string"], "description": ["type": "string"],
                        "directory": ["type": "string"], "valid": ["type": "boolean"],
                        "steps": ["type": "array", "items": ["type": "string"]],
                        "errors": ["type": "array", "items": ["type": "string"]],
                        "warnings": ["type": "array", "items": ["type": "string"]],
                    ],
                    "required": ["name", "directory", "valid", "steps", "errors", "warnings"],
                ],
            ],
            "roles": [
                "type": "array",
                "items": [
                    "type": "object", "properties": ["name": ["type": "string"], "title": ["type": "string"]],
                    "required": ["name", "title"],
                ],
            ],
            "directories": ["type": "array", "items": ["type": "string"]],
        ],
        "required": ["workflows", "roles", "directories"],
    ]

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
        let structured: JSONValue = [
            "workflows": .array(
                workflows.map { workflow in
                    var object: [String: JSONValue] = [
                        "name": .string(workflow.name),
                        "directory": .string(workflow.directory),
                        "valid": .bool(workflow.definition != nil),
                        "steps": .array((workflow.definition?.steps ?? []).map { .string($0.name) }),
                        "errors": .array(workflow.errors.map { .string($0.description) }),
                        "warnings": .array(workflow.warnings.map { .string($0.description) }),
                    ]
                    object["title"] = workflow.definition.map { .string($0.title) }
                    object["description"] = workflow.definition.map { .string($0.description) }
                    return .object(object)
                }),
            "roles": .array(roles.map { ["name": .string($0.name), "title": .string($0.title)] }),
            "directories": .array(library.directories.map(JSONValue.string)),
        ]
        return .complete(ToolOutput(structured: structured, text: lines.joined(separator: "\n")))
    }
}
