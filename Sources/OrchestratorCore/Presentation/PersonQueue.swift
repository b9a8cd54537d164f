/// What waits for the person, by one rule for every front end that shows it (`status`, `show`, the
/// board): a done task of an active plan whose policy asks for a decision, and a request whose live
/// tasks are all approved, which the person closes. Workflow runs approve their own steps.
package enum PersonQueue {
    package enum Item: Sendable, Equatable {
        /// Approve, or reject with feedback.
        case decide(WorkTask, in: WorkRequest)
        /// Every live task is approved: close the request.
        case close(WorkRequest)
    }

    package static func items(in requests: [WorkRequest]) -> [Item] {
        var items: [Item] = []
        for request in requests where request.status == .active && request.workflowRun == nil {
            for task in request.tasks where waits(task, in: request) { items.append(.decide(task, in: request)) }
            if request.liveTaskCount > 0, request.tasks.allSatisfy({ $0.isDeleted || $0.status == .approved }) {
                items.append(.close(request))
            }
        }
        return items
    }

    /// Whether the task is done and waits for a decision.
    package static func waits(_ task: WorkTask, in request: WorkRequest) -> Bool {
        !task.isDeleted && PlanView.awaitsDecision(task.status, under: request.approvalPolicy)
    }

    /// The status as the person reads it: a done task that waits for their decision says so.
    package static func statusWords(_ task: WorkTask, in request: WorkRequest) -> String {
        if PlanView.awaitsDecision(task.status, under: request.approvalPolicy) { return "done, needs you" }
        // Work sent back is the agent's again: said so, not as any task in progress.
        if task.status == .inProgress, task.history.last(where: { $0.to != nil })?.action == .rejected {
            return "rejected — back with the agent"
        }
        return task.status.words
    }
}
