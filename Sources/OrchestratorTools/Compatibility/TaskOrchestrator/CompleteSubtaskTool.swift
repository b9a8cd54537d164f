internal import OrchestratorCore
package import OrchestratorJSON
package import OrchestratorMCP

/// mcp-task-orchestrator's `orchestrator_complete_subtask`: results, artifacts and what comes next.
package struct CompleteSubtaskTool: OrchestratorTool {
    package let name = "orchestrator_complete_subtask"
    package let title = "Complete a subtask"
    package let description = """
        Report a subtask: continue or complete finish it with the results (complete also closes the plan when \
        everything is approved); needs_revision or blocked keep it in progress with the results noted.
        """
    package let toolset = Toolset.taskOrchestrator
    package let roles: [ToolRole] = [.finish]
    package let annotations = ToolAnnotations.change
    /// The tool's own arguments.
    enum Arguments {
        static let results = Argument.string("results")
        static let artifacts = Argument.strings("artifacts", ["type": "array", "items": ["type": "string"]])
        static let nextAction = Argument.requiredChoice("next_action", NextAction.self)
    }
    package let inputSchema = ToolArguments.schema(
        CommonArguments.compatTaskID, Arguments.results, Arguments.artifacts, Arguments.nextAction)
    /// The tool's own result fields.
    enum Fields {
        static let nextAction = Field.string("next_action", required: true)
        static let unlocked = Field.strings("unlocked", required: true)
        static let planCompleted = Field.flag("plan_completed", required: true)
    }

    /// Published by `tools/list`, built on first use (not at every launch).
    package var outputSchema: JSONValue { Self.results }
    static let results = ResultFields.schema(
        TaskOrchestratorView.subtaskField, TaskOrchestratorView.parentTaskID, Fields.nextAction, Fields.unlocked,
        Fields.planCompleted)

    enum NextAction: String, CaseIterable {
        case `continue`, complete
        case needsRevision = "needs_revision"
        case blocked
    }

    package init() {}

    package func call(_ invocation: ToolInvocation) throws(ToolFailure) -> ToolOutcome {
        let id = invocation.compatTaskID
        let action = invocation[Arguments.nextAction] ?? .continue
        var details = invocation[Arguments.results]
        let artifacts = invocation[Arguments.artifacts]
        if !artifacts.isEmpty { details += "\n\nArtifacts: " + artifacts.joined(separator: ", ") }
        let actor = invocation.actor
        let report: Orchestrator.SubtaskReport =
            switch action {
            case .needsRevision, .blocked: .note("\(action.rawValue): \(details)")
            case .continue: .done(details: details, closingPlan: false)
            case .complete: .done(details: details, closingPlan: true)
            }
        let (reported, state) = try invocation.perform { (orchestrator) throws(ChangeFailure) in
            try orchestrator.reportSubtask(id, report, by: actor)
        }
        let requestID = reported.request
        let unlocked = reported.unlocked
        let closed = reported.closedPlan
        let (_, task) = try invocation.locateTask(id, in: state)
        var text: String =
            switch action {
            case .needsRevision: "Subtask \(id) stays in progress for revision; the results are noted in its history."
            case .blocked: "Subtask \(id) stays in progress, blocked; the reason is noted in its history."
            case .continue, .complete: "Subtask \(id) is \(task.status.words)."
            }
        if !unlocked.isEmpty { text += " Now ready: \(unlocked.map(\.rawValue).joined(separator: ", "))." }
        if closed {
            text += " Every subtask is done: plan \(requestID) is complete. Call orchestrator_synthesize_results."
        }
        return .complete(
            ToolOutput(
                fields: [
                    TaskOrchestratorView.subtaskField(TaskOrchestratorView.subtask(task)),
                    TaskOrchestratorView.parentTaskID(requestID.rawValue), Fields.nextAction(action.rawValue),
                    Fields.unlocked(unlocked.map(\.rawValue)), Fields.planCompleted(closed),
                ],
                text: text))
    }
}
