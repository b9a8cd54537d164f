internal import OrchestratorCore
package import OrchestratorJSON
package import OrchestratorMCP

/// `resume_workflow`: the client says where it believes the run is; the server says where it is.
package struct ResumeWorkflowTool: OrchestratorTool {
    package let name = "resume_workflow"
    package let title = "Resume a workflow run"
    package let description = """
        After an interruption, name the step you believe is current: in sync, a report advances the run; else \
        nothing changes and the answer names the real step.
        """
    package let toolset = Toolset.workflows
    package let roles: [ToolRole] = [.reconcileRun]
    package let annotations = ToolAnnotations.change
    package let acceptsWrappedArguments = true
    /// The tool's own arguments.
    enum Arguments {
        static let assumedStep = Argument.string(
            "assumed_current_step_name", Argument.text(description: "The step you believe the run is on."))
    }
    package let inputSchema = ToolArguments.schema(
        WorkflowArguments.runID, Arguments.assumedStep, WorkflowArguments.report, WorkflowArguments.contextUpdates,
        WorkflowArguments.nextStep)
    /// Published by `tools/list`, built on first use (not at every launch).
    package var outputSchema: JSONValue { Self.results }
    static let results = RunView.schema

    /// How the client's belief relates to the run.
    enum Relation: String, CaseIterable, Sendable {
        case inSync = "in_sync"
        /// The client names a step the run already left.
        case behind
        /// The client names a step of the workflow the run has not reached.
        case ahead
        case unknownStep = "unknown_step"
        case ended
    }

    package init() {}

    package func call(_ invocation: ToolInvocation) throws(ToolFailure) -> ToolOutcome {
        let runID = invocation.runID
        let assumed = invocation[Arguments.assumedStep].trimmingBlanks
        let run = try invocation.run(runID)
        let before = try invocation.view(of: runID, in: invocation.currentState())
        let relation = Self.relation(of: assumed, to: run, view: before)
        var lines: [String] = []
        var view = before
        var transition: JSONValue?
        var applied = false
        if relation == .inSync {
            if let report = invocation.report {
                let (advance, after) = try AdvanceWorkflowTool.advance(
                    invocation, run: runID, workflow: run.workflow, report: report,
                    nextStep: invocation[WorkflowArguments.nextStep])
                view = after
                transition = advance.json
                applied = true
                lines.append("You were on '\(assumed)', as is the run. " + advance.sentence)
            } else {
                let updates = try invocation.context(WorkflowArguments.contextUpdates)
                if !updates.isEmpty {
                    let (_, state) = try invocation.perform {
                        (orchestrator) throws(ChangeFailure) in
                        try orchestrator.updateRunContext(runID, with: updates)
                    }
                    view = try invocation.view(of: runID, in: state)
                    applied = true
                }
                lines.append("You were on '\(assumed)', as is the run; carry on with it.")
            }
        } else {
            let actual = run.currentStep ?? (run.status == .failed ? "FAILED" : "FINISH")
            let ignored =
                invocation.report != nil || !invocation[WorkflowArguments.contextUpdates].isEmpty
                ? " Your report and context updates were not applied." : ""
            switch relation {
            case .behind:
                lines.append("The run already left '\(assumed)'; it is on '\(actual)'. Continue from there.\(ignored)")
            case .ahead:
                lines.append(
                    "The run has not reached '\(assumed)' yet; it is on '\(actual)'. Finish that step first.\(ignored)")
            case .unknownStep:
                lines.append("Workflow \(run.workflow) has no step '\(assumed)'; the run is on '\(actual)'.\(ignored)")
            case .ended, .inSync:
                lines.append(
                    "The run has already ended (\(run.status.rawValue)); start a new one with start_workflow.\(ignored)"
                )
            }
        }
        let reconciliation = ResultFields.object([
            RunView.Reconciliation.assumed(assumed),
            RunView.Reconciliation.actual(run.currentStep ?? (run.status == .failed ? "FAILED" : "FINISH")),
            RunView.Reconciliation.relation(relation), RunView.Reconciliation.reportApplied(applied),
        ])
        return .complete(
            view.output(
                text: lines.joined(separator: "\n") + "\n\n" + view.markdown,
                RunView.Fields.transition(ifAny: transition), RunView.Fields.reconciliation(reconciliation)))
    }

    static func relation(of assumed: String, to run: WorkflowRun, view: RunView) -> Relation {
        guard run.status == .running, let current = run.currentStep else { return .ended }
        let wanted = assumed.lowercased()
        if wanted == current.lowercased() || wanted == run.currentTask?.rawValue.lowercased() { return .inSync }
        if let step = view.definition?.step(named: assumed) {
            if step.name.lowercased() == current.lowercased() { return .inSync }
            let visited =
                view.request?.tasks.contains {
                    $0.title.lowercased() == step.name.lowercased() && $0.status == .approved
                } ?? false
            return visited ? .behind : .ahead
        }
        return .unknownStep
    }
}
