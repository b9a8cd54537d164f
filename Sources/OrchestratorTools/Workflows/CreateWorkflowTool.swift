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
    /// The tool's result fields.
    enum Fields {
        static let workflowName = Field.string("workflow_name", required: true)
        static let directory = Field.string("directory", required: true)
        static let files = Field.strings("files", required: true)
        static let steps = Field.strings("steps", required: true)
        static let warnings = Field.strings("warnings", required: true)
        static let replaced = Field.flag("replaced", required: true)
    }

    /// Published by `tools/list`, built on first use (not at every launch).
    package var outputSchema: JSONValue { Self.results }
    static let results = ResultFields.schema(
        Fields.workflowName, Fields.directory, Fields.files, Fields.steps, Fields.warnings, Fields.replaced)

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
        return .complete(
            ToolOutput(
                fields: [
                    Fields.workflowName(name), Fields.directory(directory), Fields.files(written.paths),
                    Fields.steps(written.definition.steps.map(\.name)),
                    Fields.warnings(written.warnings.map(\.description)), Fields.replaced(existed),
                ], text: lines.joined(separator: "\n")))
    }
}
