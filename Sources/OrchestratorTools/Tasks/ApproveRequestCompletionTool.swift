internal import OrchestratorCore
package import OrchestratorJSON
package import OrchestratorMCP

/// `approve_request_completion`: closes a request once every task is approved; it then refuses all changes.
package struct ApproveRequestCompletionTool: MCPTool {
    package let name = "approve_request_completion"
    package let title = "Complete a request"
    package let description = """
        Close a request whose tasks are all approved. A completed request accepts no further changes. With \
        --approver human the person confirms (asked through the client, or by command).
        """
    package let toolset = Toolset.core
    package let taskmanagerStatus: String? = "request_approved_complete"
    package let annotations = ToolAnnotations.change
    package let inputSchema = ToolArguments.schema(CommonArguments.requestID)
    package let outputSchema = RequestView.resultSchema

    package init() {}

    package func call(_ invocation: ToolInvocation) throws(ToolFailure) -> ToolOutcome {
        let requestID = invocation.requestID
        let command = HumanApproval.command(["approve-request", requestID.rawValue], invocation: invocation)
        let approver: String
        let step = try HumanApproval.step(invocation, command: command) { () throws(ToolFailure) in
            let request = try invocation.check { (orchestrator) throws(ChangeFailure) in
                try orchestrator.checkCompletion(of: requestID)
            }
            return
                "All \(request.liveTaskCount) tasks of \(requestID) are approved. Close the request “\(request.originalRequest)”?"
        }
        switch step {
        case .ask(let outcome): return outcome
        case .agentMayAct: approver = invocation.actor
        case .approved(let person): approver = person
        case .rejected(let feedback, _):
            throw .refused(
                code: "completion_rejected",
                message:
                    "The person did not approve closing \(requestID): \(feedback). Add tasks with add_tasks_to_request for what is missing."
            )
        }
        let (_, state) = try invocation.perform { (orchestrator) throws(ChangeFailure) in
            try orchestrator.completeRequest(requestID, by: approver)
        }
        let completed = try state.request(requestID)
        let text =
            "Request \(requestID) is completed (approved by \(approver)); it accepts no further changes.\n\n"
            + ProgressTable.markdown(completed)
        return .complete(
            ToolOutput(
                structured: ["requestId": .string(requestID.rawValue), "request": RequestView.json(completed)],
                text: text))
    }
}
