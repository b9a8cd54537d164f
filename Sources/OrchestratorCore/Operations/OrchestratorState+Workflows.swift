package import OrchestratorJSON

/// Workflow runs: starting one, and moving it from step to step by its definition.
///
/// Every step entered becomes a task of the run's request, in progress and held by whoever drives the
/// run; leaving it marks the task done and approves it in one change, recorded as the run's doing.
extension OrchestratorState {
    package func run(_ id: WorkflowRun.ID) throws(OrchestratorError) -> WorkflowRun {
        guard let index = runIndex(id) else { throw .runNotFound(id) }
        return runs[index]
    }

    /// Creates a run at the definition's first step, with its request and the first step's task.
    package mutating func startRun(
        of definition: WorkflowDefinition, context: WorkflowContext, by actor: String, at now: Timestamp
    ) throws(OrchestratorError) -> WorkflowRun.ID {
        guard let start = definition.start else {
            throw .workflowInvalid(definition.name, problems: ["it has no steps"])
        }
        let runID = makeRunID()
        let requestID = makeRequestID()
        let summary = definition.description.isBlank ? definition.title : definition.description
        appendRequest(
            WorkRequest(
                id: requestID, originalRequest: "Workflow \(definition.name) (\(runID))", splitDetails: summary,
                approvalPolicy: .each, createdAt: now, updatedAt: now, workflowRun: runID))
        var run = WorkflowRun(
            id: runID, workflow: definition.name, requestID: requestID, currentStep: nil, currentTask: nil,
            context: context, startedBy: actor, createdAt: now, updatedAt: now)
        enter(start, run: &run, by: actor, at: now)
        appendRun(run)
        return runID
    }

    /// Records `report` on the run's current step, applies `contextUpdates`, decides the next step
    /// (from the step's rules, or the client's allowed `nextStep`) and enters it, or ends the run.
    ///
    /// `report.stepID` may name the step or the task of its current visit; any other step is refused,
    /// so two clients reporting on the same step cannot both move the run.
    package mutating func advanceRun(
        _ id: WorkflowRun.ID, definition: WorkflowDefinition, report: StepReport, contextUpdates: [String: JSONValue],
        nextStep: String?, by actor: String, at now: Timestamp
    ) throws(OrchestratorError) -> RunAdvance {
        guard let runIndex = runIndex(id) else { throw .runNotFound(id) }
        var run = runs[runIndex]
        guard run.status == .running, let currentName = run.currentStep, let taskID = run.currentTask else {
            throw .runEnded(id, run.status)
        }
        guard let step = definition.step(named: currentName) else {
            throw .stepMissing(id, step: currentName, workflow: definition.name)
        }
        let reported = report.stepID.trimmingBlanks
        guard reported == taskID.rawValue || definition.step(named: reported)?.name == step.name else {
            throw .stepMismatch(id, reported: reported, current: step.name)
        }
        guard !report.status.isBlank else { throw .emptyField("report.status") }
        run.context.merge(contextUpdates)
        let target = try step.decide(outcome: report.status, context: run.context, nextStep: nextStep)
        let nextDefinition: WorkflowStep?
        if case .step(let name) = target {
            guard let found = definition.step(named: name) else {
                throw .nextStepNotAllowed(
                    step: step.name, requested: name, allowed: step.allowedTargets.map(\.description))
            }
            nextDefinition = found
        } else {
            nextDefinition = nil
        }

        let requestIndex = try activeRequestIndex(run.requestID, allowingRuns: true)
        let note = "outcome \(report.status) → \(nextDefinition?.name ?? target.description)"
        finishStep(taskID, in: requestIndex, report: report, note: note, runID: id, by: actor, at: now)
        if let nextDefinition {
            enter(nextDefinition, run: &run, by: actor, at: now)
        } else {
            run.status = target == .finish ? .completed : .failed
            run.currentStep = nil
            run.currentTask = nil
            run.finishedAt = now
            updateRequest(at: requestIndex) { request in
                request.status = .completed
                request.completedAt = now
                request.completedBy = "workflow \(id) (\(target))"
            }
        }
        run.updatedAt = now
        updateRun(at: runIndex) { $0 = run }
        return RunAdvance(
            left: step.name, outcome: report.status, target: nextDefinition.map { .step($0.name) } ?? target,
            finishedTask: taskID)
    }

    /// Merges `updates` into a running run's context without moving it.
    package mutating func updateRunContext(_ id: WorkflowRun.ID, with updates: [String: JSONValue], at now: Timestamp)
        throws(OrchestratorError)
    {
        guard let index = runIndex(id) else { throw .runNotFound(id) }
        guard runs[index].status == .running else { throw .runEnded(id, runs[index].status) }
        updateRun(at: index) { run in
            run.context.merge(updates)
            run.updatedAt = now
        }
    }

    /// Adds the task recording a visit of `step`, in progress for `actor`, and points the run at it.
    private mutating func enter(_ step: WorkflowStep, run: inout WorkflowRun, by actor: String, at now: Timestamp) {
        let taskID = makeTaskID()
        let instructions = run.context.render(step.clientInstructions).text
        let note = "step '\(step.name)' of workflow \(run.workflow), run \(run.id)"
        let task = WorkTask(
            id: taskID, title: step.name, description: instructions, role: step.role,
            history: [HistoryEntry(at: now, actor: actor, action: .added, from: nil, to: .pending, note: note)])
        if let index = requestIndex(run.requestID) {
            appendTasks([task], toRequestAt: index)
            updateRequest(at: index) { $0.updatedAt = now }
            // The run takes the step's task as any holder claims one: through the state machine.
            _ = try? perform(.claim, on: taskID, in: run.requestID, by: actor, at: now, allowingRuns: true) { task in
                task.assignee = actor
            }
        }
        run.currentStep = step.name
        run.currentTask = taskID
        run.updatedAt = now
    }

    /// Marks the visit's task done with the report and approves it for the run.
    private mutating func finishStep(
        _ taskID: WorkTask.ID, in requestIndex: Int, report: StepReport, note: String, runID: WorkflowRun.ID,
        by actor: String,
        at now: Timestamp
    ) {
        let requestID = requests[requestIndex].id
        // Done with the report, then approved by the run: both through the state machine.
        _ = try? perform(
            .markDone, on: taskID, in: requestID, by: actor, at: now, note: report.summary, allowingRuns: true
        ) { task in
            task.completedDetails = report.summary
            task.assignee = nil
        }
        let run = "workflow \(runID)"
        _ = try? perform(.approve, on: taskID, in: requestID, by: run, at: now, note: note, allowingRuns: true) {
            task in task.approvedBy = run
        }
    }
}
