package import OrchestratorCore

/// A refusal's remedy in the words of this server's enabled tools: a client of a compatibility set
/// is pointed to its own tools, and a remedy no enabled tool offers is left out. Tools are named by
/// their role (`ToolRole`), never by a name written here: the first enabled tool, in the catalog's
/// order, that has the role.
package struct RefusalWording: Sendable {
    /// The tool named for each role.
    private let named: [ToolRole: String]

    package init(enabled tools: [any MCPTool]) {
        var named: [ToolRole: String] = [:]
        for tool in tools {
            for role in tool.roles where named[role] == nil { named[role] = tool.name }
        }
        self.named = named
    }

    /// The refusal's facts, then what to do with the tools at hand.
    package func sentence(for refusal: OrchestratorError) -> String {
        guard let remedy = refusal.remedy, let advice = advice(remedy) else { return refusal.description }
        return refusal.description + " " + advice
    }

    /// The enabled tool with `role`, if any.
    private func tool(_ role: ToolRole) -> String? { named[role] }

    private func advice(_ remedy: OrchestratorError.Remedy) -> String? {
        let finishing = tool(.finish)
        switch remedy {
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
