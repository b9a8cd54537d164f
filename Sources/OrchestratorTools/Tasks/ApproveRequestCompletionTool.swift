internal import OrchestratorCore
package import OrchestratorJSON
package import OrchestratorMCP

/// `approve_request_completion`: closes a request once every task is approved; it then refuses all changes.
package struct ApproveRequestCompletionTool: OrchestratorTool {
    package let name = "approve_request_completion"
    package let title = "Complete a request"
    package let description = """
        Close a request whose tasks are all approved; it then accepts no changes. With --approver human the \
        person confirms.
        """
    package let toolset = Toolset.core
    package let taskmanagerStatus: String? = "request_approved_complete"
    package let annotations = ToolAnnotations.change
    package let inputSchema = ToolArguments.schema(CommonArguments.requestID, Argument.waitSeconds)
    /// Published by `tools/list`, built on first use (not at every launch).
    package var outputSchema: JSONValue { Self.results }
    static let results = RequestView.Result.schema

    package init() {}

    package func call(_ invocation: ToolInvocation) throws(ToolFailure) -> ToolOutcome {
        let requestID = invocation.requestID
        let approver: Decider
        let step = try HumanApproval.step(invocation, request: requestID) { () throws(ToolFailure) in
            let request = try invocation.check { (orchestrator) throws(ChangeFailure) in
                try orchestrator.checkCompletion(of: requestID)
            }
            return
                "All \(request.liveTaskCount) tasks of \(requestID) are approved. Close the request “\(request.originalRequest)”?"
        }
        switch step {
        case .ask(let outcome): return outcome
        case .awaitPerson:
            let state = try invocation.currentState()
            let request = try state.request(requestID)
            if request.status == .completed {
                return .complete(Self.completed(request, by: request.completedBy ?? "the person"))
            }
            _ = try invocation.check { (orchestrator) throws(ChangeFailure) in
                try orchestrator.checkCompletion(of: requestID)
            }
            if invocation.mayWait { return .waiting(for: "the person to close \(requestID)") }
            throw HumanApproval.pending(requestID.rawValue)
        case .agentMayAct: approver = .agent(invocation.actor)
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
        return .complete(Self.completed(try state.request(requestID), by: approver.name))
    }

    private static func completed(_ request: WorkRequest, by approver: String) -> ToolOutput {
        RequestView.Result.output(
            request,
            text: "Request \(request.id) is completed (approved by \(approver)); it accepts no further changes.\n\n"
                + ProgressTable.markdown(request))
    }
}
