internal import OrchestratorCore
internal import OrchestratorEvidence
package import OrchestratorJSON
package import OrchestratorMCP

/// `mark_task_done`: records the work as finished; it then waits for approval.
package struct MarkTaskDoneTool: OrchestratorTool {
    package let name = "mark_task_done"
    package let title = "Mark a task done"
    package let description = """
        Mark the task you took as done, with completedDetails saying what was done; it then awaits approval.
        """
    package let toolset = Toolset.core
    package let roles: [ToolRole] = [.finish]
    package let taskmanagerStatus: String? = "task_marked_done"
    package let annotations = ToolAnnotations.change
    /// The tool's own arguments.
    enum Arguments {
        static let details = Argument.string(
            "completedDetails", Argument.text(description: "What was done, for the reviewer."))
    }
    package let inputSchema = ToolArguments.schema(
        CommonArguments.requestID, CommonArguments.taskID, Arguments.details, CommonArguments.instanceID)
    /// The tool's own result fields, beside the task's.
    enum Fields {
        static let autoApproved = Field.flag("autoApproved", required: true)
    }

    /// Published by `tools/list`, built on first use (not at every launch).
    package var outputSchema: JSONValue { Self.results }
    static let results = TaskResult.schema(TaskResult.Fields.unlocked, Fields.autoApproved)

    package init() {}

    package func call(_ invocation: ToolInvocation) throws(ToolFailure) -> ToolOutcome {
        let requestID = invocation.requestID
        let taskID = invocation.taskID
        let holder = try invocation.agent(named: invocation[CommonArguments.instanceID])
        let actor = invocation.actor
        let details = invocation[Arguments.details]
        let (evidence, checks) = invocation.gateRecords(of: taskID)
        let (effect, state) = try invocation.perform { (orchestrator) throws(ChangeFailure) in
            try orchestrator.markDone(
                taskID, in: requestID, details: details, holder: holder, by: actor, evidence: evidence, checks: checks)
        }
        if let checks, checks.isRunning { invocation.services.checks?.start(taskID, checks) }
        let policy = (try? state.request(requestID))?.approvalPolicy ?? .each
        let approveBy =
            HumanApproval.personDecides(requestID, in: state, invocation)
            ? "the person approves it, \(HumanApproval.whereThePersonDecides) (approve_task_completion asks them "
                + "where the client can, and waits for their decision with waitSeconds)"
            : "approve it with approve_task_completion, or send it back with reject_task"
        let next: String =
            switch (effect.autoApproved, policy) {
            case (true, _):
                "The auto policy approved it. Unlocked: \(TaskResult.list(effect.unlocked)). Call get_next_task."
            case (false, .end):
                "Under policy end the tasks after it may start now; call get_next_task to go on. Before the request "
                    + "closes, \(approveBy)."
            case (false, .each), (false, .auto): "It now awaits approval: \(approveBy)."
            }
        return .complete(
            TaskResult.output(
                headline: "Task \(taskID) is done. Unlocked: \(TaskResult.list(effect.unlocked))."
                    + (evidence.map { "\n\n" + EvidenceView.text($0) } ?? "")
                    + (checks.map {
                        "\n" + ChecksView.text($0) + ($0.isRunning ? " The person is asked once they finish." : "")
                    } ?? ""),
                task: taskID, in: requestID, state: state,
                extra: [
                    TaskResult.Fields.unlocked(effect.unlocked.map(\.rawValue)),
                    Fields.autoApproved(effect.autoApproved),
                ],
                next: next))
    }
}
