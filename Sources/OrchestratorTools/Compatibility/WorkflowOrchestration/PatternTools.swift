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
    /// One pattern's fields.
    enum Pattern {
        static let name = Field.string("pattern_name", required: true)
        static let description = Field.string("description", required: true)
        static let requiredParameters = Field.strings("required_parameters", required: true)
        static let schema = ResultFields.schema(name, description, requiredParameters)
    }

    /// The tool's result fields.
    enum Fields {
        static let patterns = Field.list("patterns", of: Pattern.schema, required: true)
    }

    /// Published by `tools/list`, built on first use (not at every launch).
    package var outputSchema: JSONValue { Self.results }
    static let results = ResultFields.schema(Fields.patterns)

    package init() {}

    package func call(_ invocation: ToolInvocation) throws(ToolFailure) -> ToolOutcome {
        let patterns = invocation.workflows.workflows().compactMap(\.definition)
        let text = patterns.map {
            "- \($0.name): requires \($0.requiredContext.isEmpty ? "nothing" : $0.requiredContext.joined(separator: ", "))"
        }.joined(separator: "\n")
        return .complete(
            ToolOutput(
                fields: [
                    Fields.patterns(
                        patterns.map { definition in
                            ResultFields.object([
                                Pattern.name(definition.name),
                                Pattern.description(
                                    definition.description.isEmpty ? definition.title : definition.description),
                                Pattern.requiredParameters(definition.requiredContext),
                            ])
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
    /// The tool's result fields.
    enum Fields {
        static let valid = Field.flag("valid", required: true)
        static let missingParameters = Field.strings("missing_parameters", required: true)
        static let errors = Field.strings("errors", required: true)
    }

    /// Published by `tools/list`, built on first use (not at every launch).
    package var outputSchema: JSONValue { Self.results }
    static let results = ResultFields.schema(Fields.valid, Fields.missingParameters, Fields.errors)

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
                fields: [Fields.valid(valid), Fields.missingParameters(missing), Fields.errors(errors)],
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
    /// Published by `tools/list`, built on first use (not at every launch).
    package var outputSchema: JSONValue { Self.results }
    static let results = ExecutionView.schema

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
            ExecutionView.output(
                view,
                text: "Applied \(definition.name) to \(invocation[PatternArguments.target]) as \(runID).\n\n"
                    + view.markdown))
    }
}
