internal import OrchestratorCore
package import OrchestratorJSON
package import OrchestratorMCP

/// `advance_workflow`: records the report on the current step and moves the run on.
package struct AdvanceWorkflowTool: OrchestratorTool {
    package let name = "advance_workflow"
    package let title = "Report a step and advance the run"
    package let description = """
        Report the current step and move on: by its rules (report.status, context), or to next_step (one of \
        allowedNextSteps) where it has none.
        """
    package let toolset = Toolset.workflows
    package let roles: [ToolRole] = [.advanceRun]
    package let annotations = ToolAnnotations.change
    package let acceptsWrappedArguments = true
    package let inputSchema = ToolArguments.schema(
        WorkflowArguments.runID, WorkflowArguments.report.requiring(true), WorkflowArguments.contextUpdates,
        WorkflowArguments.nextStep)
    /// Published by `tools/list`, built on first use (not at every launch).
    package var outputSchema: JSONValue { Self.results }
    static let results = RunView.schema

    package init() {}

    package func call(_ invocation: ToolInvocation) throws(ToolFailure) -> ToolOutcome {
        let runID = invocation.runID
        let run = try invocation.run(runID)
        let (advance, view) = try Self.advance(
            invocation, run: runID, workflow: run.workflow,
            report: invocation.report ?? StepReport(stepID: "", status: ""),
            nextStep: invocation[WorkflowArguments.nextStep])
        return .complete(
            view.output(text: advance.sentence + "\n\n" + view.markdown, RunView.Fields.transition(advance.json)))
    }

    /// The advance shared with `resume_workflow`: one change under the lock, then the view of the result.
    static func advance(
        _ invocation: ToolInvocation, run runID: WorkflowRun.ID, workflow: String, report: StepReport, nextStep: String?
    ) throws(ToolFailure) -> (RunAdvance, RunView) {
        let definition = try invocation.definition(named: workflow)
        let updates = try invocation.context(WorkflowArguments.contextUpdates)
        let actor = invocation.actor
        let (advance, state) = try invocation.perform { (orchestrator) throws(ChangeFailure) in
            try orchestrator.advanceRun(
                runID, definition: definition, report: report, contextUpdates: updates, nextStep: nextStep, by: actor)
        }
        return (advance, try invocation.view(of: runID, in: state, definition: definition))
    }
}

extension RunAdvance {
    var json: JSONValue {
        ResultFields.object([
            RunView.Transition.from(left), RunView.Transition.outcome(outcome),
            RunView.Transition.to(target.description),
        ])
    }

    var sentence: String {
        switch target {
        case .step(let name): "Step '\(left)' reported \(outcome); the run moves to '\(name)'."
        case .finish: "Step '\(left)' reported \(outcome); the run has reached FINISH."
        case .failed: "Step '\(left)' reported \(outcome); the run has ended in FAILED."
        }
    }
}
