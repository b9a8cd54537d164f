internal import OrchestratorCore
internal import OrchestratorJSON
internal import OrchestratorMCP
internal import OrchestratorWorkflows

/// How a workflow run appears in every workflow tool's answer: the current step with its rendered
/// instructions, the context, the steps taken, and what to report next.
///
/// `instance_id`, `next_step {step_name, instructions}` and `current_context` keep the field names
/// orchestrator-mcp-server's clients read.
struct RunView {
    let run: WorkflowRun
    let definition: WorkflowDefinition?
    let request: WorkRequest?
    let roles: WorkflowLibrary

    static let visitLimit = 50

    var currentStep: WorkflowStep? { run.currentStep.flatMap { definition?.step(named: $0) } }

    var json: JSONValue {
        var object: [String: JSONValue] = [
            "instance_id": .string(run.id.rawValue),
            "workflow": .string(run.workflow),
            "status": .string(run.status.rawValue),
            "requestId": .string(run.requestID.rawValue),
            "current_context": run.context.json,
            "steps_taken": .array(visits.map(\.json)),
        ]
        if let step = currentStep, let task = run.currentTask {
            let rendered = run.context.render(step.clientInstructions)
            var current: [String: JSONValue] = [
                "name": .string(step.name),
                "file": .string(step.file),
                "taskId": .string(task.rawValue),
                "instructions": .string(rendered.text),
                "guidance": .string(step.orchestratorGuidance),
                "ruleBased": .bool(step.isRuleBased),
                "transitions": .array(step.transitions.map { .string($0.description) }),
                "allowedNextSteps": .array(step.allowedTargets.map { .string($0.description) }),
                "missingContext": .array(rendered.missing.map(JSONValue.string)),
            ]
            current["goal"] = step.goal.map(JSONValue.string)
            current["contextExpectations"] = step.contextExpectations.map(JSONValue.string)
            current["role"] = step.role.map(JSONValue.string)
            current["roleGuidance"] = step.role.flatMap(roles.role(named:)).map { .string($0.guidance) }
            object["current_step"] = .object(current)
            object["next_step"] = ["step_name": .string(step.name), "instructions": .string(rendered.text)]
            object["report_next"] = .string(reportHint(step))
        } else if let name = run.currentStep {
            object["next_step"] = [
                "step_name": .string(name),
                "instructions": .string("This step is no longer defined by workflow \(run.workflow)."),
            ]
        } else {
            let end = run.status == .failed ? "FAILED" : "FINISH"
            object["next_step"] = [
                "step_name": .string(end), "instructions": .string("The run has ended; there is nothing more to do."),
            ]
        }
        return .object(object)
    }

    /// The run as readable Markdown.
    var markdown: String {
        var lines: [String] = []
        switch run.status {
        case .running:
            lines.append(
                "Run \(run.id) of workflow \(run.workflow) is on step **\(run.currentStep ?? "?")**\(run.currentTask.map { " (\($0))" } ?? "")."
            )
        case .completed:
            lines.append("Run \(run.id) of workflow \(run.workflow) has finished.")
        case .failed:
            lines.append("Run \(run.id) of workflow \(run.workflow) ended in FAILED.")
        }
        if let step = currentStep {
            let rendered = run.context.render(step.clientInstructions)
            if let goal = step.goal { lines += ["", "## Goal", "", goal] }
            lines += ["", "## Client instructions", "", rendered.text]
            if !rendered.missing.isEmpty {
                lines += [
                    "", "Not yet in the context: \(rendered.missing.map { "context.\($0)" }.joined(separator: ", ")).",
                ]
            }
            if let role = step.role {
                lines += ["", "## Role: \(role)", ""]
                lines.append(roles.role(named: role)?.guidance ?? "(no role file named \(role) is loaded)")
            }
            lines += ["", "## Orchestrator guidance", "", step.orchestratorGuidance]
            if step.isRuleBased {
                lines += ["", "Transition rules (the server decides):"] + step.transitions.map { "- \($0)" }
            }
            lines += ["", "Report next: \(reportHint(step))"]
        } else if run.status == .running, let name = run.currentStep {
            lines.append("Its step '\(name)' is no longer in the definition; restore the step or start a new run.")
        }
        if !run.context.values.isEmpty { lines += ["", "Context: \(run.context.json)"] }
        return lines.joined(separator: "\n")
    }

    private func reportHint(_ step: WorkflowStep) -> String {
        let base = "advance_workflow with instance_id \(run.id) and report {step_id: \"\(step.name)\", status: …}"
        if step.isRuleBased {
            let outcomes = Set(step.transitions.flatMap(\.outcomes)).sorted()
            if outcomes.isEmpty { return base + "; the rules choose the next step from the context." }
            return base
                + "; the rules choose the next step from the status (\(outcomes.joined(separator: " | "))) and the context."
        }
        return base + ", and next_step one of: \(step.allowedTargets.map(\.description).joined(separator: ", "))."
    }

    private struct Visit {
        let task: WorkTask
        var json: JSONValue {
            var object: [String: JSONValue] = [
                "taskId": .string(task.id.rawValue), "step": .string(task.title),
                "status": .string(task.status.rawValue),
            ]
            object["report"] = task.completedDetails.map(JSONValue.string)
            return .object(object)
        }
    }

    /// The most recent steps taken, oldest first.
    private var visits: [Visit] {
        (request?.tasks.suffix(Self.visitLimit) ?? []).map(Visit.init)
    }

    static let schema: JSONValue = [
        "type": "object",
        "properties": [
            "instance_id": ["type": "string"],
            "workflow": ["type": "string"],
            "status": ["type": "string", "enum": .array(WorkflowRun.Status.allCases.map { .string($0.rawValue) })],
            "requestId": ["type": "string"],
            "current_context": ["type": "object"],
            "current_step": [
                "type": "object",
                "properties": [
                    "name": ["type": "string"], "file": ["type": "string"], "taskId": ["type": "string"],
                    "instructions": ["type": "string"], "guidance": ["type": "string"],
                    "ruleBased": ["type": "boolean"],
                    "transitions": ["type": "array", "items": ["type": "string"]],
                    "allowedNextSteps": ["type": "array", "items": ["type": "string"]],
                    "missingContext": ["type": "array", "items": ["type": "string"]],
                    "goal": ["type": "string"], "contextExpectations": ["type": "string"], "role": ["type": "string"],
                    "roleGuidance": ["type": "string"],
                ],
                "required": ["name", "taskId", "instructions", "guidance", "ruleBased", "allowedNextSteps"],
            ],
            "next_step": [
                "type": "object",
                "properties": ["step_name": ["type": "string"], "instructions": ["type": "string"]],
                "required": ["step_name", "instructions"],
            ],
            "report_next": ["type": "string"],
            "transition": [
                "type": "object",
                "properties": ["from": ["type": "string"], "outcome": ["type": "string"], "to": ["type": "string"]],
                "required": ["from", "outcome", "to"],
            ],
            "reconciliation": [
                "type": "object",
                "properties": [
                    "assumed": ["type": "string"], "actual": ["type": "string"],
                    "relation": ["type": "string", "enum": ["in_sync", "behind", "ahead", "unknown_step", "ended"]],
                    "reportApplied": ["type": "boolean"],
                ],
                "required": ["assumed", "actual", "relation", "reportApplied"],
            ],
            "steps_taken": [
                "type": "array",
                "items": [
                    "type": "object",
                    "properties": [
                        "taskId": ["type": "string"], "step": ["type": "string"], "status": ["type": "string"],
                        "report": ["type": "string"],
                    ],
                    "required": ["taskId", "step", "status"],
                ],
            ],
        ],
        "required": ["instance_id", "workflow", "status", "requestId", "current_context", "next_step", "steps_taken"],
    ]
}

extension ToolInvocation {
    /// The run as it is now in `state`, with its definition (if still loaded) and request. A caller
    /// that has just run the definition passes it, so its files are not checked a second time.
    func view(of runID: WorkflowRun.ID, in state: OrchestratorState, definition: WorkflowDefinition? = nil)
        throws(ToolFailure) -> RunView
    {
        let run: WorkflowRun
        do { run = try state.run(runID) } catch { throw ToolFailure(error) }
        let library = workflows
        return RunView(
            run: run, definition: definition ?? library.workflow(named: run.workflow)?.definition,
            request: state.requestIndex(run.requestID).map { state.requests[$0] }, roles: library)
    }
}
