package import OrchestratorCore

/// A refusal's remedy in the words of this server's enabled tools: a client of a compatibility set
/// is pointed to its own tools, and a remedy no enabled tool offers is left out.
package struct RefusalWording: Sendable {
    /// The names `tools/list` shows.
    let enabled: Set<String>

    package init(enabled: Set<String>) {
        self.enabled = enabled
    }

    /// The refusal's facts, then what to do with the tools at hand.
    package func sentence(for refusal: OrchestratorError) -> String {
        guard let remedy = refusal.remedy, let advice = advice(remedy) else { return refusal.description }
        return refusal.description + " " + advice
    }

    /// The first of `names` that is enabled.
    private func tool(_ names: String...) -> String? {
        names.first(where: enabled.contains)
    }

    private func advice(_ remedy: OrchestratorError.Remedy) -> String? {
        let finishing = tool("mark_task_done", "complete_task", "orchestrator_complete_subtask")
        switch remedy {
        case .waitForPerson:
            return "The person decides on the board, in the client's dialog or from their own terminal"
                + (tool("approve_task_completion").map { "; call \($0) with waitSeconds to wait for their decision." }
                    ?? ".")
        case .nameNextStep:
            return tool("advance_workflow").map { "Call \($0) again with next_step set to one of them." }
        case .letRulesChoose:
            return tool("advance_workflow").map { "Leave next_step out of \($0) to follow the rules." }
        case .seeRequests:
            return tool("list_requests", "orchestrator_get_status").map {
                "Call \($0) to see the requests and their ids."
            }
        case .seeTasks(let request):
            return tool("list_requests", "orchestrator_get_status", "aggregate_task_results").map {
                "Call \($0) to see the tasks of \(request)."
            }
        case .planNewWork:
            return tool("request_planning", "orchestrator_plan_task", "create_task").map { "Plan new work with \($0)." }
        case .restore(let id):
            return tool("restore_task").map { "Call \($0) first if \(id) should come back." }
        case .claimThenFinish:
            guard let claiming = tool("get_next_task", "orchestrator_execute_subtask"), let finishing else {
                return nil
            }
            return "Take it with \(claiming), do the work, then finish it with \(finishing)."
        case .finish:
            return finishing.map { "Finish it with \($0) first." }
        case .decide:
            guard let approving = tool("approve_task_completion"), let rejecting = tool("reject_task") else {
                return nil
            }
            return "Approve it with \(approving) or send it back with \(rejecting)."
        case .addTask:
            return tool("add_tasks_to_request", "create_task").map { "Add a new task with \($0) for further work." }
        case .rejectToReopen:
            return tool("reject_task").map { "Reject it with feedback (\($0)) to reopen it." }
        case .takeOwnTask:
            return tool("get_next_task", "orchestrator_execute_subtask").map { "Call \($0) for a task of your own." }
        case .advanceRun(let run):
            return tool("advance_workflow").map { "Use \($0) with instance_id \(run)." }
        case .seeWorkflows:
            return tool("list_workflows").map { "Call \($0) to see them." }
        case .startRun:
            return tool("start_workflow", "execute_workflow", "apply_pattern").map {
                "Start a new run with \($0); its instance_id is the run's id."
            }
        case .reconcileRun:
            return tool("resume_workflow").map { "Call \($0) to reconcile." }
        }
    }
}
