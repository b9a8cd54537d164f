internal import OrchestratorCore
package import OrchestratorJSON
package import OrchestratorMCP

/// `approve_task_completion`: accepts a done task, which lifts the request's gate.
package struct ApproveTaskCompletionTool: OrchestratorTool {
    package let name = "approve_task_completion"
    package let title = "Approve a finished task"
    package let description = """
        Approve a done task. With --approver human the person decides (asked through the client, or on the \
        board: waitSeconds waits); the model's call alone never approves.
        """
    package let toolset = Toolset.core
    package let roles: [ToolRole] = [.approve]
    package let taskmanagerStatus: String? = "task_approved"
    package let annotations = ToolAnnotations.change
    package let inputSchema = ToolArguments.schema(
        CommonArguments.requestID, CommonArguments.taskID, Argument.waitSeconds)
    /// The tool's own result fields, beside the task's.
    enum Fields {
        static let decision = Field.choice("decision", Decision.self, required: true)
    }

    /// What the person or agent decided.
    enum Decision: String, CaseIterable, Sendable {
        case approved, rejected
    }

    /// Published by `tools/list`, built on first use (not at every launch).
    package var outputSchema: JSONValue { Self.results }
    static let results = TaskResult.schema(Fields.decision, TaskResult.Fields.unlocked)

    package init() {}

    package func call(_ invocation: ToolInvocation) throws(ToolFailure) -> ToolOutcome {
        let requestID = invocation.requestID
        let taskID = invocation.taskID
        let approver: Decider
        let step = try HumanApproval.step(invocation, request: requestID) { () throws(ToolFailure) in
            let task = try invocation.check { (orchestrator) throws(ChangeFailure) in
                try orchestrator.checkApproval(of: taskID, in: requestID)
            }
            // The person decides with the change beside the report: the files and their lines.
            return
                "Approve task \(taskID) of \(requestID), “\(task.title)”?\n\nWhat was done: \(task.completedDetails ?? "")"
                + (task.evidence.map { "\n\n" + EvidenceView.text($0) } ?? "")
                + (task.checks.map { "\n" + ChecksView.text($0) } ?? "")
        }
        switch step {
        case .ask(let outcome):
            return outcome
        case .awaitPerson:
            return try awaitPerson(taskID, in: requestID, invocation: invocation)
        case .agentMayAct:
            approver = .agent(invocation.actor)
        case .approved(let person):
            approver = person
        case .rejected(let feedback, let person):
            let (_, state) = try invocation.perform { (orchestrator) throws(ChangeFailure) in
                try orchestrator.reject(taskID, in: requestID, feedback: feedback, by: person)
            }
            return .complete(Self.rejected(taskID, in: requestID, feedback: feedback, state: state))
        }
        let (unlocked, state) = try invocation.perform { (orchestrator) throws(ChangeFailure) in
            try orchestrator.approve(taskID, in: requestID, by: approver)
        }
        return .complete(Self.approved(taskID, in: requestID, by: approver.name, unlocked: unlocked, state: state))
    }

    /// Waits for the person's decision on another channel: answers it once made, else waits on while
    /// time is left, else says it is still pending. The task must stay approvable meanwhile.
    private func awaitPerson(
        _ taskID: WorkTask.ID, in requestID: WorkRequest.ID, invocation: ToolInvocation
    ) throws(ToolFailure) -> ToolOutcome {
        let state = try invocation.currentState()
        if let wait = invocation.wait, let decision = state.decision(on: taskID, since: wait.startTime) {
            if decision.action == .approved {
                return .complete(
                    Self.approved(
                        taskID, in: requestID, by: decision.actor, unlocked: state.readyDependents(of: taskID),
                        state: state))
            }
            return .complete(Self.rejected(taskID, in: requestID, feedback: decision.note ?? "", state: state))
        }
        _ = try invocation.check { (orchestrator) throws(ChangeFailure) in
            try orchestrator.checkApproval(of: taskID, in: requestID)
        }
        if invocation.mayWait { return .waiting(for: "the person's decision on \(taskID)") }
        throw HumanApproval.pending(taskID.rawValue)
    }

    private static func rejected(
        _ taskID: WorkTask.ID, in requestID: WorkRequest.ID, feedback: String, state: OrchestratorState
    ) -> ToolOutput {
        TaskResult.output(
            headline: "The person rejected task \(taskID): \(feedback)", task: taskID, in: requestID,
            state: state,
            extra: [Fields.decision(.rejected), TaskResult.Fields.unlocked([])],
            next: "It is back in progress; get_next_task hands it out again with the feedback.")
    }

    private static func approved(
        _ taskID: WorkTask.ID, in requestID: WorkRequest.ID, by approver: String, unlocked: [WorkTask.ID],
        state: OrchestratorState
    ) -> ToolOutput {
        TaskResult.output(
            headline: "Task \(taskID) is approved by \(approver). Unlocked: \(TaskResult.list(unlocked)).",
            task: taskID, in: requestID, state: state,
            extra: [Fields.decision(.approved), TaskResult.Fields.unlocked(unlocked.map(\.rawValue))],
            next: state.isFullyApproved(requestID)
                ? "Every task of \(requestID) is approved: call approve_request_completion with requestId \(requestID) to close it."
                : "Call get_next_task for the next task.")
    }
}
