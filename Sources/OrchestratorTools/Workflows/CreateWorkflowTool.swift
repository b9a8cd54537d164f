internal import OrchestratorCore
package import OrchestratorJSON
package import OrchestratorMCP
internal import OrchestratorWorkflows

/// `create_workflow`: writes a new definition from structured input, after validating it.
package struct CreateWorkflowTool: OrchestratorTool {
    package let name = "create_workflow"
    package let title = "Create a workflow"
    package let description = """
        Write a validated workflow into the first workflows directory; transitions are rule lines such as \
        "success -> Next Step" or "otherwise -> FINISH". overwrite: true replaces one.
        """
    package let toolset = Toolset.workflows
    package let annotations = ToolAnnotations.change
    package let acceptsWrappedArguments = true
    /// The tool's own arguments.
    enum Arguments {
        static let workflowName = Argument.string(
            "workflow_name", ["type": "string", "pattern": "^[A-Za-z0-9_-]{1,64}$"])
        static let description = Argument.optionalString(
            "description", ["type": "string", "description": "What the workflow is for."])
        static let steps = Argument.list(
            "steps",
            [
                "type": "array", "minItems": 1,
                "description": "In order; the first starts the run.",
                "items": [
                    "type": "object",
                    "properties": [
                        "name": ["type": "string", "minLength": 1],
                        "goal": ["type": "string"],
                        "orchestrator_guidance": ["type": "string", "minLength": 1],
                        "client_instructions": ["type": "string", "minLength": 1],
                        "context_expectations": ["type": "string"],
                        "role": ["type": "string"],
                        "transitions": ["type": "array", "items": ["type": "string", "minLength": 1]],
                    ],
                    "required": ["name", "orchestrator_guidance", "client_instructions"],
                    "additionalProperties": false,
                ],
            ], required: true)
        static let overwrite = Argument.flag("overwrite")
    }
    package let inputSchema = ToolArguments.schema(
        Arguments.workflowName, Arguments.description, Arguments.steps, Arguments.overwrite)
    package let outputSchema: JSONValue = [
        "type": "object",
        "properties": [
            "workflow_name": ["type": "string"],
            "directory": ["type": "string"],
            "files": ["type": "array", "items": ["type": "string"]],
            "steps": ["type": "array", "items": ["type": "string"]],
            "warnings": ["type": "array", "items": ["type": "string"]],
            "replaced": ["type": "boolean"],
        ],
        "required": ["workflow_name", "directory", "files", "steps", "warnings", "replaced"],
    ]

    package init() {}

    package func call(_ invocation: ToolInvocation) throws(ToolFailure) -> ToolOutcome {
        let name = invocation[Arguments.workflowName]
        let steps = invocation[Arguments.steps].map { item in
            WorkflowDraft.Step(
                name: item["name"]?.stringValue ?? "", goal: item["goal"]?.stringValue,
                orchestratorGuidance: item["orchestrator_guidance"]?.stringValue ?? "",
                clientInstructions: item["client_instructions"]?.stringValue ?? "",
                contextExpectations: item["context_expectations"]?.stringValue, role: item["role"]?.stringValue,
                transitions: (item["transitions"]?.arrayValue ?? []).compactMap(\.stringValue))
        }
        let draft = WorkflowDraft(name: name, description: invocation[Arguments.description] ?? "", steps: steps)
        let overwrite = invocation[Arguments.overwrite]
        let existed =
            invocation.workflows.workflow(named: name).map {
                $0.directory == invocation.workflows.directories.first
            } ?? false
        let (directory, written) = try invocation.writeWorkflow(draft, overwrite: overwrite)
        var lines = [
            "\(existed ? "Replaced" : "Created") workflow \(name) in \(directory) with \(steps.count) step\(steps.count == 1 ? "" : "s"). Start it with start_workflow."
        ]
        lines += written.warnings.map { "- \($0)" }
        let structured: JSONValue = [
            "workflow_name": .string(name),
            "directory": .string(directory),
            "files": .array(written.paths.map(JSONValue.string)),
            "steps": .array(written.definition.steps.map { .string($0.name) }),
            "warnings": .array(written.warnings.map { .string($0.description) }),
            "replaced": .bool(existed),
        ]
        return .complete(ToolOutput(structured: structured, text: lines.joined(separator: "\n")))
    }
}
