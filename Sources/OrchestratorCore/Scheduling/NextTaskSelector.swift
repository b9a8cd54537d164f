/// Chooses the next task deterministically.
///
/// Among claimable tasks — pending, every dependency satisfied under the request's policy, request
/// active and not gated — the highest priority wins, then the earlier position in the plan. Without
/// a request id the oldest active request that has a claimable task is served, those planned in the
/// caller's working tree (`preferring`) before the others. A holder that already
/// has a task in progress gets that task back before anything else. Expired leases must already have
/// been returned to pending (`OrchestratorState.expireLeases`).
package enum NextTaskSelector {
    package static func select(
        in state: OrchestratorState, request scope: WorkRequest.ID?, holder: String, preferring worktree: String? = nil
    ) -> NextTaskSelection {
        // Requests that record workflow runs advance through the workflow tools, never through here.
        // Tasks are read where they are stored: copying one costs a retain and a release per field.
        var requests = state.requests.indices.filter {
            state.requests[$0].status == .active && state.requests[$0].workflowRun == nil
                && (scope == nil || state.requests[$0].id == scope)
        }
        if let worktree {
            let here = requests.filter { state.requests[$0].origin?.worktree == worktree }
            if !here.isEmpty { requests = here + requests.filter { state.requests[$0].origin?.worktree != worktree } }
        }
        for index in requests {
            let tasks = state.requests[index].tasks
            if let held = tasks.indices.first(where: {
                tasks[$0].deletedAt == nil && tasks[$0].status == .inProgress && tasks[$0].assignee == holder
            }) {
                return .resume(state.requests[index].id, tasks[held].id)
            }
        }
        var stalled: [NextTaskSelection] = []
        for index in requests {
            let selection = select(in: state.requests[index])
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
        var plan = PlanView(request)
        let tasks = plan.tasks
        var done: [WorkTask.ID] = []
        var inProgress: [WorkTask.ID] = []
        var allApproved = true
        for index in tasks.indices where tasks[index].deletedAt == nil {
            switch tasks[index].status {
            case .done: done.append(tasks[index].id)
            case .inProgress: inProgress.append(tasks[index].id)
            case .pending, .approved: break
            }
            if tasks[index].status != .approved { allApproved = false }
        }
        let gate = plan.gate(done: done)
        if !gate.isEmpty { return .awaitingApproval(request.id, gate) }
        var best: (rank: Int, index: Int)?
        for index in tasks.indices where tasks[index].deletedAt == nil && tasks[index].status == .pending {
            let rank = tasks[index].priority.rank
            if let best, rank >= best.rank { continue }
            guard plan.isReady(index) else { continue }
            best = (rank, index)
        }
        if let best { return .claim(request.id, tasks[best.index].id) }
        if !inProgress.isEmpty { return .waiting(request.id, inProgress: inProgress) }
        if !done.isEmpty { return .awaitingApproval(request.id, done) }
        if allApproved { return .readyForCompletion(request.id) }
        // Pending tasks whose dependencies can never be met: writes refuse such graphs, so the file
        // was edited by hand. Say which, instead of waiting forever.
        let dangling = request.danglingDependencies
        return dangling.isEmpty ? .waiting(request.id, inProgress: []) : .stuck(request.id, dangling)
    }
}
