package import OrchestratorCore
package import OrchestratorMCP

/// A refusal of the core, worded for a client with the tools this server enables: the core states
/// the facts and names a `Remedy`; this says the remedy with the tool that has each role.
extension OrchestratorError: RuleRefusal {
    package func advice(naming tool: (ToolRole) -> String?) -> String? {
        remedy.flatMap { $0.advice(naming: tool) }
    }
}

extension OrchestratorError.Remedy {
    /// What to do, naming each tool by its role; `nil` when no enabled tool offers it.
    func advice(naming tool: (ToolRole) -> String?) -> String? {
        let finishing = tool(.finish)
        switch self {
        case .waitForPerson:
            return "The person decides on the board, in the client's dialog or from their own terminal"
                + (tool(.approve).map { "; call \($0) with waitSeconds to wait for their decision." }
                    ?? ".")
        case .nameNextStep:
            return tool(.advanceRun).map { "Call \($0) again with next_step set to one of them." }
        case .letRulesChoose:
            return tool(.advanceRun).map { "Leave next_step out of \($0) to follow the rules." }
        case .seeRequests:
            return tool(.seeRequests).map {
                "Call \($0) to see the requests and their ids."
            }
        case .seeTasks(let request):
            return tool(.seeTasks).map {
                "Call \($0) to see the tasks of \(request)."
            }
        case .planNewWork:
            return tool(.planWork).map { "Plan new work with \($0)." }
        case .restore(let id):
            return tool(.restore).map { "Call \($0) first if \(id) should come back." }
        case .claimThenFinish:
            guard let claiming = tool(.claim), let finishing else {
                return nil
            }
            return "Take it with \(claiming), do the work, then finish it with \(finishing)."
        case .finish:
            return finishing.map { "Finish it with \($0) first." }
        case .decide:
            guard let approving = tool(.approve), let rejecting = tool(.reject) else {
                return nil
            }
            return "Approve it with \(approving) or send it back with \(rejecting)."
        case .addTask:
            return tool(.addTask).map { "Add a new task with \($0) for further work." }
        case .rejectToReopen:
            return tool(.reject).map { "Reject it with feedback (\($0)) to reopen it." }
        case .takeOwnTask:
            return tool(.claim).map { "Call \($0) for a task of your own." }
        case .advanceRun(let run):
            return tool(.advanceRun).map { "Use \($0) with instance_id \(run)." }
        case .seeWorkflows:
            return tool(.seeWorkflows).map { "Call \($0) to see them." }
        case .startRun:
            return tool(.startRun).map {
                "Start a new run with \($0); its instance_id is the run's id."
            }
        case .reconcileRun:
            return tool(.reconcileRun).map { "Call \($0) to reconcile." }
        }
    }
}
