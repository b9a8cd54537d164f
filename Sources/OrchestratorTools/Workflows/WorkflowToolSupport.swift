internal import OrchestratorCore
internal import OrchestratorJSON
internal import OrchestratorMCP
internal import OrchestratorWorkflows

/// What the workflow tools share: finding definitions and runs, and reading the report argument.
extension ToolInvocation {
    var runID: WorkflowRun.ID { WorkflowRun.ID(self[WorkflowArguments.runID]) }

    /// The definition to run, refusing names that do not exist or definitions with errors.
    func definition(named name: String) throws(ToolFailure) -> WorkflowDefinition {
        let library = workflows
        guard let loaded = library.workflow(named: name) else {
            throw ToolFailure(OrchestratorError.workflowNotFound(name, available: library.workflows().map(\.name)))
        }
        do { return try loaded.runnable() } catch { throw ToolFailure(error) }
    }

    /// The run as last written (a read; the change that follows re-checks it under the lock).
    func run(_ id: WorkflowRun.ID) throws(ToolFailure) -> WorkflowRun {
        let state = try currentState()
        do { return try state.run(id) } catch { throw ToolFailure(error) }
    }

    /// Writes a draft into the first workflows directory; returns the workflow's folder and what was
    /// written, or the refusal (invalid definition with file:line, existing workflow, bad name).
    func writeWorkflow(
        _ draft: WorkflowDraft, overwrite: Bool
    ) throws(ToolFailure) -> (
        folder: String, written: (definition: WorkflowDefinition, warnings: [WorkflowDiagnostic], paths: [String])
    ) {
        guard let directory = workflows.directories.first else {
            throw .refused(
                code: "no_workflows_directory",
                message: "No workflows directory is configured; start the server with --workflows DIR.")
        }
        do {
            return (
                "\(directory)/\(draft.name)", try WorkflowWriter.write(draft, into: directory, overwrite: overwrite)
            )
        } catch {
            switch error {
            case .invalidName(let name):
                throw .refused(
                    code: "invalid_workflow_name",
                    message: "The workflow name '\(name)' may hold only letters, digits, _ and -.")
            case .invalid(let problems):
                throw .refused(
                    code: "workflow_invalid",
                    message: "The workflow was not written because it has errors: "
                        + problems.map(\.description).joined(separator: "; "))
            case .exists(let path):
                throw .refused(
                    code: "workflow_exists",
                    message:
                        "A workflow already exists at \(path); pass overwrite: true to replace it, or choose another name."
                )
            case .writeFailed(let reason):
                throw .failed(
                    code: "workflow_write_failed", message: "Writing the workflow into \(directory) failed: \(reason)")
            }
        }
    }

    /// `context`-shaped object arguments (already checked to be objects by the schema), refused when
    /// they would nest deeper than a run's context may (the state file could not be read back).
    func context(_ argument: ToolArgument<[String: JSONValue]>) throws(ToolFailure) -> [String: JSONValue] {
        let values = self[argument]
        if let path = WorkflowContext.pathTooDeep(in: values) {
            throw .invalidArguments(
                SchemaViolation(
                    path: "\(argument.name).\(path)",
                    problem:
                        "nests deeper than the \(WorkflowContext.maximumDepth) levels a run's context may hold (the context object is the first); store it flatter, or as a JSON string",
                    expected: "a context at most \(WorkflowContext.maximumDepth) levels deep"))
        }
        return values
    }

    /// The `report` argument as the core reads it.
    var report: StepReport? {
        guard let report = self[WorkflowArguments.report]?.objectValue else { return nil }
        return StepReport(
            stepID: report["step_id"]?.stringValue ?? "", status: report["status"]?.stringValue ?? "",
            result: report["result"], message: report["message"]?.stringValue, error: report["error"]?.stringValue,
            details: report["details"])
    }
}

/// The input schemas the run tools share.
enum WorkflowSchemas {
    static let instanceID: JSONValue = [
        "type": "string", "minLength": 1, "description": "The run's id (run-N).",
    ]
    static let context: JSONValue = [
        "type": "object", "description": "Merged into the context; null removes a key.",
    ]
    static let nextStep: JSONValue = [
        "type": "string", "minLength": 1,
        "description": "Without rules: one of allowedNextSteps.",
    ]

    static let report: JSONValue = [
        "type": "object",
        "description": "How the step went.",
        "properties": [
            "step_id": ["type": "string", "minLength": 1, "description": "The current step (name or taskId)."],
            "status": [
                "type": "string", "minLength": 1, "description": "success, failure or another outcome.",
            ],
            "result": [
                "anyOf": [
                    ["type": "string"], ["type": "number"], ["type": "boolean"], ["type": "object"],
                    ["type": "array", "items": ["anyOf": [["type": "string"], ["type": "object"]]]],
                ]
            ],
            "message": ["type": "string"],
            "error": ["type": "string"],
            "details": ["type": "object"],
        ],
        "required": ["step_id", "status"],
    ]
}

/// The arguments the run tools share, each declared once.
enum WorkflowArguments {
    static let runID = Argument.string("instance_id", WorkflowSchemas.instanceID)
    /// How the current step went: required by `advance_workflow`, optional for `resume_workflow`.
    static let report = Argument.value("report", WorkflowSchemas.report)
    static let contextUpdates = Argument.object("context_updates", WorkflowSchemas.context)
    static let nextStep = Argument.optionalString("next_step", WorkflowSchemas.nextStep)
}
