internal import OrchestratorCore
package import OrchestratorJSON
package import OrchestratorMCP

/// `approve_task_completion`: accepts a done task, which lifts the request's gate.
package struct ApproveTaskCompletionTool: MCPTool {
    package let name = "approve_task_completion"
    package let title = "Approve a finished task"
    package let description = """
        Approve a task that is done, so work can continue. With --approver human the server asks the person \
        (when the client supports questions) or says which command they run; the model's call alone never approves.
        """
    package let toolset = Toolset.core
    package let taskmanagerStatus: String? = "task_approved"
    package let annotations = ToolAnnotations.change
    package let inputSchema = ToolArguments.schema(CommonArguments.requestID, CommonArguments.taskID)
    package var outputSchema: JSONValue {
        TaskResult.schema(
            extra: [
                "decision": ["type": "string", "enum": ["approved", "rejected"]], "unlocked": TaskView.idListSchema,
            ],
            required: ["decision", "unlocked"])
    }

    package init() {}

    package func call(_ invocation: ToolInvocation) throws(ToolFailure) -> ToolOutcome {
        let requestID = invocation.requestID
        let taskID = invocation.taskID
        let command = HumanApproval.command(["approve", requestID.rawValue, taskID.rawValue], invocation: invocation)
        let approver: String
        let step = try HumanApproval.step(invocation, command: command) { () throws(ToolFailure) in
            let task = try invocation.check { (orchestrator) throws(ChangeFailure) in
                try orchestrator.checkApproval(of: taskID, in: requestID)
            }
            return
                "Approve task \(taskID) of \(requestID), “\(task.title)”?\n\nWhat was done: \(task.completedDetails ?? "")"
        }
        switch step {
        case .ask(let outcome):
            return outcome
        case .agentMayAct:
            approver = invocation.actor
        case .approved(let person):
            approver = person
        case .rejected(let feedback, let person):
            let (_, state) = try invocation.perform { (orchestrator) throws(ChangeFailure) in
                try orchestrator.reject(taskID, in: requestID, feedback: feedback, by: person)
            }
            return .complete(
                TaskResult.output(
                    headline: "The person rejected task \(taskID): \(feedback)", task: taskID, in: requestID,
                    state: state,
                    extra: ["decision": "rejected", "unlocked": []],
                    next: "It is back in progress; get_next_task hands it out again with the feedback."))
        }
        let (unlocked, state) = try invocation.perform { (orchestrator) throws(ChangeFailure) in
            try orchestrator.approve(taskID, in: requestID, by: approver)
        }
        return .complete(
            TaskResult.output(
                headline: "Task \(taskID) is approved by \(approver). Unlocked: \(TaskResult.list(unlocked)).",
                task: taskID, in: requestID, state: state,
                extra: ["decision": "approved", "unlocked": .array(unlocked.map { .string($0.rawValue) })],
                next: state.isFullyApproved(requestID)
                    ? "Every task of \(requestID) is approved: call approve_request_completion with requestId \(requestID) to close it."
                    : "Call get_next_task for the next task."))
    }
}
