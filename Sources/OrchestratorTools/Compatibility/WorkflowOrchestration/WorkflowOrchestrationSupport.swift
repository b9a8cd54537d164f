internal import OrchestratorCore
internal import OrchestratorJSON
internal import OrchestratorMCP
internal import OrchestratorWorkflows

/// The workflow-orchestration tool set's view: a Markdown workflow is a workflow (and a pattern),
/// a run is an execution, and a distributed task group is a request.
enum WorkflowOrchestrationView {
    static func definition(_ workflow: LoadedWorkflow) -> JSONValue {
        var object: [String: JSONValue] = [
            "workflow_id": .string(workflow.name),
            "status": .string(workflow.definition == nil ? "invalid" : "valid"),
            "errors": .array(workflow.errors.map { .string($0.description) }),
        ]
        if let definition = workflow.definition {
            object["name"] = .string(definition.title)
            object["description"] = .string(definition.description)
            object["required_context"] = .array(definition.requiredContext.map(JSONValue.string))
            object["steps"] = .array(
                definition.steps.map { step in
                    [
                        "id": .string(step.file), "name": .string(step.name),
                        "next": .array(step.allowedTargets.map { .string($0.description) }),
                    ]
                })
        }
        return .object(object)
    }

    static let definitionSchema: JSONValue = [
        "type": "object",
        "properties": [
            "workflow_id": ["type": "string"], "status": ["type": "string", "enum": ["valid", "invalid"]],
            "errors": ["type": "array", "items": ["type": "string"]], "name": ["type": "string"],
            "description": ["type": "string"], "required_context": ["type": "array", "items": ["type": "string"]],
            "steps": ["type": "array"],
        ],
        "required": ["workflow_id", "status", "errors"],
    ]
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
