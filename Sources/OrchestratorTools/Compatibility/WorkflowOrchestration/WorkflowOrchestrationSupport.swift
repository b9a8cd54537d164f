internal import OrchestratorCore
internal import OrchestratorJSON
internal import OrchestratorMCP
internal import OrchestratorWorkflows

/// The workflow-orchestration tool set's view: a Markdown workflow is a workflow (and a pattern),
/// a run is an execution, and a distributed task group is a request.
enum WorkflowOrchestrationView {
    /// Whether a workflow loaded.
    enum Validity: String, CaseIterable, Sendable {
        case valid, invalid
    }

    /// A workflow definition's fields.
    enum Definition {
        static let workflowID = Field.string("workflow_id", required: true)
        static let status = Field.choice("status", Validity.self, required: true)
        static let errors = Field.strings("errors", required: true)
        static let name = Field.string("name")
        static let description = Field.string("description")
        static let requiredContext = Field.strings("required_context")
        static let steps = Field.list("steps", of: Step.schema)
        static let schema = ResultFields.schema(workflowID, status, errors, name, description, requiredContext, steps)
    }

    /// A step's fields.
    enum Step {
        static let id = Field.string("id", required: true)
        static let name = Field.string("name", required: true)
        static let next = Field.strings("next", required: true)
        static let schema = ResultFields.schema(id, name, next)
    }

    static func definition(_ workflow: LoadedWorkflow) -> JSONValue {
        let definition = workflow.definition
        return ResultFields.object([
            Definition.workflowID(workflow.name), Definition.status(definition == nil ? .invalid : .valid),
            Definition.errors(workflow.errors.map(\.description)), Definition.name(ifAny: definition?.title),
            Definition.description(ifAny: definition?.description),
            Definition.requiredContext(ifAny: definition?.requiredContext),
            Definition.steps(
                ifAny: definition?.steps.map { step in
                    ResultFields.object([
                        Step.id(step.file), Step.name(step.name), Step.next(step.allowedTargets.map(\.description)),
                    ])
                }),
        ])
    }

    static let definitionSchema = Definition.schema

    /// A result's `workflow` field.
    static let workflow = Field.value("workflow", definitionSchema, required: true)
    /// A result's task group (a request).
    static let taskGroupID = Field.string("task_group_id", required: true)
}

extension ToolInvocation {
    /// A loaded workflow named by a workflow argument (`workflow_id`, `pattern_name`), valid or not.
    func loadedWorkflow(_ argument: ToolArgument<String>) throws(ToolFailure) -> LoadedWorkflow {
        let name = self[argument]
        guard let workflow = workflows.workflow(named: name) else {
            throw ToolFailure(
                OrchestratorError.workflowNotFound(name, available: workflows.workflows().map(\.name)))
        }
        return workflow
    }

    /// Starts a run of `definition` with `context`: the one way every set's "execute" starts a workflow.
    func startRun(of definition: WorkflowDefinition, context: [String: JSONValue]) throws(ToolFailure) -> (
        WorkflowRun.ID, OrchestratorState
    ) {
        let actor = self.actor
        return try perform { (orchestrator) throws(ChangeFailure) in
            try orchestrator.startRun(of: definition, context: context, by: actor)
        }
    }
}

/// Arguments the workflow-orchestration tools share.
enum WorkflowOrchestrationArguments {
    static let workflow = Argument.string("workflow_id")
}
