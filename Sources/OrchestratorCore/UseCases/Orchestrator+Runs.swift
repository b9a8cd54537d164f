package import OrchestratorJSON

/// Workflow runs: starting one, moving it by its definition, and its context.
extension Orchestrator {
    /// Starts a run at the definition's first step.
    package func startRun(
        of definition: WorkflowDefinition, context: [String: JSONValue], by actor: String
    ) throws(ChangeFailure) -> Committed<WorkflowRun.ID> {
        try change { (state, now) throws(OrchestratorError) in
            try state.startRun(of: definition, context: WorkflowContext(context), by: actor, at: now)
        }
    }

    /// Records a report on the run's current step and moves it on.
    package func advanceRun(
        _ run: WorkflowRun.ID, definition: WorkflowDefinition, report: StepReport, contextUpdates: [String: JSONValue],
        nextStep: String?, by actor: String
    ) throws(ChangeFailure) -> Committed<RunAdvance> {
        try change { (state, now) throws(OrchestratorError) in
            try state.advanceRun(
                run, definition: definition, report: report, contextUpdates: contextUpdates, nextStep: nextStep,
                by: actor,
                at: now)
        }
    }

    /// Merges context into a running run without moving it.
    package func updateRunContext(
        _ run: WorkflowRun.ID, with updates: [String: JSONValue]
    ) throws(ChangeFailure) -> Committed<Void> {
        try change { (state, now) throws(OrchestratorError) in try state.updateRunContext(run, with: updates, at: now) }
    }
}
