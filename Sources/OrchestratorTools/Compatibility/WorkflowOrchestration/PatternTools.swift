internal import OrchestratorCore
package import OrchestratorJSON
package import OrchestratorMCP
internal import OrchestratorWorkflows

/// A pattern is a workflow applied to a named target: its required context is what the first step
/// renders, and `target` is always given (the target component).
enum PatternCheck {
    static func missing(_ definition: WorkflowDefinition, parameters: [String: JSONValue]) -> [String] {
        definition.requiredContext.filter { $0 != "target" && parameters[$0] == nil }
    }
}

/// workflow-orchestration's `list_patterns`: every valid workflow, with the context it requires.
package struct ListPatternsTool: OrchestratorTool {
    package let name = "list_patterns"
    package let title = "List patterns"
    package let description = "Workflows usable as patterns, with the parameters each requires. Read-only."
    package let toolset = Toolset.workflowOrchestration
    package let annotations = ToolAnnotations.readOnly
    package let inputSchema = ToolArguments.schema()
    package let outputSchema: JSONValue = [
        "type": "object",
        "properties": [
            "patterns": [
                "type": "array",
                "items": [
                    "type": "object",
                    "properties": [
                        "pattern_name": ["type": "string"], "description": ["type": "string"],
                        "required_parameters": ["type": "array", "items": ["type": "string"]],
                    ],
                    "required": ["pattern_name", "description", "required_parameters"],
                ],
            ]
        ],
        "required": ["patterns"],
    ]

    package init() {}

    package func call(_ invocation: ToolInvocation) throws(ToolFailure) -> ToolOutcome {
        let patterns = invocation.workflows.workflows().compactMap(\.definition)
        let text = patterns.map {
            "- \($0.name): requires \($0.requiredContext.isEmpty ? "nothing" : $0.requiredContext.joined(separator: ", "))"
        }.joined(separator: "\n")
        return .complete(
            ToolOutput(
                structured: [
                    "patterns": .array(
                        patterns.map { definition in
                            [
                                "pattern_name": .string(definition.name),
                                "description": .string(
                                    definition.description.isEmpty ? definition.title : definition.description),
                                "required_parameters": .array(definition.requiredContext.map(JSONValue.string)),
                            ]
                        })
                ],
                text: text.isEmpty ? "No patterns." : text))
    }
}

/// The arguments both pattern tools take.
/// The arguments both pattern tools take, declared once.
enum PatternArguments {
    static let pattern = Argument.string("pattern_name")
    static let target = Argument.string("target_component")
    static let parameters = Argument.object("parameters")
    static let schema = ToolArguments.schema(pattern, target, parameters)
}

/// workflow-orchestration's `validate_pattern_application`: would applying it have what it needs?
package struct ValidatePatternApplicationTool: OrchestratorTool {
    package let name = "validate_pattern_application"
    package let title = "Check a pattern application"
    package let description =
        "Check that a pattern exists, is valid, and that parameters give every context key it requires. Read-only."
    package let toolset = Toolset.workflowOrchestration
    package let annotations = ToolAnnotations.readOnly
    package let inputSchema = PatternArguments.schema
    package let outputSchema: JSONValue = [
        "type": "object",
        "properties": [
            "valid": ["type": "boolean"], "missing_parameters": ["type": "array", "items": ["type": "string"]],
            "errors": ["type": "array", "items": ["type": "string"]],
        ],
        "required": ["valid", "missing_parameters", "errors"],
    ]

    package init() {}

    package func call(_ invocation: ToolInvocation) throws(ToolFailure) -> ToolOutcome {
        let workflow = try invocation.loadedWorkflow(PatternArguments.pattern)
        let parameters = try invocation.context(PatternArguments.parameters)
        let missing = workflow.definition.map { PatternCheck.missing($0, parameters: parameters) } ?? []
        let errors = workflow.errors.map(\.description)
        let valid = errors.isEmpty && missing.isEmpty
        let text =
            valid
            ? "Pattern \(workflow.name) can be applied to \(invocation[PatternArguments.target])."
            : "Pattern \(workflow.name) cannot be applied yet: "
                + (errors + missing.map { "parameter \($0) is missing" }).joined(separator: "; ")
        return .complete(
            ToolOutput(
                structured: [
                    "valid": .bool(valid), "missing_parameters": .array(missing.map(JSONValue.string)),
                    "errors": .array(errors.map(JSONValue.string)),
                ],
                text: text))
    }
}

/// workflow-orchestration's `apply_pattern`: a run of the workflow on the target, once the check passes.
package struct ApplyPatternTool: OrchestratorTool {
    package let name = "apply_pattern"
    package let title = "Apply a pattern"
    package let description =
        "Run a pattern on target_component (context.target) with parameters; refused when required parameters are missing."
    package let toolset = Toolset.workflowOrchestration
    package let roles: [ToolRole] = [.startRun]
    package let annotations = ToolAnnotations.change
    package let inputSchema = PatternArguments.schema
    package var outputSchema: JSONValue { ExecutionView.schema }

    package init() {}

    package func call(_ invocation: ToolInvocation) throws(ToolFailure) -> ToolOutcome {
        let definition = try invocation.definition(named: invocation[PatternArguments.pattern])
        let parameters = try invocation.context(PatternArguments.parameters)
        let missing = PatternCheck.missing(definition, parameters: parameters)
        guard missing.isEmpty else {
            throw .refused(
                code: "pattern_parameters_missing",
                message:
                    "Pattern \(definition.name) needs the parameters \(missing.joined(separator: ", ")); pass them in parameters."
            )
        }
        var context = parameters
        context["target"] = .string(invocation[PatternArguments.target])
        let (runID, state) = try invocation.startRun(of: definition, context: context)
        let view = try invocation.view(of: runID, in: state, definition: definition)
        return .complete(
            ToolOutput(
                structured: ExecutionView.json(view),
                text: "Applied \(definition.name) to \(invocation[PatternArguments.target]) as \(runID).\n\n"
                    + view.markdown))
    }
}
