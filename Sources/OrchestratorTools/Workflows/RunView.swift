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

    /// The run's answer, with the tool's own fields (a transition, a reconciliation) beside it.
    func output(text: String, _ extra: ResultMember?...) -> ToolOutput {
        ToolOutput(fields: members + extra, text: text)
    }

    /// The run as one value (inside another result).
    var json: JSONValue { ResultFields.object(members) }

    private var members: [ResultMember?] {
        var members: [ResultMember?] = [
            Fields.instanceID(run.id.rawValue), Fields.workflow(run.workflow), Fields.status(run.status),
            Fields.requestID(run.requestID.rawValue), Fields.context(run.context.json),
            Fields.stepsTaken(visits.map(\.json)),
        ]
        if let step = currentStep, let task = run.currentTask {
            let rendered = run.context.render(step.clientInstructions)
            let current = ResultFields.object([
                CurrentStep.name(step.name), CurrentStep.file(step.file), CurrentStep.taskID(task.rawValue),
                CurrentStep.instructions(rendered.text), CurrentStep.guidance(step.orchestratorGuidance),
                CurrentStep.ruleBased(step.isRuleBased),
                CurrentStep.transitions(step.transitions.map(\.description)),
                CurrentStep.allowedNextSteps(step.allowedTargets.map(\.description)),
                CurrentStep.missingContext(rendered.missing), CurrentStep.goal(ifAny: step.goal),
                CurrentStep.contextExpectations(ifAny: step.contextExpectations), CurrentStep.role(ifAny: step.role),
                CurrentStep.roleGuidance(ifAny: step.role.flatMap(roles.role(named:))?.guidance),
            ])
            members += [
                Fields.currentStep(current), Fields.nextStep(NextStep.json(step.name, rendered.text)),
                Fields.reportNext(reportHint(step)),
            ]
        } else if let name = run.currentStep {
            members.append(
                Fields.nextStep(
                    NextStep.json(name, "This step is no longer defined by workflow \(run.workflow).")))
        } else {
            let end = run.status == .failed ? "FAILED" : "FINISH"
            members.append(
                Fields.nextStep(NextStep.json(end, "The run has ended; there is nothing more to do.")))
        }
        return members
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

        static let taskID = Field.string("taskId", required: true)
        static let step = Field.string("step", required: true)
        static let status = Field.string("status", required: true)
        static let report = Field.string("report")
        static let schema = ResultFields.schema(taskID, step, status, report)

        var json: JSONValue {
            ResultFields.object([
                Self.taskID(task.id.rawValue), Self.step(task.title), Self.status(task.status.rawValue),
                Self.report(ifAny: task.completedDetails),
            ])
        }
    }

    /// The most recent steps taken, oldest first.
    private var visits: [Visit] {
        (request?.tasks.suffix(Self.visitLimit) ?? []).map(Visit.init)
    }

    /// The fields of a run's answer (`instance_id`, `next_step` and `current_context` are the names
    /// orchestrator-mcp-server's clients read).
    enum Fields {
        static let instanceID = Field.string("instance_id", required: true)
        static let workflow = Field.string("workflow", required: true)
        static let status = Field.choice("status", WorkflowRun.Status.self, required: true)
        static let requestID = Field.string("requestId", required: true)
        static let context = Field.value("current_context", ["type": "object"], required: true)
        static let currentStep = Field.value("current_step", CurrentStep.schema)
        static let nextStep = Field.value("next_step", NextStep.schema, required: true)
        static let reportNext = Field.string("report_next")
        /// What an advance did (`advance_workflow`, `resume_workflow`).
        static let transition = Field.value("transition", Transition.schema)
        /// How a resumed run compared with where its client thought it was (`resume_workflow`).
        static let reconciliation = Field.value("reconciliation", Reconciliation.schema)
        static let stepsTaken = Field.list("steps_taken", of: Visit.schema, required: true)
    }

    /// The step the run is on.
    enum CurrentStep {
        static let name = Field.string("name", required: true)
        static let file = Field.string("file")
        static let taskID = Field.string("taskId", required: true)
        static let instructions = Field.string("instructions", required: true)
        static let guidance = Field.string("guidance", required: true)
        static let ruleBased = Field.flag("ruleBased", required: true)
        static let transitions = Field.strings("transitions")
        static let allowedNextSteps = Field.strings("allowedNextSteps", required: true)
        static let missingContext = Field.strings("missingContext")
        static let goal = Field.string("goal")
        static let contextExpectations = Field.string("contextExpectations")
        static let role = Field.string("role")
        static let roleGuidance = Field.string("roleGuidance")
        static let schema = ResultFields.schema(
            name, file, taskID, instructions, guidance, ruleBased, transitions, allowedNextSteps, missingContext, goal,
            contextExpectations, role, roleGuidance)
    }

    /// What to do next, in orchestrator-mcp-server's words.
    enum NextStep {
        static let stepName = Field.string("step_name", required: true)
        static let instructions = Field.string("instructions", required: true)
        static let schema = ResultFields.schema(stepName, instructions)

        static func json(_ name: String, _ text: String) -> JSONValue {
            ResultFields.object([stepName(name), instructions(text)])
        }
    }

    /// A step left, its outcome and where the run went.
    enum Transition {
        static let from = Field.string("from", required: true)
        static let outcome = Field.string("outcome", required: true)
        static let to = Field.string("to", required: true)
        static let schema = ResultFields.schema(from, outcome, to)
    }

    /// Where the client thought the run was, where it is, and whether its report was applied.
    enum Reconciliation {
        static let assumed = Field.string("assumed", required: true)
        static let actual = Field.string("actual", required: true)
        static let relation = Field.choice("relation", ResumeWorkflowTool.Relation.self, required: true)
        static let reportApplied = Field.flag("reportApplied", required: true)
        static let schema = ResultFields.schema(assumed, actual, relation, reportApplied)
    }

    static let schema = ResultFields.schema(
        Fields.instanceID, Fields.workflow, Fields.status, Fields.requestID, Fields.context, Fields.currentStep,
        Fields.nextStep, Fields.reportNext, Fields.transition, Fields.reconciliation, Fields.stepsTaken)
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
