/// Chooses the next task deterministically.
///
/// Among claimable tasks — pending, every dependency satisfied under the request's policy, request
/// active and not gated — the highest priority wins, then the earlier position in the plan. Without
/// a request id the oldest active request that has a claimable task is served. A holder that already
/// has a task in progress gets that task back before anything else. Expired leases must already have
/// been returned to pending (`OrchestratorState.expireLeases`).
package enum NextTaskSelector {
    package static func select(in state: OrchestratorState, request scope: WorkRequest.ID?, holder: String)
        -> NextTaskSelection
    {
        // Requests that record workflow runs advance through the workflow tools, never through here.
        let requests = state.requests.filter {
            $0.status == .active && $0.workflowRun == nil && (scope == nil || $0.id == scope)
        }
        for request in requests {
            if let held = request.tasks.first(where: {
                !$0.isDeleted && $0.status == .inProgress && $0.assignee == holder
            }) {
                return .resume(request.id, held.id)
            }
        }
        var stalled: [NextTaskSelection] = []
        for request in requests {
            let selection = select(in: request)
            if case .claim = selection { return selection }
            stalled.append(selection)
        }
        let preference: [(NextTaskSelection) -> Bool] = [
            { if case .awaitingApproval = $0 { true } else { false } },
            { if case .readyForCompletion = $0 { true } else { false } },
        ]
        for matches in preference {
            if let first = stalled.first(where: matches) { return first }
        }
        return stalled.first ?? .noActiveRequests
    }

    /// The selection within one active request.
    package static func select(in request: WorkRequest) -> NextTaskSelection {
        let policy = request.approvalPolicy
        var status: [WorkTask.ID: WorkTask.Status] = [:]
        status.reserveCapacity(request.tasks.count)
        var done: [WorkTask.ID] = []
        var inProgress: [WorkTask.ID] = []
        for task in request.tasks where !task.isDeleted {
            status[task.id] = task.status
            if task.status == .done { done.append(task.id) }
            if task.status == .inProgress { inProgress.append(task.id) }
        }
        if policy == .each, !done.isEmpty { return .awaitingApproval(request.id, done) }
        var best: (rank: Int, position: Int, id: WorkTask.ID)?
        for (position, task) in request.tasks.enumerated() where !task.isDeleted && task.status == .pending {
            if let best, task.priority.rank >= best.rank { continue }
            let ready = task.dependsOn.allSatisfy { status[$0].map(policy.satisfies) ?? false }
            if ready { best = (task.priority.rank, position, task.id) }
        }
        if let best { return .claim(request.id, best.id) }
        if !inProgress.isEmpty { return .waiting(request.id, inProgress: inProgress) }
        if !done.isEmpty { return .awaitingApproval(request.id, done) }
        if status.values.allSatisfy({ $0 == .approved }) { return .readyForCompletion(request.id) }
        // Pending tasks whose dependencies can never be met: writes refuse such graphs, so the file
        // was edited by hand. Say which, instead of waiting forever.
        let dangling = request.danglingDependencies
        return dangling.isEmpty ? .waiting(request.id, inProgress: []) : .stuck(request.id, dangling)
    }
}
